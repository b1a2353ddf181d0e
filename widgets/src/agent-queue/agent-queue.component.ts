// One 960-line class for now: the queue, its live feed and the detail panel's forms. Issue 8 moved
// every gateway rule out of it (ticket-actions, desk-directory, escalation-choice) and sign-in lives
// in its own lazily loaded part; splitting the class itself into parts and controllers is issue 11.
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type {
  DeskBootstrapQuery,
  DeskTicketFieldsFragment,
  DeskTicketQuery,
  EscalationKind,
  Impact,
  PendingReason,
  Priority,
  QueueChangedSubscription,
  QueueFilter,
  TicketStatus,
  Urgency,
} from "../client/generated.js";
import { SigapRequestError } from "../client/graphql-error.js";
import { request, type Endpoint } from "../client/http.js";
import { subscribe } from "../client/live.js";
import {
  AddInternalNote,
  AssignTicket,
  ChangeTicketStatus,
  ClassifyTicket,
  DeskBootstrap,
  DeskTicket,
  EscalateTicket,
  Queue,
  QueueChanged,
  ReplyToReporter,
} from "../client/desk.operations.js";
import { coalesced } from "../shared/coalesce.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import { emit } from "../shared/events.js";
import { LocaleController } from "../shared/locale.js";
import { problemCode, problemText } from "../shared/problem-text.js";
import { readSla, SLA_ICON } from "../shared/sla-clock.js";
import { themeStyles } from "../shared/theme.styles.js";
import { pendingLabel, priorityLabel, statusLabel, ticketText, type TicketTextKey } from "../shared/ticket-text.js";
import { ticketStyles } from "../shared/ticket.styles.js";
import { renderTimeline } from "../shared/timeline.js";
import { indonesian, queueMessages, type QueueKey } from "./agent-queue.messages.js";
import { queueStyles } from "./agent-queue.styles.js";
import { closureOptions, matrixLevels, priorities, priorityFrom, statusChoices, type Option } from "./desk-directory.js";
import { escalationChoice } from "./escalation-choice.js";
import { escalationKinds, FORM_STATUS, PANEL_FORMS, panelActions, statusTargets, type SigapTicketActionName } from "./ticket-actions.js";

export type { SigapTicketActionName } from "./ticket-actions.js";

/** Detail of `sigap-ticket-select`: the ticket whose detail panel opened. */
export interface SigapTicketSelectDetail {
  id: string;
  code: string;
}

/** Detail of `sigap-ticket-action`: an action the gateway accepted. */
export interface SigapTicketActionDetail {
  id: string;
  code: string;
  action: SigapTicketActionName;
}

/** Detail of `sigap-auth-error`: the agent token was refused; the host should sign the agent in again. */
export interface SigapAuthErrorDetail {
  message: string;
}

type Row = DeskTicketFieldsFragment;
type Full = DeskTicketQuery["ticket"];
/** A ticket in the panel: the row's fields at once, the timeline and files once fetched. */
type Detail = Row & Partial<Pick<Full, "timeline" | "attachments" | "feedback">>;
type Directory = DeskBootstrapQuery["deskDirectory"];
type QueueEvent = QueueChangedSubscription["queueChanged"];
type Action = SigapTicketActionName;
type Phase = "loading" | "ready" | "auth" | "failed" | "signin";
type Live = "off" | "connecting" | "live" | "reconnecting";

interface Filters {
  statuses: TicketStatus[];
  priority: string;
  groupId: string;
  assigneeId: string;
  breached: boolean;
}

interface ActionState {
  busy?: boolean;
  error?: string;
  fields?: Record<string, string>;
}

// Not in the schema's contract yet: the hold reasons changeTicketStatus takes, in the form's order.
const PENDING_REASONS: readonly PendingReason[] = ["REPORTER", "APPROVAL", "THIRD_PARTY"];

/**
 * The service desk's live queue: filters, priority badges, live SLA countdowns, and a detail panel
 * with the full timeline and every handling action the ticket's status allows. It speaks English or
 * Indonesian, from its `lang` attribute, an ancestor's, or the page's `<html lang>`.
 *
 * @summary Live ticket queue and ticket handling for service desk agents.
 * @tagname sigap-agent-queue
 *
 * @csspart toolbar - The title bar with the signed-in agent and the live indicator.
 * @csspart indicator - The "live / reconnecting…" indicator.
 * @csspart filters - The filter form.
 * @csspart table - The queue table.
 * @csspart row - One ticket row.
 * @csspart badge - A priority or status badge (also `priority` or `status`).
 * @csspart countdown - The SLA countdown of a row.
 * @csspart more - The "load more" button.
 * @csspart detail - The ticket detail panel.
 * @csspart timeline - The detail's timeline list.
 * @csspart entry - One timeline entry (internal notes also `entry-internal`).
 * @csspart action - One action's disclosure (`<details>`).
 * @csspart action-form - The form inside an action.
 * @csspart action-error - An action's error message.
 * @csspart auth - The "session expired" state.
 * @csspart error - A failure to load the queue, the ticket or a file.
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
 * @fires {CustomEvent<SigapTicketSelectDetail>} sigap-ticket-select - A ticket's detail was opened.
 * @fires {CustomEvent<SigapTicketActionDetail>} sigap-ticket-action - The gateway accepted an action on a ticket.
 * @fires {CustomEvent<SigapAuthErrorDetail>} sigap-auth-error - The agent token was refused (expired or invalid).
 */
