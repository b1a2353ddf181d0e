import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import type { Endpoint } from "../../client/http.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import { deskText, indonesian } from "../agent-queue.messages.js";
import { ActionFormController } from "../controllers/action-form.controller.js";
import { directoryNames } from "../desk-directory.js";
import type { Detail, Directory } from "../desk-parts.js";
import { barActions, type SigapTicketActionName } from "../ticket-actions.js";
import { renderActionFields } from "./action-fields.js";
import { dialogWords } from "./action-dialog.messages.js";
import { actionStyles } from "./action.styles.js";

/**
 * The ticket view's action bar: one button per action the gateway lists in `Ticket.allowedActions`
 * (reply and note live in the composer), each opening its form in a modal dialog, one at a time:
 * a sheet on a phone, a drawer at the side on wider screens. Focus moves into the dialog, Escape
 * closes it and focus returns to the action's button; a saved form closes and the bar says what was
 * saved until the next action or ticket.
 *
 * @summary Handling actions of one ticket: classify, assign, status, escalate, resolve, close, reopen, cancel.
 * @tagname sigap-ticket-actions
 *
 * @csspart action - One action's button.
 * @csspart action-dialog - The dialog holding the open action's form.
 * @csspart action-form - The form inside it.
 * @csspart action-error - An action's error message.
 * @csspart confirmation - What the last action saved.
 *
 * @fires {CustomEvent<SigapTicketActionDetail>} sigap-ticket-action - The gateway accepted an action on the ticket.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused.
 */
export class SigapTicketActions extends LitElement {
  static override styles = [themeStyles, ticketStyles, actionStyles];

  static override properties: PropertyDeclarations = {
    shown: { state: true, attribute: false },
    ticket: { attribute: false },
    directory: { attribute: false },
    token: {},
    endpoint: {},
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly forms = new ActionFormController(this, { lc: this.lc, target: () => this.target, ticket: () => this.ticket });

  /** The action whose dialog is open, if any. */
  private shown: SigapTicketActionName | "" = "";

  /** The ticket acted on. */
  ticket: Detail | null = null;
  /** The site's directory: the choices the forms offer. */
  directory: Directory | null = null;
  /** The agent's bearer token. */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private names = new Map<string, string>();
  private shownId = "";

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector("dialog");
  }

  /** The actions the bar offers for the ticket now (the gateway's `allowedActions`, less the composer's). */
  get actions(): SigapTicketActionName[] {
    return this.ticket ? barActions(this.ticket) : [];
  }

  /**
   * Opens an action's dialog (a keyboard shortcut, or its button); with `submitter`, also sends the
   * form with that button (`me`: "Assign to me"). False when the ticket does not allow the action.
   */
  async open(action: SigapTicketActionName, submitter?: "me"): Promise<boolean> {
    if (!this.actions.includes(action)) return false;
    this.shown = action;
    this.forms.done = "";
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog) return false;
    if (!dialog.open) dialog.showModal();
    const form = dialog.querySelector("form");
    // Straight to the first field rather than the dialog's close button.
    form?.querySelector<HTMLElement>("select, textarea, input")?.focus();
    if (submitter) form?.requestSubmit(form.querySelector<HTMLButtonElement>(`button[name="${submitter}"]`));
    return true;
  }

  protected override willUpdate(): void {
    if (this.directory) this.names = directoryNames(this.directory);
    // The form is reused from ticket to ticket: start each one closed and empty.
    if (this.ticket && this.ticket.id !== this.shownId) {
      this.shownId = this.ticket.id;
      this.forms.reset();
      this.dialog?.close();
      this.shown = "";
    }
    // A live change may take the open action away (another agent resolved the ticket).
    if (this.shown && !this.actions.includes(this.shown)) this.dialog?.close();
  }

  private handleClosed(): void {
    const action = this.shown;
    this.shown = "";
    // Back to the action's button; if the action no longer applies, the ticket view takes focus.
    this.renderRoot.querySelector<HTMLElement>(`button[data-open="${action}"]`)?.focus();
  }

  private handleKey(e: KeyboardEvent): void {
    // Escape closes the dialog (the browser's own), not the ticket around it.
    if (e.key === "Escape") e.stopPropagation();
  }

  private renderForm(d: Detail, dir: Directory, a: SigapTicketActionName): TemplateResult {
    const t = (k: Parameters<typeof deskText>[1]): string => deskText(this.lc, k);
    const ctx = { lc: this.lc, dir, names: this.names, draft: this.forms.draft, errors: this.forms.errors };
    const s = this.forms.acts[a] ?? {};
    return html`<form part="action-form" data-action=${a} novalidate aria-labelledby="action-title" @submit=${this.forms.handleSubmit} @change=${this.forms.handleDraft}>
      <div class="row">
        <h3 id="action-title" class="grow">${t(`a.${a}`)}</h3>
        <button type="button" class="secondary" aria-label=${this.lc.t(dialogWords, "close")} @click=${() => this.dialog?.close()}>✕</button>
      </div>
      ${renderActionFields(ctx, a, d)}
      <p part="action-error" class="error" role="alert">${s.error ?? ""}</p>
      <div class="row end">
        ${a === "assign" ? html`<button type="submit" class="secondary" name="me" value="1" ?disabled=${s.busy}>${t("toMe")}</button>` : nothing}
        <button type="submit" ?disabled=${s.busy}>${s.busy ? t("saving") : t(a === "assign" || a === "status" || a === "classify" ? "save" : `a.${a}`)}</button>
      </div>
    </form>`;
  }

  override render(): TemplateResult {
    const d = this.ticket;
    const dir = this.directory;
    if (!d || !dir) return html``;
    const t = (k: Parameters<typeof deskText>[1]): string => deskText(this.lc, k);
    return html`<div class="bar" role="group" aria-label=${t("actions")}>
        ${this.actions.map(
          (a) => html`<button part="action" type="button" class="secondary" data-open=${a} aria-haspopup="dialog" aria-expanded=${this.shown === a ? "true" : "false"} @click=${() => this.open(a)}>
            ${t(`a.${a}`)}
          </button>`,
        )}
      </div>
      <dialog part="action-dialog" class="sheet" aria-labelledby="action-title" @close=${this.handleClosed} @keydown=${this.handleKey}>
        ${this.shown ? this.renderForm(d, dir, this.shown) : nothing}
      </dialog>
      <p part="confirmation" class="done muted" role="status">${this.forms.done}</p>`;
  }
}
