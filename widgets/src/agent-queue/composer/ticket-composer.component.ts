import { css, html, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { DeskTicket } from "../../client/desk-ticket.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import { areaField } from "../actions/action-fields.js";
import { actionStyles } from "../actions/action.styles.js";
import { deskText, indonesian } from "../agent-queue.messages.js";
import { ActionFormController } from "../controllers/action-form.controller.js";
import { TicketDataController } from "../controllers/ticket-data.controller.js";
import { reportAuth, type Detail } from "../desk-parts.js";
import { composerActions, type SigapTicketActionName } from "../ticket-actions.js";
import { ReplyFiles } from "../../shared/reply-files.js";

/**
 * The composer at the foot of a ticket's conversation: a public reply to the reporter or an internal
 * note, each offered only when the gateway's `Ticket.allowedActions` lists it. On a page alone it
 * reads the ticket of `ticket-id` itself with the agent's `token`. Files are attached by the Attach
 * button, by dropping them on the form or by pasting (an image from the clipboard); each uploads at
 * once within the site's limits from the gateway (shared/reply-files.ts; its upload code loads with
 * the first file).
 *
 * @summary Reply to the reporter or add an internal note to one ticket.
 * @tagname sigap-ticket-composer
 *
 * @csspart composer - The composer's section.
 * @csspart action - The reply's or the note's disclosure (`<details>`).
 * @csspart action-form - Its form.
 * @csspart action-error - Its error message.
 * @csspart canned - The button that opens the canned-response picker (loaded on first use).
 * @csspart attach - The Attach files button.
 * @csspart chips - The attached files' list.
 * @csspart chip - One attached file: name, size, thumbnail, progress or refusal, remove button.
 * @csspart confirmation - What the last message saved.
 * @csspart error - A failure to read the ticket.
 *
 * @fires {CustomEvent<SigapTicketActionDetail>} sigap-ticket-action - The gateway accepted a reply or a note.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused.
 */
export class SigapTicketComposer extends LitElement {
  static override styles = [
    themeStyles,
    ticketStyles,
    actionStyles,
    css`
      .modes {
        display: grid;
        gap: 0.35rem;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ticket: { attribute: false },
    ticketId: { attribute: "ticket-id" },
    token: {},
    endpoint: {},
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly data = new TicketDataController(this, {
    load: async (id) => (await request(this.target, DeskTicket, { id })).ticket,
    failed: (error) => (reportAuth(this, error) ? undefined : problemText(this.lc, error)),
  });
  private readonly forms = new ActionFormController(this, { lc: this.lc, target: () => this.target, ticket: () => this.ticket ?? this.data.detail });
  /** Each form's attached files, once it has had one. */
  private files: Partial<Record<SigapTicketActionName, ReplyFiles>> = {};

  /** The ticket written to, when the host has it (the ticket view); else the composer reads `ticket-id`. */
  ticket: Detail | null = null;
  /** The id or code of the ticket to write to, on a page alone. */
  ticketId = "";
  /** The agent's bearer token (a JWT from the internal portal). */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  constructor() {
    super();
    // On a page alone the composer keeps its own copy of the ticket current.
    this.addEventListener("sigap-ticket-action", (e) => {
      if (!this.ticket && e.detail.ticket) this.data.show(e.detail.ticket);
      // Sent with the message: the chips go.
      // (A work order's "cost" and "payment" have no files: nothing is found for them.)
      this.files[e.detail.action as SigapTicketActionName]?.clear();
    });
  }

  private shownId = "";

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  /** Opens the reply or note form and puts the cursor in it (a keyboard shortcut); false when the ticket does not allow it. */
  async open(action: SigapTicketActionName): Promise<boolean> {
    const d = this.ticket ?? this.data.detail;
    if (!d || !composerActions(d).includes(action)) return false;
    await this.updateComplete;
    const form = this.renderRoot.querySelector<HTMLFormElement>(`form[data-action="${action}"]`);
    const details = form?.closest("details");
    if (details) details.open = true;
    form?.querySelector("textarea")?.focus();
    return !!form;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const id = (this.ticket ?? this.data.detail)?.id ?? "";
    // The forms are reused from ticket to ticket: start each one closed and empty.
    if (id !== this.shownId) {
      this.shownId = id;
      this.forms.reset();
      for (const box of Object.values(this.files)) box.clear();
      for (const d of this.renderRoot.querySelectorAll("details")) d.open = false;
      for (const f of this.renderRoot.querySelectorAll<HTMLFormElement>("form[data-action]")) f.reset();
    }
    if (!this.ticket && this.token && (changed.has("ticketId") || changed.has("token") || changed.has("endpoint"))) this.data.open(this.ticketId);
  }

  /** The attached files of form `a`. */
  private box(a: SigapTicketActionName): ReplyFiles {
    const taken = (): number => (this.ticket ?? this.data.detail)?.attachments?.length ?? 0;
    return (this.files[a] ??= new ReplyFiles(this, { target: () => this.target, taken }));
  }

  override render(): TemplateResult {
    const d = this.ticket ?? this.data.detail;
    if (!d) return html`<p part="error" class="error" role="alert">${this.data.problem}</p>`;
    const t = (k: Parameters<typeof deskText>[1]): string => deskText(this.lc, k);
    return html`<section part="composer" class="modes">
      ${composerActions(d).map((a) => {
        const s = this.forms.acts[a] ?? {};
        const box = this.box(a);
        return html`<details part="action" class="action" name="compose">
          <summary>${t(`a.${a}`)}</summary>
          <form part="action-form" data-action=${a} novalidate @submit=${this.forms.handleSubmit} @dragover=${box.handle} @drop=${box.handle} @paste=${box.handle}>
            ${areaField(this.forms, a, "body", t("message"), true)}
            <p part="action-error" class="error" role="alert">${[this.forms.errors(a)["attachmentIds"], s.error].filter(Boolean).join(" ")}</p>
            <div class="row end">
              ${box.render()}
              <button type="button" part="canned" class="secondary" @click=${(e: Event) => { const b = e.currentTarget as HTMLElement; void import("../canned-picker/sigap-canned-picker.js").then((m) => m.openCannedPicker(b, this.target, d.id, this.theme ?? "light")); }}>${t("canned")}</button>
              <button type="button" part="articles" class="secondary" @click=${(e: Event) => { const b = e.currentTarget as HTMLElement; const ticket = { id: d.id, text: [d.problemType, d.description].filter(Boolean).join(" "), serviceId: d.serviceId, categoryId: d.categoryId }; void import("../article-picker/sigap-article-picker.js").then((m) => m.openArticlePicker(b, this.target, ticket, this.theme ?? "light")); }}>${t("articles")}</button>
              <button type="submit" ?disabled=${s.busy || box.busy}>${s.busy ? t("saving") : t(`a.${a}`)}</button>
            </div>
          </form>
        </details>`;
      })}
      <p part="confirmation" class="done muted" role="status">${this.forms.done}</p>
    </section>`;
  }
}
