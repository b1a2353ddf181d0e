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
import { barActions } from "../ticket-actions.js";
import { renderActionFields } from "./action-fields.js";
import { actionStyles } from "./action.styles.js";

/**
 * The ticket view's action bar: one button per action the gateway lists in `Ticket.allowedActions`
 * (reply and note live in the composer), each opening its form as a panel, one at a time. A saved
 * form closes and the bar says what was saved.
 *
 * @summary Handling actions of one ticket: classify, assign, status, escalate, resolve, close, reopen, cancel.
 * @tagname sigap-ticket-actions
 *
 * @csspart action - One action's disclosure (`<details>`).
 * @csspart action-form - The form inside an action.
 * @csspart action-error - An action's error message.
 * @csspart confirmation - What the last action saved.
 *
 * @fires {CustomEvent<SigapTicketActionDetail>} sigap-ticket-action - The gateway accepted an action on the ticket.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused.
 */
export class SigapTicketActions extends LitElement {
  static override styles = [themeStyles, ticketStyles, actionStyles];

  static override properties: PropertyDeclarations = {
    ticket: { attribute: false },
    directory: { attribute: false },
    token: {},
    endpoint: {},
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly forms = new ActionFormController(this, { lc: this.lc, target: () => this.target, ticket: () => this.ticket });

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

  protected override willUpdate(): void {
    if (this.directory) this.names = directoryNames(this.directory);
    // The forms are reused from ticket to ticket: start each one closed and empty.
    if (this.ticket && this.ticket.id !== this.shownId) {
      this.shownId = this.ticket.id;
      this.forms.reset();
      for (const d of this.renderRoot.querySelectorAll("details")) d.open = false;
      for (const f of this.renderRoot.querySelectorAll<HTMLFormElement>("form[data-action]")) f.reset();
    }
  }

  override render(): TemplateResult {
    const d = this.ticket;
    const dir = this.directory;
    if (!d || !dir) return html``;
    const ctx = { lc: this.lc, dir, names: this.names, draft: this.forms.draft, errors: this.forms.errors };
    const t = (k: Parameters<typeof deskText>[1]): string => deskText(this.lc, k);
    // Every action keeps its own slot in the bar, so an open form never jumps to another action.
    return html`<div class="bar" role="group" aria-label=${t("actions")}>
        ${barActions(d).map((a) => {
          const s = this.forms.acts[a] ?? {};
          return html`<details part="action" class="action" name="ticket-action">
            <summary>${t(`a.${a}`)}</summary>
            <form part="action-form" data-action=${a} novalidate @submit=${this.forms.handleSubmit} @change=${this.forms.handleDraft}>
              ${renderActionFields(ctx, a, d)}
              <p part="action-error" class="error" role="alert">${s.error ?? ""}</p>
              <div class="row end">
                ${a === "assign" ? html`<button type="submit" class="secondary" name="me" value="1" ?disabled=${s.busy}>${t("toMe")}</button>` : nothing}
                <button type="submit" ?disabled=${s.busy}>${s.busy ? t("saving") : t(a === "assign" || a === "status" || a === "classify" ? "save" : `a.${a}`)}</button>
              </div>
            </form>
          </details>`;
        })}
      </div>
      <p part="confirmation" class="done muted" role="status">${this.forms.done}</p>`;
  }
}
