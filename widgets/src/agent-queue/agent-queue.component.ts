// Over the ~250-line mark only by its JSDoc (the manifest's list of every CSS part the page may
// style through it); the code is the shell's one job: sign-in, directory, live rows, one open ticket.
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { DeskBootstrap, Queue, QueueChanged } from "../client/desk.operations.js";
import type { QueueChangedSubscription } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { subscribe } from "../client/live.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import { emit } from "../shared/events.js";
import { LocaleController } from "../shared/locale.js";
import { problemCode, problemText } from "../shared/problem-text.js";
import { themeStyles } from "../shared/theme.styles.js";
import { priorityLabel } from "../shared/ticket-text.js";
import { ticketStyles } from "../shared/ticket.styles.js";
import { deskText, indonesian, type DeskKey } from "./agent-queue.messages.js";
import { queueStyles } from "./agent-queue.styles.js";
import { ClockController } from "../shared/clock.controller.js";
import { LiveSyncController } from "../shared/live-sync.controller.js";
import { QueueDataController } from "./controllers/queue-data.controller.js";
import { statusChoices } from "./desk-directory.js";
import type { Directory, Me, Row, SigapAuthErrorDetail, SigapTicketActionDetail, SigapTicketSelectDetail } from "./desk-parts.js";
import { NO_FILTERS, queueFilter, withKnownField, type QueueFilters } from "./queue-filters/queue-filters.rules.js";
import type { SigapTicketOpenDetail } from "./queue-list/queue-list.component.js";
import "./queue-list/sigap-queue-list.js";
import type { SigapTicketView } from "./ticket-view/ticket-view.component.js";
import type { SigapTicketLoggedDetail } from "./log-ticket/log-ticket.component.js";
import type { LinkedQueue } from "./deep-link.js";

export type { SigapAuthErrorDetail, SigapTicketActionDetail, SigapTicketSelectDetail } from "./desk-parts.js";
export type { SigapTicketActionName } from "./ticket-actions.js";

type Phase = "loading" | "ready" | "auth" | "failed" | "signin";

/** The parts' CSS parts, re-exported so a page styles them through the shell as before the split. */
const LIST_PARTS = "table, row, dot, badge, priority, type, countdown, more, error";
const VIEW_PARTS = "detail, back, presence, custom-fields, timeline, entry, entry-internal, badge, priority, type, status, countdown, action, action-dialog, action-form, action-error, confirmation, facts, error";

/**
 * The service desk's live queue: filters, priority badges, live SLA countdowns, and a ticket view
 * with the conversation and every handling action the gateway allows. A shell over its parts
 * (`sigap-queue-filters`, loaded on demand, `sigap-queue-list`, `sigap-ticket-view`): it signs in, reads the
 * directory, keeps the rows live and opens one ticket at a time (on a phone, in place of the list);
 * keyboard shortcuts (`?` lists them; they work from anywhere on the page but the page's own controls)
 * load with the first key pressed. It speaks English or Indonesian,
 * from its `lang` attribute, an ancestor's, or the page's `<html lang>`.
 *
 * @summary Live ticket queue and ticket handling for service desk agents.
 * @tagname sigap-agent-queue
 *
 * @csspart toolbar - The title bar with the signed-in agent and the live indicator.
 * @csspart indicator - The "live / reconnecting…" indicator.
 * @csspart new-ticket - The "New ticket" button, which opens the logging dialog (phone, e-mail, walk-in).
 * @csspart sound - The sound toggle (of `sigap-desk-awareness`, loaded on demand).
 * @csspart dot - A row's unread marker.
 * @csspart presence - Who else is viewing or typing on the open ticket.
 * @csspart views - The views list with counts (also `view`, `view-active`, `count`).
 * @csspart filters - The filter form.
 * @csspart filters-toggle - The "Filters" button of narrow screens.
 * @csspart search - The search field.
 * @csspart search-status - The search box's hint line.
 * @csspart table - The queue table.
 * @csspart row - One ticket row.
 * @csspart badge - A priority or status badge (also `priority` or `status`).
 * @csspart countdown - An SLA countdown.
 * @csspart more - The "load more" button.
 * @csspart detail - The ticket view.
 * @csspart custom-fields - The custom field values beside the ticket.
 * @csspart timeline - The ticket's conversation.
 * @csspart entry - One item of it (internal notes also `entry-internal`).
 * @csspart back - The ticket's Back button.
 * @csspart action - An action's button in the bar (the composer's reply and note are disclosures).
 * @csspart action-dialog - The dialog holding the open action's form.
 * @csspart action-form - The form inside an action.
 * @csspart action-error - An action's error message.
 * @csspart confirmation - What the last action saved.
 * @csspart facts - The ticket's facts beside the conversation.
 * @csspart auth - The "session expired" state.
 * @csspart error - A failure to load the queue, the ticket or a file.
 * @csspart link-problem - Why the ticket of the `ticket` attribute could not be opened (not on this desk).
 *
 * @cssproperty --sigap-color-bg - Background.
 * @cssproperty --sigap-color-surface - Background of panels and internal notes.
 * @cssproperty --sigap-color-fg - Text.
 * @cssproperty --sigap-color-muted - Secondary text.
 * @cssproperty --sigap-color-border - Borders.
 * @cssproperty --sigap-color-accent - Buttons, links, selection.
 * @cssproperty --sigap-color-danger - Errors, P1 and breached SLA.
 * @cssproperty --sigap-color-warning - P2 and at-risk SLA.
 * @cssproperty --sigap-color-success - Resolved and met SLA.
 * @cssproperty --sigap-font-family - Font; the host page's by default.
 * @cssproperty --sigap-radius - Corner radius.
 *
 * @attr {boolean} title-count - Puts the count of the agent's unread tickets (theirs and their group's) in the document title, `(3) …`; the page's title comes back when the queue leaves. Read by `sigap-desk-awareness`. Off by default.
 * @attr {boolean} sound - Plays a short tone for a new ticket or a reporter's message for agents who never chose with the toolbar's toggle (their choice is remembered per agent). Read by `sigap-desk-awareness`. Off by default.
 *
 * @fires {CustomEvent<SigapTicketSelectDetail>} sigap-ticket-select - A ticket's detail was opened.
 * @fires {CustomEvent<SigapTicketActionDetail>} sigap-ticket-action - The gateway accepted an action on a ticket.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused (expired or invalid).
 */
