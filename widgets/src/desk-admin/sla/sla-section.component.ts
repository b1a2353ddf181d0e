import { html, LitElement, type PropertyDeclarations, type TemplateResult } from "lit";
import type { Endpoint } from "../../client/http.js";
import { toLang } from "../../shared/locale.js";

/**
 * The SLA section of `<sigap-desk-admin>`: its forms one under the other, each reading and saving
 * its own part of the site (targets and matrix, the escalation ladder, business hours and holidays).
 *
 * @summary The SLA section of the desk administration (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-sla
 */
export class SigapAdminSla extends LitElement {
  static override properties: PropertyDeclarations = {
    target: { attribute: false },
    theme: { reflect: true },
  };

  /** The gateway and the administrator's token, from the shell. */
  target: Endpoint | undefined;

  /** `light`, `dark` or `auto`, from the shell. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  override render(): TemplateResult {
    // `lang` and the theme do not cross into a shadow root by themselves: each form gets them.
    const lang = toLang(this.getAttribute("lang"));
    const theme = this.theme ?? "light";
    return html`<sigap-admin-policy lang=${lang} theme=${theme} .target=${this.target}></sigap-admin-policy>
      <sigap-admin-ladder lang=${lang} theme=${theme} .target=${this.target}></sigap-admin-ladder>
      <sigap-admin-calendar lang=${lang} theme=${theme} .target=${this.target}></sigap-admin-calendar>`;
  }
}
