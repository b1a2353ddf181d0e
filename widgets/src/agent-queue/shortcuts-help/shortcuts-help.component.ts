import { html, LitElement, type PropertyDeclarations, type TemplateResult } from "lit";
import { LocaleController } from "../../shared/locale.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import { SHORTCUTS } from "../shortcuts/shortcuts.rules.js";
import { helpMessages, indonesian, type HelpKey } from "./shortcuts-help.messages.js";
import { shortcutsHelpStyles } from "./shortcuts-help.styles.js";

/**
 * The agent queue's keyboard shortcuts, listed in the reader's language in a modal dialog (the `?`
 * key). Loaded on demand the first time it is asked for; Escape or its Close button shut it and
 * focus returns where it was.
 *
 * @summary The agent queue's keyboard shortcut help.
 * @tagname sigap-shortcuts-help
 *
 * @csspart help - The dialog.
 */
export class SigapShortcutsHelp extends LitElement {
  static override styles = [themeStyles, ticketStyles, shortcutsHelpStyles];

  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);

  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  /** Where focus goes back to when the help closes. */
  private returnTo: HTMLElement | null = null;

  /** Opens the help; focus returns to `returnTo` (the element that had it) when it closes. */
  async show(returnTo: HTMLElement | null = null): Promise<void> {
    this.returnTo = returnTo;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector("dialog");
    if (dialog && !dialog.open) dialog.showModal();
  }

  private handleClosed(): void {
    this.returnTo?.focus();
    this.returnTo = null;
  }

  override render(): TemplateResult {
    const t = (k: HelpKey): string => this.lc.t(helpMessages, k);
    return html`<dialog part="help" aria-labelledby="help-title" @close=${this.handleClosed} @keydown=${(e: KeyboardEvent) => e.key === "Escape" && e.stopPropagation()}>
      <div class="row">
        <h2 id="help-title" class="grow">${t("title")}</h2>
        <button type="button" class="secondary" @click=${() => this.renderRoot.querySelector("dialog")?.close()}>${t("close")}</button>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">${t("key")}</th>
            <th scope="col">${t("does")}</th>
          </tr>
        </thead>
        <tbody>
          ${SHORTCUTS.map(
            (s) => html`<tr>
              <td>${s.keys.map((k, i) => html`${i ? ` ${t("or")} ` : ""}<kbd>${k}</kbd>`)}</td>
              <td>${t(s.what)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p>${t("hint")}</p>
    </dialog>`;
  }
}