export class SigapAgentQueue extends LitElement {
  static override styles = [themeStyles, ticketStyles, queueStyles];

  // Declared here rather than with @state()/@property() decorators, whose code and helper cost each
  // widget about 0.4 KB gzipped of its size budget; the fields themselves are declared (and
  // documented) below. States also say `attribute: false`, the only thing the manifest analyzer reads.
  static override properties: PropertyDeclarations = {
    phase: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    live: { state: true, attribute: false },
    me: { state: true, attribute: false },
    directory: { state: true, attribute: false },
    rows: { state: true, attribute: false },
    hasNextPage: { state: true, attribute: false },
    loadingRows: { state: true, attribute: false },
    queueProblem: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    activeId: { state: true, attribute: false },
    fresh: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    detail: { state: true, attribute: false },
    detailProblem: { state: true, attribute: false },
    acts: { state: true, attribute: false },
    done: { state: true, attribute: false },
    draft: { state: true, attribute: false },
    now: { state: true, attribute: false },
    token: {},
    siteKey: { attribute: "site-key" },
    endpoint: {},
    pageSize: { type: Number, attribute: "page-size" },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);

  private phase: Phase = "loading";
  private problem = "";
  private live: Live = "off";
  private me: DeskBootstrapQuery["me"] | null = null;
  private directory: Directory | null = null;
  private rows: Row[] = [];
  private hasNextPage = false;
  private loadingRows = false;
  private queueProblem = "";
  // The statuses are the gateway's open ones, set once the directory says which they are.
  private filters: Filters = { statuses: [], priority: "", groupId: "", assigneeId: "", breached: false };
  private activeId = "";
  private fresh: ReadonlySet<string> = new Set();
  private announcement = "";
  private detail: Detail | null = null;
  private detailProblem = "";
  private acts: Partial<Record<Action, ActionState>> = {};
  /** What the last action did; kept beside the actions because its own form may be gone now. */
  private done = "";
  private draft: Record<string, string> = {};
  private now = Date.now();

  /** The agent's bearer token (a JWT from the internal portal); without it and with `site-key`, the queue signs the agent in itself. */
  token = "";

  /** The site's public key: lets the queue sign agents in itself when the page gives no `token`. */
  siteKey = "";
  /** Whether the token came from the queue's own sign-in (then a refused token asks to sign in again). */
  private ownToken = false;

  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";

