import { html, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type { Endpoint } from "../client/http.js";
import type { LocaleController } from "../shared/locale.js";
import { problemCode, problemText } from "../shared/problem-text.js";
import { emit } from "../shared/events.js";
import { themeStyles } from "../shared/theme.styles.js";
import { sectionStyles } from "./desk-admin.styles.js";

/**
 * What every section part of `<sigap-desk-admin>` shares: the shell hands it the gateway and the
 * token (`target`), it reads what it shows when that arrives, and shows a failed read with a retry.
 */
export abstract class AdminSection<D> extends LitElement {
  static override styles = [themeStyles, sectionStyles];

  static override properties: PropertyDeclarations = {
    target: { attribute: false },
    data: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    theme: { reflect: true },
  };

  /** The gateway and the administrator's token, from the shell. */
  target: Endpoint | undefined;

  /** `light`, `dark` or `auto`, from the shell. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  /** What the section shows, once read. */
  protected data: D | null = null;
  /** Why the read failed. */
  protected problem = "";

  protected abstract readonly lc: LocaleController;

  /** Reads what the section shows. */
  protected abstract read(target: Endpoint): Promise<D>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("target") && this.target) void this.reload();
  }

  /** Reads the section's data again. */
  protected async reload(): Promise<void> {
    if (!this.target) return;
    this.problem = "";
    try {
      this.data = await this.read(this.target);
    } catch (error) {
      if (problemCode(error) === "UNAUTHENTICATED") emit(this, "sigap-auth-error", { message: error instanceof Error ? error.message : "" });
      this.problem = problemText(this.lc, error);
    }
  }

  /** The failed read and its retry button, or the loading note. */
  protected waiting(loading: string, retry: string): TemplateResult {
    return this.problem
      ? html`<p class="form-error" role="alert">${this.problem}</p><button type="button" @click=${this.reload}>${retry}</button>`
      : html`<p class="muted" role="status">${loading}</p>`;
  }
}