export class SigapAgentQueue extends LitElement {
  static override styles = [themeStyles, ticketStyles, queueStyles];

  // Declared here rather than with decorators, whose code and helper cost each widget about 0.4 KB
  // gzipped. States also say `attribute: false`, the only thing the manifest analyzer reads.
  static override properties: PropertyDeclarations = {
    phase: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    me: { state: true, attribute: false },
    directory: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    open: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    logging: { state: true, attribute: false },
    linkProblem: { state: true, attribute: false },
    token: {},
    ticket: {},
    siteKey: { attribute: "site-key" },
    endpoint: {},
    pageSize: { type: Number, attribute: "page-size" },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly clock = new ClockController(this);
  private readonly queue = new QueueDataController(this, {
    page: async (first, after) => {
      const { queue } = await request(this.target, Queue, { filter: queueFilter(this.filters), first, after });
      return { rows: queue.edges.map((e) => e.node), hasNextPage: queue.pageInfo.hasNextPage, endCursor: queue.pageInfo.endCursor };
    },
    pageSize: () => Math.min(200, Math.max(1, Math.trunc(this.pageSize) || 50)),
    failed: (error) => (this.authFailed(error) ? undefined : problemText(this.lc, error)),
    arrived: (t, kind) => {
      if (kind === "CREATED") this.announcement = this.t("newTicket", { p: priorityLabel(this.lc, t.priority), code: t.code, name: t.reporterName });
    },
    changed: (t) => {
      // The agent is looking at it: what the reporter just wrote is read.
      if (this.open?.id === t.id) this.seen((this.open = t));
    },
    resync: () => this.view?.refresh(),
    searching: () => !!this.filters.search,
  });
  private readonly live = new LiveSyncController<QueueChangedSubscription>(this, {
    open: (handlers) => subscribe(this.target, QueueChanged, {}, handlers),
    next: ({ queueChanged: e }) => {
      this.queue.receive(e);
      this.renderRoot.querySelector("sigap-desk-awareness")?.heard(e);
    },
    reconnected: () => {
      void this.queue.loadFirst();
      this.view?.refresh();
    },
    failed: (error) => this.authFailed(error),
  });

  private phase: Phase = "loading";
  private problem = "";
  private me: Me | null = null;
  private directory: Directory | null = null;
  private filters: QueueFilters = NO_FILTERS;
  /** The ticket open in the view, as last known here (the view reads the rest). */
  private open: Row | null = null;
  private announcement = "";
  /** The "New ticket" dialog is open. */
  private logging = false;
  /** Why the linked ticket (`ticket`) could not be opened (deep-link.ts). */
  private linkProblem = "";

  /** The agent's bearer token (a JWT from the internal portal); without it and with `site-key`, the queue signs the agent in itself. */
  token = "";
  /** A ticket's code (or id) to open in the view once the agent is signed in: a deep link, as `#ticket=CODE` on the demo queue page. */
  ticket = "";
  /** The site's public key: lets the queue sign agents in itself when the page gives no `token`. */
  siteKey = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** How many tickets each page of the queue holds (1–200). @default 50 */
  pageSize = 50;
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  /** Whether the token came from the queue's own sign-in (then a refused token asks to sign in again). */
  private ownToken = false;
  /** Bumped by every start-up, so a slower earlier answer is dropped. */
  private boots = 0;

  /**
   * Keys pressed in the queue, or with nothing focused on the page (after a click on the thread's
   * text or the page around the queue), are the queue's shortcuts; keys in the page's own controls
   * are not. The shortcuts load with the first such key; the path is only readable now.
   */
  private readonly handlePageKey = (e: KeyboardEvent): void => {
    const path = e.composedPath();
    const nowhere = e.target === document.body || e.target === document.documentElement;
    if (this.phase !== "ready" || !(nowhere || path.includes(this))) return;
    void import("./shortcuts/queue-shortcuts.js").then((m) => m.onQueueKey(this.renderRoot, e, path, this.theme));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("keydown", this.handlePageKey);
    if (this.hasUpdated) void this.boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("keydown", this.handlePageKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("token") || changed.has("endpoint")) void this.boot();
    else if (changed.has("pageSize") && this.phase === "ready") void this.queue.loadFirst();
    if (changed.has("ticket") && this.phase === "ready") this.openLinked();
  }

  /** The deep link's part loads only when a page links to a ticket. */
  private openLinked(): void {
    if (this.ticket) void import("./deep-link.js").then((m) => m.openLinked(this as unknown as LinkedQueue));
  }

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  /** The agent opened (or is looking at) a ticket: read here at once, and at the gateway. */
  private seen(t: Row): void {
    this.queue.seen(t.id);
    void this.renderRoot.querySelector("sigap-desk-awareness")?.read(t);
  }

  private get view(): SigapTicketView | null {
    return this.renderRoot.querySelector("sigap-ticket-view");
  }

  private t(key: DeskKey, values?: Record<string, string | number>): string {
    return deskText(this.lc, key, values);
  }

  private async boot(): Promise<void> {
    const boot = ++this.boots;
    if (!this.token && this.siteKey) return this.askSignIn();
    this.live.stop();
    this.phase = "loading";
    this.queue.reset();
    this.open = null;
    try {
      const data = await request(this.target, DeskBootstrap, {});
      // The token or endpoint changed meanwhile: the newer start-up wins.
      if (boot !== this.boots) return;
      this.me = data.me;
      this.directory = data.deskDirectory;
      // The default statuses are the gateway's open ones.
      if (!this.filters.statuses.length) this.filters = { ...this.filters, statuses: statusChoices(data.deskDirectory.statuses).open };
      this.filters = withKnownField(this.filters, data.deskDirectory.customFields.map((f) => f.key));
      this.phase = "ready";
      // Title count, sound and read marks: a part of their own, loaded now.
      void import("./awareness/sigap-desk-awareness.js");
      // The views list and the filter form load right after the first render of the queue: the rows come first.
      void import("./queue-views/sigap-queue-views.js");
      void import("./queue-filters/sigap-queue-filters.js");
      this.live.start();
      await this.queue.loadFirst();
      this.openLinked();
    } catch (error) {
      if (boot !== this.boots || this.authFailed(error)) return;
      this.problem = problemText(this.lc, error);
      this.phase = "failed";
    }
  }

  /** Shows the sign-in part (loaded now, on first need) in place of the queue. */
  private askSignIn(): void {
    this.live.stop();
    this.ownToken = false;
    this.phase = "signin";
    void import("./sign-in/sigap-agent-sign-in.js");
  }

  private handleSignedIn(event: CustomEvent<{ token: string }>): void {
    this.ownToken = true;
    this.token = event.detail.token;
  }

  /** Switches to the "session expired" state (or signs in again) when the gateway refused the token; true if it did. */
  private authFailed(error: unknown): boolean {
    if (problemCode(error) !== "UNAUTHENTICATED") return false;
    this.refused(error instanceof Error ? error.message : "");
    return true;
  }

  private refused(message: string): void {
    if (this.ownToken) {
      this.askSignIn();
      return;
    }
    this.live.stop();
    if (this.phase === "auth") return;
    this.phase = "auth";
    this.problem = message;
    emit<SigapAuthErrorDetail>(this, "sigap-auth-error", { message });
  }

  private handleOpen(e: CustomEvent<SigapTicketOpenDetail>): void {
    const row = this.queue.rows.find((r) => r.id === e.detail.id);
    if (row) void this.show(row);
  }

  private async show(row: Row): Promise<void> {
    // The ticket view, its action bar and composer load with the first ticket opened.
    await import("./ticket-view/sigap-ticket-view.js");
    if (this.open?.id !== row.id) this.open = row;
    this.seen(row);
    emit<SigapTicketSelectDetail>(this, "sigap-ticket-select", { id: row.id, code: row.code });
    await this.updateComplete;
    await this.view?.updateComplete;
    this.view?.focusTitle();
  }

  private async handleClose(): Promise<void> {
    this.open = null;
    await this.updateComplete;
    this.renderRoot.querySelector("sigap-queue-list")?.focus();
  }

  private handleAction(e: CustomEvent<SigapTicketActionDetail>): void {
    const { id, code, action, ticket } = e.detail;
    if (ticket) this.queue.apply(ticket, "UPDATED");
    emit<SigapTicketActionDetail>(this, "sigap-ticket-action", { id, code, action });
  }

  private handleFilters(e: CustomEvent<QueueFilters>): void {
    this.filters = e.detail;
    void this.queue.loadFirst();
  }

  override render(): TemplateResult {
    if (this.phase === "signin") {
      return html`<sigap-agent-sign-in site-key=${this.siteKey} endpoint=${this.endpoint} @sigap-signed-in=${this.handleSignedIn}></sigap-agent-sign-in>`;
    }
    if (this.phase === "auth") {
      return html`<div part="auth" class="panel" role="alert"><p><strong>${this.t("auth")}</strong></p><p class="muted">${this.problem}</p></div>`;
    }
    if (this.phase === "failed") {
      return html`<div class="panel"><p part="error" class="error" role="alert">${this.problem}</p>
        <button type="button" @click=${this.boot}>${this.t("retry")}</button></div>`;
    }
    if (this.phase === "loading" || !this.directory) return html`<p class="muted" role="status">${this.t("loading")}</p>`;
    const q = this.queue;
    const theme = this.theme ?? nothing;
    return html`<div part="toolbar" class="toolbar">
        <h2>${this.t("title")}</h2>
        <span class="muted">${this.me ? this.t("signedIn", { name: this.me.name }) : ""}</span>
        <span part="indicator" class="indicator ${this.live.state}" role="status">${this.t(this.live.state)}</span>
        <button type="button" part="new-ticket" @click=${() => import("./log-ticket/sigap-log-ticket.js").then(() => (this.logging = true))}>${this.t("logNew")}</button>
        <sigap-desk-awareness exportparts="sound" .queue=${this}></sigap-desk-awareness>
      </div>
      ${this.logging
        ? html`<sigap-log-ticket theme=${theme} .directory=${this.directory} token=${this.token} endpoint=${this.endpoint}
            @sigap-ticket-logged=${(e: CustomEvent<SigapTicketLoggedDetail>) => this.show(e.detail.ticket)} @sigap-log-close=${() => (this.logging = false)}></sigap-log-ticket>`
        : nothing}
      <sigap-queue-views exportparts="views, view, view-active, count" theme=${theme} token=${this.token} endpoint=${this.endpoint} .value=${this.filters} .rows=${q.rows}
        @sigap-filters-change=${this.handleFilters}></sigap-queue-views>
      <sigap-queue-filters exportparts="filters, filters-toggle, search, search-status" theme=${theme} .directory=${this.directory} .value=${this.filters} @sigap-filters-change=${this.handleFilters}></sigap-queue-filters>
      ${this.linkProblem ? html`<p part="link-problem" class="error" role="alert">${this.linkProblem}</p>` : nothing}
      <div class="layout ${this.open ? "open" : ""}">
        <sigap-queue-list exportparts=${LIST_PARTS} theme=${theme} .rows=${q.rows} .directory=${this.directory} .fresh=${q.fresh} selected=${this.open?.id ?? ""}
          ?loading=${q.loading} problem=${q.problem} ?has-next-page=${q.hasNextPage} now=${this.clock.now}
          @sigap-ticket-open=${this.handleOpen} @sigap-queue-more=${() => void q.more()}></sigap-queue-list>
        ${this.open
          ? html`<sigap-ticket-view exportparts=${VIEW_PARTS} theme=${theme} closable .ticket=${this.open} .directory=${this.directory} token=${this.token} endpoint=${this.endpoint}
              @sigap-ticket-close=${this.handleClose} @sigap-ticket-action=${this.handleAction}
              @sigap-auth-error=${(e: CustomEvent<SigapAuthErrorDetail>) => this.refused(e.detail.message)}></sigap-ticket-view>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