  /** How many tickets each page of the queue holds (1–200). @default 50 */
  pageSize = 50;

  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private stopLive: (() => void) | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private endCursor: string | null = null;
  /** Bumped by every start-up and every first-page load, so a slower earlier answer is dropped. */
  private boots = 0;
  private generation = 0;
  /** Events that arrive while the first page loads; replayed on top of it. */
  private held: QueueEvent[] | undefined;
  private names = new Map<string, string>();
  private windows = new Map<Priority, { response: number; resolution: number }>();
  /** Reads the open ticket again; calls made while one read is under way fold into one more read. */
  private readonly refreshDetail = coalesced(() => this.loadDetail());
  /** Reads the loaded rows again: where a changed ticket belongs is the gateway's to say, never re-sorted here. */
  private readonly reloadRows = coalesced(() => this.loadFirst(true));
  /** Tickets pushed live and not yet seen in a reloaded page: highlighted when they appear. */
  private arrivals = new Map<string, string>();

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.boot();
    // The countdowns are minutes-precise, so a tick every half minute keeps them honest.
    this.ticker = setInterval(() => (this.now = Date.now()), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    clearInterval(this.ticker);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("token") || changed.has("endpoint")) void this.boot();
    else if (changed.has("pageSize") && this.phase === "ready") void this.loadFirst();
  }

  protected override updated(): void {
    // Rows are reused by position, so a live reorder can leave focus on a row that now shows
    // another ticket: keep it on the ticket the agent was on.
    const focused = this.renderRoot.querySelector<HTMLElement>("tbody tr:focus");
    if (focused && focused.dataset["id"] !== this.activeId) this.rowElement(this.activeId)?.focus();
  }

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  /** A message of this widget, or a ticket word shared with the tracker. */
  private t(key: QueueKey | TicketTextKey, values?: Record<string, string | number>): string {
    return key in queueMessages.en ? this.lc.t(queueMessages, key as QueueKey, values) : this.lc.t(ticketText, key as TicketTextKey, values);
  }

  private async boot(): Promise<void> {
    const boot = ++this.boots;
    if (!this.token && this.siteKey) return this.askSignIn();
    this.stop();
    this.phase = "loading";
    this.rows = [];
    this.detail = null;
    try {
      const data = await request(this.target, DeskBootstrap, {});
      // The token or endpoint changed meanwhile: the newer start-up wins.
      if (boot !== this.boots) return;
      this.me = data.me;
      this.directory = data.deskDirectory;
      if (!this.filters.statuses.length) this.filters = { ...this.filters, statuses: statusChoices(data.deskDirectory.statuses).open };
      this.indexDirectory(data.deskDirectory);
      this.phase = "ready";
      this.listen();
      await this.loadFirst();
    } catch (error) {
      if (boot !== this.boots || this.authFailed(error)) return;
      this.problem = problemText(this.lc, error);
      this.phase = "failed";
    }
  }

  private indexDirectory(d: Directory): void {
    this.names = new Map([...d.services, ...d.groups, ...d.agents].map((x) => [x.id, x.name]));
    const byId = new Map(d.categories.map((c) => [c.id, c]));
    for (const c of d.categories) {
      const parent = c.parentId ? byId.get(c.parentId) : undefined;
      this.names.set(c.id, parent ? `${parent.name} › ${c.name}` : c.name);
    }
    this.windows = new Map(d.slaPolicy.map((p) => [p.priority, { response: p.responseMinutes * 60_000, resolution: p.resolutionMinutes * 60_000 }]));
  }

  private listen(): void {
    this.live = "connecting";
    const stop = subscribe(this.target, QueueChanged, {}, {
      next: (data) => this.receive(data.queueChanged),
      error: (error) => {
        if (!this.authFailed(error)) this.live = "off";
      },
      connected: (reconnected) => {
        this.live = "live";
        // Nothing is pushed while the socket is down; the first page and the open ticket are read again.
        if (reconnected) {
          void this.loadFirst();
          this.refreshDetail();
        }
      },
      disconnected: () => {
        if (this.stopLive === stop) this.live = "reconnecting";
      },
    });
    this.stopLive = stop;
  }

  private stop(): void {
    const stop = this.stopLive;
    this.stopLive = undefined;
    stop?.();
    this.live = "off";
  }

  /** Shows the sign-in part (loaded now, on first need) in place of the queue. */
  private askSignIn(): void {
    this.stop();
    this.ownToken = false;
    this.phase = "signin";
    void import("./sign-in/sigap-agent-sign-in.js");
  }

  private handleSignedIn(event: CustomEvent<{ token: string }>): void {
    this.ownToken = true;
    this.token = event.detail.token;
  }

  /** Switches to the "session expired" state when the gateway refused the token; true if it did. */
  private authFailed(error: unknown): boolean {
    if (problemCode(error) !== "UNAUTHENTICATED") return false;
    if (this.ownToken) {
      this.askSignIn();
      return true;
    }
    this.stop();
    if (this.phase !== "auth") {
      this.phase = "auth";
      this.problem = error instanceof Error ? error.message : "";
      emit<SigapAuthErrorDetail>(this, "sigap-auth-error", { message: this.problem });
    }
    return true;
  }

  private queueFilter(): QueueFilter {
    const f = this.filters;
    return {
      statuses: f.statuses.length ? f.statuses : null,
      priorities: f.priority ? [f.priority as Priority] : null,
      groupId: f.groupId || null,
      assigneeId: f.assigneeId || null,
      breached: f.breached ? true : null,
    };
  }

  private get first(): number {
    return Math.min(200, Math.max(1, Math.trunc(this.pageSize) || 50));
  }

  /** Loads the first page, or with `keep` as many rows as are on screen (live changes), in the gateway's order. */
  private async loadFirst(keep = false): Promise<void> {
    const generation = ++this.generation;
    this.held = [];
    this.loadingRows = true;
    try {
      const first = keep ? Math.min(200, Math.max(this.first, this.rows.length)) : this.first;
      const data = await request(this.target, Queue, { filter: this.queueFilter(), first });
      if (generation !== this.generation) return;
      const shown = new Set(this.rows.map((r) => r.id));
      this.rows = data.queue.edges.map((e) => e.node);
      for (const r of this.rows) {
        const kind = this.arrivals.get(r.id);
        if (kind && !shown.has(r.id)) this.highlight(r, kind);
      }
      this.arrivals.clear();
      this.hasNextPage = data.queue.pageInfo.hasNextPage;
      this.endCursor = data.queue.pageInfo.endCursor;
      this.queueProblem = "";
      const held = this.held ?? [];
      this.held = undefined;
      for (const event of held) this.receive(event);
    } catch (error) {
      if (generation !== this.generation || this.authFailed(error)) return;
      this.held = undefined;
      this.queueProblem = problemText(this.lc, error);
    } finally {
      if (generation === this.generation) this.loadingRows = false;
    }
  }

  private receive(event: QueueEvent): void {
    // RESYNC (no ticket): the gateway may have lost events, so what is on screen is read again.
    if (event.kind === "RESYNC" || !event.ticket) {
      void this.loadFirst();
      this.refreshDetail();
      return;
    }
    if (this.held) {
      this.held.push(event);
      return;
    }
    this.apply(event.ticket, event.kind);
  }

  /**
   * Shows a changed ticket's new state at once where it is on screen, then asks the gateway for the
   * rows again: which tickets the filters hold and in what order is the gateway's rule alone.
   */
  private apply(t: Row, kind: string): void {
    const old = this.rows.find((r) => r.id === t.id);
    if (old && old.version > t.version) return;
    this.rows = kind === "REMOVED" ? this.rows.filter((r) => r.id !== t.id) : this.rows.map((r) => (r.id === t.id ? t : r));
    if (kind !== "REMOVED") {
      if (!old) this.arrivals.set(t.id, kind);
      this.reloadRows();
    }
    if (this.detail?.id === t.id && t.version > this.detail.version) {
      this.detail = { ...this.detail, ...t };
      this.refreshDetail();
    }
  }

  private highlight(t: Row, kind: string): void {
    this.fresh = new Set([...this.fresh, t.id]);
    setTimeout(() => {
      const next = new Set(this.fresh);
      next.delete(t.id);
      this.fresh = next;
    }, 4000);
    if (kind === "CREATED") this.announcement = this.t("newTicket", { p: priorityLabel(this.lc, t.priority), code: t.code, name: t.reporterName });
  }

  private rowElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${id}"]`);
  }

  private async openTicket(row: Row): Promise<void> {
    this.activeId = row.id;
    const other = this.detail?.id !== row.id;
    if (other) {
      this.detail = { ...row };
      this.detailProblem = "";
      this.acts = {};
      this.done = "";
      this.draft = {};
      this.refreshDetail();
    }
    emit<SigapTicketSelectDetail>(this, "sigap-ticket-select", { id: row.id, code: row.code });
    await this.updateComplete;
    if (other) {
      // The panel's forms are reused from ticket to ticket: start each one closed and empty.
      for (const d of this.renderRoot.querySelectorAll("details")) d.open = false;
      for (const f of this.renderRoot.querySelectorAll<HTMLFormElement>("form[data-action]")) f.reset();
    }
    this.renderRoot.querySelector<HTMLElement>("#detail-title")?.focus();
  }

  private async loadDetail(): Promise<void> {
    const id = this.detail?.id;
    if (!id) return;
    try {
      const { ticket } = await request(this.target, DeskTicket, { id });
      if (this.detail?.id !== id || ticket.version < this.detail.version) return;
      this.detail = ticket;
      this.detailProblem = "";
    } catch (error) {
      if (!this.authFailed(error) && this.detail?.id === id) this.detailProblem = problemText(this.lc, error);
    }
  }

  private async closeDetail(): Promise<void> {
    this.detail = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[tabindex="0"]`)?.focus();
  }

  private async handleMore(): Promise<void> {
    const generation = this.generation;
    this.loadingRows = true;
    try {
      const data = await request(this.target, Queue, { filter: this.queueFilter(), first: this.first, after: this.endCursor });
      if (generation !== this.generation) return;
      // A ticket pushed live may already be on screen; the page does not show it twice.
      const have = new Set(this.rows.map((r) => r.id));
      this.rows = [...this.rows, ...data.queue.edges.map((e) => e.node).filter((n) => !have.has(n.id))];
      this.hasNextPage = data.queue.pageInfo.hasNextPage;
      this.endCursor = data.queue.pageInfo.endCursor;
    } catch (error) {
      if (!this.authFailed(error)) this.queueProblem = problemText(this.lc, error);
    } finally {
      if (generation === this.generation) this.loadingRows = false;
    }
  }

  private handleFilter(e: Event): void {
    const data = new FormData(e.currentTarget as HTMLFormElement);
    this.filters = {
      statuses: data.getAll("status").map(String) as TicketStatus[],
      priority: String(data.get("priority") ?? ""),
      groupId: String(data.get("groupId") ?? ""),
      assigneeId: String(data.get("assigneeId") ?? ""),
      breached: data.has("breached"),
    };
    void this.loadFirst();
  }

  private handleRowClick(e: Event): void {
    const id = (e.target as HTMLElement).closest("tr")?.dataset["id"];
    const row = this.rows.find((r) => r.id === id);
    if (row) void this.openTicket(row);
  }

  private async handleRowKey(e: KeyboardEvent): Promise<void> {
    const id = (e.target as HTMLElement).closest("tr")?.dataset["id"];
    const i = this.rows.findIndex((r) => r.id === id);
    if (i < 0) return;
    let j: number;
    switch (e.key) {
      case "ArrowDown":
        j = i + 1;
        break;
      case "ArrowUp":
        j = i - 1;
        break;
      case "Home":
        j = 0;
        break;
      case "End":
        j = this.rows.length - 1;
        break;
      case "Enter":
      case " ":
        e.preventDefault();
        await this.openTicket(this.rows[i]!);
        return;
      default:
        return;
    }
    e.preventDefault();
    const next = this.rows[Math.max(0, Math.min(this.rows.length - 1, j))];
    if (!next) return;
    this.activeId = next.id;
    await this.updateComplete;
    this.rowElement(next.id)?.focus();
  }

  private handleRowFocus(e: FocusEvent): void {
    const id = (e.target as HTMLElement).closest("tr")?.dataset["id"];
    if (id) this.activeId = id;
  }

  private handleDetailKey(e: KeyboardEvent): void {
    if (e.key === "Escape" && !(e.target instanceof HTMLSelectElement)) void this.closeDetail();
  }

  private handleDraft(e: Event): void {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const action = el.form?.dataset["action"];
    if (action && el.name) this.draft = { ...this.draft, [`${action}.${el.name}`]: el.value };
  }

  private async handleDownload(a: NonNullable<Detail["attachments"]>[number]): Promise<void> {
    try {
      // An agent's files need the bearer token, which a plain link cannot carry.
      const response = await fetch(new URL(a.url, new URL(this.target.url, document.baseURI)), { headers: { authorization: `Bearer ${this.token}` } });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = a.filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      this.detailProblem = this.t("fileFailed");
    }
  }

  private setAct(action: Action, s: ActionState): void {
    this.acts = { ...this.acts, [action]: s };
  }

  private async handleAction(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const action = form.dataset["action"] as Action;
    const ticket = this.detail;
    if (!ticket || this.acts[action]?.busy) return;
    const data = new FormData(form, e.submitter);
    const v = (k: string): string => String(data.get(k) ?? "").trim();
    const o = (k: string): string | null => v(k) || null;
    // The form's own `required` fields are checked here; every other rule is the gateway's, whose
    // BAD_USER_INPUT names the fields (shown beside them below).
    const missing = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("[required]")].filter((el) => !el.value.trim()).map((el) => el.name);
    if (missing.length) {
      this.setAct(action, { error: this.t("fix"), fields: Object.fromEntries(missing.map((k) => [k, this.t("required")])) });
      return;
    }
    this.setAct(action, { busy: true });
    this.done = "";
    const id = ticket.id;
    const status = (status: TicketStatus, extra: { resolution?: string; closureCode?: string; addToKnowledgeBase?: boolean; pendingReason?: PendingReason } = {}) =>
      request(this.target, ChangeTicketStatus, { id, input: { status, note: o("note"), ...extra } }).then((d) => d.changeTicketStatus);
    try {
      let updated: Row;
      switch (action) {
        case "classify":
          updated = (
            await request(this.target, ClassifyTicket, {
              id,
              input: { categoryId: o("categoryId"), serviceId: o("serviceId"), urgency: o("urgency") as Urgency | null, impact: o("impact") as Impact | null, note: o("note") },
            })
          ).classifyTicket;
          break;
        case "assign":
          updated = (await request(this.target, AssignTicket, { id, input: { groupId: v("me") ? null : o("groupId"), assigneeId: v("me") ? "me" : o("assigneeId") } })).assignTicket;
          break;
        case "status":
          updated = await status(v("status") as TicketStatus, v("status") === "PENDING" ? { pendingReason: v("pendingReason") as PendingReason } : {});
          break;
        case "reply":
          updated = (await request(this.target, ReplyToReporter, { id, input: { body: v("body") } })).replyToReporter;
          break;
        case "note":
          updated = (await request(this.target, AddInternalNote, { id, input: { body: v("body") } })).addInternalNote;
          break;
        case "escalate":
          updated = (
            await request(this.target, EscalateTicket, {
              id,
              input: { kind: v("kind") as EscalationKind, level: o("level") ? Number(v("level")) : null, groupId: o("groupId"), agentId: o("agentId"), notes: v("notes") },
            })
          ).escalateTicket;
          break;
        case "resolve":
          updated = await status(FORM_STATUS.resolve, { resolution: v("resolution"), closureCode: v("closureCode"), addToKnowledgeBase: data.has("kb") });
          break;
        case "close":
        case "reopen":
        case "cancel":
          updated = await status(FORM_STATUS[action]);
          break;
      }
      form.reset();
      this.draft = Object.fromEntries(Object.entries(this.draft).filter(([k]) => !k.startsWith(`${action}.`)));
      this.setAct(action, {});
      this.done = this.t("done", { action: this.t(`a.${action}`) });
      this.apply(updated, "UPDATED");
      emit<SigapTicketActionDetail>(this, "sigap-ticket-action", { id, code: ticket.code, action });
      await this.updateComplete;
      // The action may no longer apply to the new status, taking the focused button with it.
      if (!this.renderRoot.querySelector(":focus")) this.renderRoot.querySelector<HTMLElement>("#detail-title")?.focus();
    } catch (error) {
      if (this.authFailed(error)) return;
      const problems = error instanceof SigapRequestError ? error.fields : [];
      const mine = problems.filter((p) => form.elements.namedItem(p.field));
      const others = problems.filter((p) => !form.elements.namedItem(p.field)).map((p) => p.message);
      // Field problems are shown beside their fields; the summary says only what has no field here.
      const summary = problemCode(error) === "BAD_USER_INPUT" ? [mine.length ? this.t("fix") : "", ...others].join(" ").trim() : problemText(this.lc, error);
      this.setAct(action, { error: summary, fields: Object.fromEntries(mine.map((p) => [p.field, p.message])) });
    }
  }

  // ───────────────────────────── rendering ─────────────────────────────

  private field(a: Action, name: string, label: string, control: (id: string, err: string) => TemplateResult): TemplateResult {
    const id = `${a}-${name}`;
    const err = this.acts[a]?.fields?.[name] ?? "";
    return html`<div class="field"><label for=${id}>${label}</label>${control(id, err)}<span id="${id}-e" class="error">${err}</span></div>`;
  }

  private selectField(a: Action, name: string, label: string, options: readonly Option[], value = ""): TemplateResult {
    return this.field(
      a,
      name,
      label,
      (id, err) => html`<select id=${id} name=${name} aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"}>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
      </select>`,
    );
  }

  private area(a: Action, name: string, label: string, required = false): TemplateResult {
    return this.field(
      a,
      name,
      label,
      (id, err) => html`<textarea id=${id} name=${name} rows="3" ?required=${required} aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"}></textarea>`,
    );
  }

  private draftOf(a: Action, name: string, fallback: string): string {
    return this.draft[`${a}.${name}`] ?? fallback;
  }

  private nameOf(id: string | null | undefined): string {
    return (id && this.names.get(id)) || "";
  }

  private renderFields(a: Action, d: Detail): TemplateResult {
    const dir = this.directory!;
    const keep: Option = ["", this.t("keep")];
    const auto: Option = ["", this.t("auto")];
    const level = (l: string): Option => [l, this.t(l as Urgency)];
    const agents = dir.agents.filter((x) => x.active);
    const people = (list: typeof agents): Option[] => list.map((x) => [x.id, x.name]);
    switch (a) {
      case "classify": {
        const u = this.draftOf(a, "urgency", d.urgency);
        const i = this.draftOf(a, "impact", d.impact);
        const { urgencies, impacts } = matrixLevels(dir.priorityMatrix);
        const p = priorityFrom(dir.priorityMatrix, u, i);
        // Retired entries stay in the directory to name old tickets, but are not offered.
        return html`${this.selectField(a, "categoryId", this.t("category"), [keep, ...dir.categories.filter((c) => !c.retired).map((c): Option => [c.id, this.nameOf(c.id)])])}
          ${this.selectField(a, "serviceId", this.t("service"), [keep, ...dir.services.filter((s) => !s.retired).map((s): Option => [s.id, s.name])])}
          <div class="row">
            ${this.selectField(a, "urgency", this.t("urgency"), urgencies.map(level), u)} ${this.selectField(a, "impact", this.t("impact"), impacts.map(level), i)}
          </div>
          <p aria-live="polite">${p ? this.t("resulting", { p: priorityLabel(this.lc, p) }) : ""}</p>
          ${this.area(a, "note", this.t("noteInternal"))}`;
      }
      case "assign":
        return html`${this.selectField(a, "groupId", this.t("group"), [keep, ...dir.groups.filter((g) => !g.retired).map((g): Option => [g.id, g.name])])}
          ${this.selectField(a, "assigneeId", this.t("person"), [keep, ...people(agents)])}`;
      case "status": {
        const targets = statusTargets(d);
        const to = this.draftOf(a, "status", targets[0] ?? "");
        return html`${this.selectField(a, "status", this.t("target"), targets.map((s): Option => [s, statusLabel(this.lc, s)]), to)}
          ${to === "PENDING" ? this.selectField(a, "pendingReason", this.t("waitingOn"), PENDING_REASONS.map((r): Option => [r, pendingLabel(this.lc, r)])) : nothing}
          ${this.area(a, "note", this.t("noteReporter"))}`;
      }
      case "reply":
      case "note":
        return this.area(a, "body", this.t("message"), true);
      case "escalate": {
        const kinds = escalationKinds(d);
        // A kind drafted before the ticket changed may no longer be the caller's to use.
        const drafted = this.draftOf(a, "kind", "") as EscalationKind;
        const kind = kinds.includes(drafted) ? drafted : (kinds[0] ?? "FUNCTIONAL");
        const c = escalationChoice(d.escalationTargets, kind, Number(this.draftOf(a, "level", "0")), this.lc.lang);
        return html`<fieldset>
            <legend>${this.t("kind")}</legend>
            ${kinds.map((k) => html`<label class="check"><input type="radio" name="kind" value=${k} ?checked=${k === kind} />${this.t(k)}</label>`)}
          </fieldset>
          ${c.level !== undefined
            ? html`${this.selectField(a, "level", this.t("level"), c.levels, String(c.level))}
              ${kind === "FUNCTIONAL" ? this.selectField(a, "groupId", this.t("group"), [auto, ...c.groups]) : nothing}
              ${this.selectField(a, "agentId", this.t("person"), [auto, ...(c.people ?? people(agents))])}`
            : html`<p class="muted">${this.t("top")}</p>`}
          ${this.area(a, "notes", this.t("handlingNotes"), true)}`;
      }
      case "resolve":
        return html`${this.area(a, "resolution", this.t("resolution"), true)}
          ${this.field(
            a,
            "closureCode",
            this.t("closureCode"),
            (id, err) => html`<select id=${id} name="closureCode" required aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"}>
              ${[["", "—"] as const, ...closureOptions(dir.closureCodes, this.lc.lang)].map(([v, l]) => html`<option value=${v}>${l}</option>`)}
            </select>`,
          )}
          <label class="check"><input type="checkbox" name="kb" />${this.t("addKb")}</label>`;
      case "close":
        return this.area(a, "note", this.t("noteOpt"));
      case "reopen":
      case "cancel":
        return this.area(a, "note", this.t("reason"), true);
    }
  }

  private renderActions(d: Detail): TemplateResult {
    const allowed = panelActions(d);
    // Every action keeps its own slot in the list, so an open form never jumps to another action.
    return html`<section aria-labelledby="acts-title">
      <h3 id="acts-title">${this.t("actions")}</h3>
      <p class="muted" role="status">${this.done}</p>
      ${PANEL_FORMS.map((a) => {
        if (!allowed.includes(a)) return nothing;
        const s = this.acts[a] ?? {};
        return html`<details part="action" class="action">
          <summary>${this.t(`a.${a}`)}</summary>
          <form part="action-form" data-action=${a} novalidate @submit=${this.handleAction} @change=${this.handleDraft}>
            ${this.renderFields(a, d)}
            <p part="action-error" class="error" role="alert">${s.error ?? ""}</p>
            <div class="row end">
              ${a === "assign" ? html`<button type="submit" class="secondary" name="me" value="1" ?disabled=${s.busy}>${this.t("toMe")}</button>` : nothing}
              <button type="submit" ?disabled=${s.busy}>${s.busy ? this.t("saving") : this.t(a === "assign" || a === "status" || a === "classify" ? "save" : `a.${a}`)}</button>
            </div>
          </form>
        </details>`;
      })}
    </section>`;
  }

  private renderCountdown(t: Row): TemplateResult {
    const sla = readSla(t, this.now, this.directory?.atRiskFraction ?? 0, this.windows.get(t.priority));
    const d = this.lc.duration(sla.remainingMs);
    const text =
      sla.tone === "paused"
        ? this.t("pausedLeft", { d })
        : sla.target
          ? this.t(`${sla.target}.${sla.remainingMs < 0 ? "over" : "in"}`, { d })
          : this.t(sla.tone);
    return html`<span part="countdown" class="tone-${sla.tone}"><span aria-hidden="true">${SLA_ICON[sla.tone]} </span>${text}${
      sla.tone === "risk" || sla.tone === "breached" ? html`<span class="visually-hidden"> (${this.t(sla.tone)})</span>` : nothing
    }</span>`;
  }

  private renderBadges(t: Row): TemplateResult {
    return html`<span part="badge priority" class="badge ${t.priority}">${priorityLabel(this.lc, t.priority)}</span>
      <span part="badge status" class="badge ${t.status}">${statusLabel(this.lc, t.status)}</span>`;
  }

  private renderTable(): TemplateResult {
    const active = this.rows.some((r) => r.id === this.activeId) ? this.activeId : this.rows[0]?.id;
    const cols: Array<QueueKey | TicketTextKey> = ["code", "priority", "status", "reporter", "service", "assignee", "sla"];
    return html`<table part="table" role="grid" aria-readonly="true" aria-label=${this.t("title")} aria-busy=${this.loadingRows ? "true" : "false"}>
        <thead>
          <tr>
            ${cols.map((c) => html`<th scope="col">${this.t(c)}</th>`)}
          </tr>
        </thead>
        <tbody @click=${this.handleRowClick} @keydown=${this.handleRowKey} @focusin=${this.handleRowFocus}>
          ${this.rows.map(
            (r) => html`<tr
              part="row"
              data-id=${r.id}
              tabindex=${r.id === active ? "0" : "-1"}
              aria-selected=${r.id === this.detail?.id ? "true" : "false"}
              class=${this.fresh.has(r.id) ? "fresh" : ""}
            >
              <td class="code">${r.code}</td>
              <td><span part="badge priority" class="badge ${r.priority}">${priorityLabel(this.lc, r.priority)}</span></td>
              <td>${statusLabel(this.lc, r.status)}</td>
              <td>${r.reporterName}</td>
              <td>${this.nameOf(r.serviceId) || "—"}</td>
              <td>${this.nameOf(r.assigneeId) || this.nameOf(r.groupId) || this.t("unassigned")}</td>
              <td>${this.renderCountdown(r)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${!this.rows.length && !this.loadingRows ? html`<p class="muted">${this.t("empty")}</p>` : nothing}
      <p part="error" class="error" role="alert">${this.queueProblem}</p>
      <div class="row end">
        <span class="grow muted">${this.loadingRows ? this.t("loading") : this.t("count", { n: this.rows.length })}</span>
        ${this.hasNextPage ? html`<button part="more" type="button" class="secondary" ?disabled=${this.loadingRows} @click=${this.handleMore}>${this.t("more")}</button>` : nothing}
      </div>`;
  }

  private renderFilters(): TemplateResult {
    const f = this.filters;
    const dir = this.directory!;
    const opt = (v: string, l: string, cur: string) => html`<option value=${v} ?selected=${v === cur}>${l}</option>`;
    return html`<form part="filters" class="filters" aria-label=${this.t("filters")} @change=${this.handleFilter} @submit=${(e: Event) => e.preventDefault()}>
      <fieldset>
        <legend>${this.t("status")}</legend>
        ${statusChoices(dir.statuses).filterable.map(
          (s) => html`<label class="check"><input type="checkbox" name="status" value=${s} .checked=${f.statuses.includes(s)} />${statusLabel(this.lc, s)}</label>`,
        )}
      </fieldset>
      <label>${this.t("priority")}<select name="priority">${opt("", this.t("any"), f.priority)}${priorities(dir.slaPolicy).map((p) => opt(p, priorityLabel(this.lc, p), f.priority))}</select></label>
      <label>${this.t("group")}<select name="groupId">${opt("", this.t("any"), f.groupId)}${dir.groups.map((g) => opt(g.id, g.name, f.groupId))}</select></label>
      <label
        >${this.t("assignee")}<select name="assigneeId">
          ${opt("", this.t("any"), f.assigneeId)}${opt("me", this.t("me"), f.assigneeId)}${dir.agents.map((x) => opt(x.id, x.name, f.assigneeId))}
        </select></label
      >
      <label class="check"><input type="checkbox" name="breached" .checked=${f.breached} />${this.t("breachedOnly")}</label>
    </form>`;
  }

  private fact(label: QueueKey | TicketTextKey, value: unknown): TemplateResult | typeof nothing {
    return value || value === 0 ? html`<dt>${this.t(label)}</dt><dd>${value}</dd>` : nothing;
  }

  private renderDetail(d: Detail): TemplateResult {
    const when = (iso: string | null): TemplateResult | string => (iso ? html`<time datetime=${iso}>${this.lc.dateTime(iso)}</time>` : "");
    const contact = html`${d.reporterName}${d.reporterPhone ? html`<br /><a href="tel:${d.reporterPhone}">${d.reporterPhone}</a>` : nothing}${
      d.reporterEmail ? html`<br /><a href="mailto:${d.reporterEmail}">${d.reporterEmail}</a>` : nothing
    }`;
    const files = new Map((d.attachments ?? []).map((a) => [a.id, a]));
    const file = (id: string): TemplateResult | typeof nothing => {
      const a = files.get(id);
      return a ? html`<button type="button" class="link" @click=${() => this.handleDownload(a)}>${a.filename}</button>` : nothing;
    };
    const fb = d.feedback;
    return html`<section part="detail" class="detail" aria-labelledby="detail-title" @keydown=${this.handleDetailKey}>
      <div class="detail-head">
        <h2 id="detail-title" tabindex="-1">${this.t("ticket", { code: d.code })}</h2>
        ${this.renderBadges(d)}
        <button type="button" class="secondary" @click=${this.closeDetail}>${this.t("back")}</button>
      </div>
      <p part="error" class="error" role="alert">${this.detailProblem}</p>
      <dl class="facts">
        <dt>${this.t("contact")}</dt>
        <dd>${contact}</dd>
        ${this.fact("channel", this.t(d.channel))} ${this.fact("location", d.location)}
        ${this.fact("area", [d.kelurahan, d.kecamatan].filter(Boolean).join(" / "))} ${this.fact("occurred", when(d.occurredAt))}
        ${this.fact("service", this.nameOf(d.serviceId))} ${this.fact("category", this.nameOf(d.categoryId))} ${this.fact("problemType", d.problemType)}
        ${this.fact("urgency", this.t(d.urgency))} ${this.fact("impact", this.t(d.impact))}
        ${this.fact("status", d.status === "PENDING" ? `${statusLabel(this.lc, d.status)} (${pendingLabel(this.lc, d.pendingReason)})` : "")}
        ${this.fact("assignee", [this.nameOf(d.groupId), this.nameOf(d.assigneeId)].filter(Boolean).join(" / ") || this.t("unassigned"))}
        ${this.fact("handling", d.supportLevel)}
        ${this.fact("mgmt", d.hierarchyLevel ? this.t(d.hierarchyLevel >= 2 ? "manager" : "supervisor") : "")}
        ${this.fact("responseDue", when(d.responseDueAt))} ${this.fact("resolutionDue", when(d.resolutionDueAt))}
        <dt>${this.t("sla")}</dt>
        <dd>${this.renderCountdown(d)}</dd>
      </dl>
      <dl class="texts">
        ${this.fact("description", d.description)} ${this.fact("systemState", d.systemState)} ${this.fact("stepsTried", d.stepsTried)}
        ${this.fact("resolution", d.resolution ? `${d.resolution}${d.closureCode ? ` (${d.closureLabel?.[this.lc.lang] ?? d.closureCode})` : ""}` : "")}
        ${this.fact("kb", d.resolution ? this.t(d.knowledgeBase ? "yes" : "no") : "")}
      </dl>
      ${fb
        ? html`<dl class="facts" aria-label=${this.t("feedback")}>
            ${this.fact("q1", `${fb.serviceRating}/5`)} ${this.fact("q2", `${fb.restoredRating}/5`)} ${this.fact("q3", `${fb.informationRating}/5`)}
            ${this.fact("suggestion", fb.suggestion)}
          </dl>`
        : nothing}
      ${files.size ? html`<h3>${this.t("files")}</h3><ul class="files">${[...files.keys()].map((id) => html`<li>${file(id)}</li>`)}</ul>` : nothing}
      ${this.renderActions(d)}
      <h3>${this.t("timeline")}</h3>
      ${d.timeline ? renderTimeline(this.lc, d.timeline, { forReporter: false, label: this.t("timeline"), attachment: file }) : html`<p class="muted">${this.t("loading")}</p>`}
    </section>`;
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
    return html`<div part="toolbar" class="toolbar">
        <h2>${this.t("title")}</h2>
        <span class="muted">${this.me ? this.t("signedIn", { name: this.me.name }) : ""}</span>
        <span part="indicator" class="indicator ${this.live}" role="status">${this.t(this.live)}</span>
      </div>
      ${this.renderFilters()}
      <div class="layout ${this.detail ? "open" : ""}">
        <div class="list">${this.renderTable()}</div>
        ${this.detail ? this.renderDetail(this.detail) : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
