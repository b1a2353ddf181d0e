import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { DeskTicket } from "../../client/desk-ticket.operations.js";
import { DeskBootstrap, QueueChanged } from "../../client/desk.operations.js";
import type { QueueChangedSubscription } from "../../client/generated.js";
import { request, type Endpoint } from "../../client/http.js";
import { subscribe } from "../../client/live.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import "../actions/sigap-ticket-actions.js";
import { deskText, indonesian } from "../agent-queue.messages.js";
import "../composer/sigap-ticket-composer.js";
import { ClockController } from "../../shared/clock.controller.js";
import { LiveSyncController } from "../../shared/live-sync.controller.js";
import { TicketDataController } from "../controllers/ticket-data.controller.js";
import { renderFieldValues } from "../custom-field-values.js";
import { directoryNames } from "../desk-directory.js";
import { notify, reportAuth, type Detail, type Directory, type Row, type SigapAuthErrorDetail, type SigapTicketActionDetail } from "../desk-parts.js";
import { panelActions, type SigapTicketActionName } from "../ticket-actions.js";
import { renderBadges } from "../desk-render.js";
import { renderFacts } from "./ticket-facts.js";
import { renderThread } from "./ticket-thread.js";
import { ticketViewStyles } from "./ticket-view.styles.js";

// The report's file name travels with this on-demand view, not in the queue's first-load words.
const REPORT_FILE = { en: { name: "Ticket report {code}.pdf" }, id: { name: "Laporan tiket {code}.pdf" } };

/**
 * One ticket, conversation first: its head and action bar, the thread of the report, replies,
 * reporter messages and internal notes (marked) with the composer at its foot, and the facts and
 * SLA beside it. In the queue the shell hands it the ticket and directory; on a page alone (a deep
 * link) it reads the ticket of `ticket-id` and the directory with the agent's `token`, and follows
 * the ticket live.
 *
 * @summary A ticket's conversation, actions and facts, for service desk agents.
 * @tagname sigap-ticket-view
 *
 * @csspart detail - The view's section.
 * @csspart presence - Who else is viewing or typing on the ticket (`sigap-ticket-presence`, loaded on demand).
 * @csspart timeline - The conversation.
 * @csspart entry - One item of it (internal notes also `entry-internal`).
 * @csspart badge - A priority or status badge (also `priority` or `status`).
 * @csspart countdown - The SLA countdown.
 * @csspart back - The Back button (when `closable`).
 * @csspart action - An action's button in the bar, or a disclosure (`<details>`) of the composer.
 * @csspart action-dialog - The dialog holding the bar's open action.
 * @csspart action-form - The form inside an action.
 * @csspart action-error - An action's error message.
 * @csspart confirmation - What the last action saved.
 * @csspart facts - The side panel of facts.
 * @csspart custom-fields - The report's custom field values.
 * @csspart problem - Similar incidents and the linked problem (`sigap-ticket-problem`, loaded on demand; also `similar`, `workaround`, `manage`, `raise-dialog`).
 * @csspart report - The ticket report's download (a PDF with internal notes).
 * @csspart error - A failure to load the ticket.
 *
 * @fires {CustomEvent<SigapTicketActionDetail>} sigap-ticket-action - The gateway accepted an action on the ticket.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused.
 * @fires {CustomEvent<null>} sigap-ticket-close - The agent went back (the Back button or Escape; only when `closable`).
 */
export class SigapTicketView extends LitElement {
  static override styles = [themeStyles, ticketStyles, ticketViewStyles];

  static override properties: PropertyDeclarations = {
    ticket: { attribute: false },
    directory: { attribute: false },
    ticketId: { attribute: "ticket-id" },
    token: {},
    endpoint: {},
    closable: { type: Boolean, reflect: true },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly clock = new ClockController(this);
  private readonly data = new TicketDataController(this, {
    load: async (id) => (await request(this.target, DeskTicket, { id })).ticket,
    failed: (error) => (reportAuth(this, error) ? undefined : problemText(this.lc, error)),
  });
  private readonly live = new LiveSyncController<QueueChangedSubscription>(this, {
    open: (handlers) => subscribe(this.target, QueueChanged, {}, handlers),
    next: ({ queueChanged: e }) => {
      if (!e.ticket || e.kind === "RESYNC") this.data.refresh();
      else if (e.ticket.id === this.data.detail?.id) this.data.show(e.ticket);
    },
    reconnected: () => this.data.refresh(),
    failed: (error) => reportAuth(this, error),
  });

  /** The ticket to show at once (a queue row); the view then reads the rest. */
  ticket: Row | Detail | null = null;
  /** The site's directory; read by the view itself when the host does not give it. */
  directory: Directory | null = null;
  /** The id or code of the ticket to show, on a page alone. */
  ticketId = "";
  /** The agent's bearer token (a JWT from the internal portal). */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** Shows a Back button (and takes Escape) that fires `sigap-ticket-close`. */
  closable = false;
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private names = new Map<string, string>();
  /** The approval chain's drawing, once a ticket with a chain has asked for it. */
  private chainView: typeof import("../../shared/approval/approval-chain.js") | null = null;
  /** The directory the view read itself (on a page alone). */
  private ownDirectory: Directory | null = null;

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private get siteDirectory(): Directory | null {
    return this.directory ?? this.ownDirectory;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("ticket") && this.ticket) this.data.show(this.ticket);
    else if (!this.ticket && this.token && (changed.has("ticketId") || changed.has("token") || changed.has("endpoint"))) this.standalone();
    const dir = this.siteDirectory;
    if (dir && (changed.has("directory") || !this.names.size)) this.names = directoryNames(dir);
  }

  /** On a page alone: reads the directory and the ticket, and follows it live. */
  private standalone(): void {
    this.data.open(this.ticketId);
    if (this.directory) return;
    this.live.start();
    request(this.target, DeskBootstrap, {}).then(
      (d) => {
        this.ownDirectory = d.deskDirectory;
        this.names = directoryNames(d.deskDirectory);
        this.requestUpdate();
      },
      (error) => {
        if (!reportAuth(this, error)) this.data.problem = problemText(this.lc, error);
        this.requestUpdate();
      },
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Who else is on the ticket: a part of its own, loaded on demand.
    void import("../presence/sigap-ticket-presence.js");
    // Similar incidents and the linked problem: another part loaded on demand.
    void import("../ticket-problem/sigap-ticket-problem.js");
  }

  /** Reads the ticket again (the host's live feed reconnected or lost events). */
  refresh(): void {
    this.data.refresh();
  }

  /** Moves focus to the ticket's title (after it opened, or when the focused control is gone). */
  focusTitle(): void {
    this.renderRoot.querySelector<HTMLElement>("#detail-title")?.focus();
  }

  /** The actions the agent may take on the ticket now (the gateway's `allowedActions`, as the bar and composer offer them). */
  get actions(): SigapTicketActionName[] {
    return this.data.detail ? panelActions(this.data.detail) : [];
  }

  /** Starts an action (a keyboard shortcut): opens its dialog, or the composer's reply or note; false when the ticket does not allow it. */
  async run(action: SigapTicketActionName, submitter?: "me"): Promise<boolean> {
    if (!this.actions.includes(action)) return false;
    const bar = this.renderRoot.querySelector("sigap-ticket-actions");
    if (bar?.actions.includes(action)) return bar.open(action, submitter);
    return this.renderRoot.querySelector("sigap-ticket-composer")?.open(action) ?? false;
  }

  /** Goes back to the list (only when `closable`): fires `sigap-ticket-close`. */
  close(): void {
    if (this.closable) notify(this, "sigap-ticket-close", null);
  }

  private async handleAction(e: CustomEvent<SigapTicketActionDetail>): Promise<void> {
    if (e.detail.ticket) this.data.show(e.detail.ticket);
    else this.data.refresh();
    notify<SigapTicketActionDetail>(this, "sigap-ticket-action", e.detail);
    await this.updateComplete;
    // The action may no longer apply to the new status, taking the focused control with it.
    if (!this.shadowRoot?.activeElement) this.focusTitle();
  }

  private handleKey(e: KeyboardEvent): void {
    if (e.key !== "Escape") return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLSelectElement) return;
    // Escape in a text field leaves the field, keeping its draft; a second Escape goes back.
    if (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== "checkbox" && target.type !== "radio")) {
      this.focusTitle();
      return;
    }
    this.close();
  }

  /** The place of the ticket's custom field values (widgets/src/agent-queue/custom-field-values.ts, wired at merge). */
  private renderCustomFields(d: Detail): TemplateResult | typeof nothing {
    return renderFieldValues(this.lc, d.fields);
  }

  /** A work order's findings, cost and payment forms: their own element, loaded for work orders only. */
  private renderWorkOrder(d: Detail): TemplateResult {
    void import("../work-order/sigap-work-order-desk.js");
    return html`<sigap-work-order-desk exportparts="work-order, action, action-form, action-error" .ticket=${d}
      token=${this.token} endpoint=${this.endpoint} theme=${this.theme ?? nothing}></sigap-work-order-desk>`;
  }

  /**
   * A request's approval chain (shared/approval/approval-chain.ts, the tracker's drawing, loaded for
   * tickets that have one) and, once approved, its document read with the agent's token like a file.
   */
  private renderApproval(d: Detail): TemplateResult | typeof nothing {
    const chain = d.approval;
    if (!chain) return nothing;
    if (!this.chainView) {
      void import("../../shared/approval/approval-chain.js").then((m) => {
        this.chainView = m;
        this.requestUpdate();
      });
      return nothing;
    }
    const base = new URL(this.target.url, document.baseURI);
    const file = { id: `approval-${d.id}`, filename: `${d.code}-approval.pdf`, contentType: "application/pdf", size: 0 };
    return html`${this.chainView.renderApprovalChain(this.lc, chain, null)}
      ${chain.documentUrl ? html`<p part="approval-document"><sigap-attachment .file=${file} href=${new URL(chain.documentUrl, base).href} token=${this.token}></sigap-attachment></p>` : nothing}`;
  }

  /** The ticket's full report as a PDF (internal notes included), read with the agent's token like a file. */
  private renderReport(d: Detail): TemplateResult {
    const url = new URL(`/documents/ticket/${encodeURIComponent(d.code)}`, new URL(this.target.url, document.baseURI));
    url.searchParams.set("lang", this.lc.lang);
    const file = { id: `report-${d.id}`, filename: this.lc.t(REPORT_FILE, "name", { code: d.code }), contentType: "application/pdf", size: 0 };
    return html`<p part="report"><sigap-attachment .file=${file} href=${url.href} token=${this.token}></sigap-attachment></p>`;
  }

  override render(): TemplateResult {
    const d = this.data.detail;
    const dir = this.siteDirectory;
    if (!d || !dir) {
      return html`<p part="error" class="error" role="alert">${this.data.problem}</p>${this.data.problem ? nothing : html`<p class="muted" role="status">${deskText(this.lc, "loading")}</p>`}`;
    }
    // Thumbnails, previews and downloads with the agent's token (the files, the report) load with the ticket.
    void import("../../shared/attachment/sigap-attachment.js");
    const files = new Map((d.attachments ?? []).map((a) => [a.id, a]));
    const file = (id: string): TemplateResult | typeof nothing => {
      const a = files.get(id);
      if (!a) return nothing;
      return html`<sigap-attachment .file=${a} href=${new URL(a.url, new URL(this.target.url, document.baseURI)).href} token=${this.token}>${a.filename}</sigap-attachment>`;
    };
    const common = { token: this.token, endpoint: this.endpoint, theme: this.theme ?? nothing };
    // The problem part gets the queue's row when there is one: each live change of it (a link made
    // elsewhere changes no version) reads the problem side again.
    return html`<section part="detail" aria-labelledby="detail-title" @keydown=${this.handleKey} @sigap-ticket-action=${this.handleAction}
      @sigap-auth-error=${(e: CustomEvent<SigapAuthErrorDetail>) => notify(this, "sigap-auth-error", e.detail)}>
      <div class="head">
        <h2 id="detail-title" tabindex="-1">${deskText(this.lc, "ticket", { code: d.code })}</h2>
        ${renderBadges(this.lc, d)}
        ${this.closable ? html`<button part="back" type="button" class="secondary" @click=${() => this.close()}>${deskText(this.lc, "back")}</button>` : nothing}
      </div>
      <sigap-ticket-presence exportparts="presence" ticket-id=${d.id} token=${common.token} endpoint=${common.endpoint} theme=${common.theme}></sigap-ticket-presence>
      <p part="error" class="error" role="alert">${this.data.problem}</p>
      <sigap-ticket-actions exportparts="action, action-form, action-error, confirmation" .ticket=${d} .directory=${dir}
        token=${common.token} endpoint=${common.endpoint} theme=${common.theme}></sigap-ticket-actions>
      ${d.type === "WORK_ORDER" ? this.renderWorkOrder(d) : nothing}
      <div class="body">
        <div>
          ${d.timeline ? renderThread(this.lc, d, file) : html`<p class="muted">${deskText(this.lc, "loading")}</p>`}
          <sigap-ticket-composer exportparts="action, action-form, action-error, confirmation" .ticket=${d}
            @input=${() => this.renderRoot.querySelector("sigap-ticket-presence")?.typed()}
            token=${common.token} endpoint=${common.endpoint} theme=${common.theme}></sigap-ticket-composer>
        </div>
        <aside part="facts" aria-label=${deskText(this.lc, "details")}>
          ${renderFacts(this.lc, d, dir, this.names, this.clock.now)} ${this.renderCustomFields(d)} ${this.renderApproval(d)} ${this.renderReport(d)}
          <sigap-ticket-problem exportparts="problem, similar, workaround, manage, raise-dialog" .ticket=${this.ticket ?? d} token=${common.token} endpoint=${common.endpoint} theme=${common.theme}></sigap-ticket-problem>
        </aside>
      </div>
    </section>`;
  }
}
