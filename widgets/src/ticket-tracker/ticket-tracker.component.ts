// The tracker's element: its properties, and one ticket's view (header, timeline, files, reply box).
// What it delegates lives beside it: the lookup form (lookup-form.ts); the ticket's facts and due times
// (ticket-details.ts); the ticket's reading and live sync, phase and failure
// (controllers/tracked-ticket.controller.ts, over shared/live-sync.controller.ts, which the agent queue
// shares); the reply's sending (controllers/reply.controller.ts); the SLA countdowns' clock
// (shared/clock.controller.ts, also the queue's). Loaded on demand: the reply box's files and attachment
// previews (reply-part.ts, shared/reply-files.ts, shared/attachment/), asking for a link
// (link-request.ts), the signed-in reporter's list (my-tickets.ts), the report download with the
// resolution, the closure check and, through it, the withdrawal (resolution-part.ts, withdraw-part.ts),
// a request's approval chain (approval-part.ts) and a work order's cost (work-order-part.ts, through
// reply-part.ts).
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type ReactiveController, type TemplateResult } from "lit";
import type { TicketStatus, TicketViewFieldsFragment } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { subscribe } from "../client/live.js";
import { AddReporterMessage, TicketUpdated, TrackTicket } from "../client/tracker.operations.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import { ClockController } from "../shared/clock.controller.js";
import { emit } from "../shared/events.js";
import { LocaleController } from "../shared/locale.js";
import { problemText } from "../shared/problem-text.js";
import { readSla } from "../shared/sla-clock.js";
import type { ReplyFiles } from "./reply-part.js";
import { themeStyles } from "../shared/theme.styles.js";
import { priorityLabel, statusLabel, ticketText, type TicketTextKey } from "../shared/ticket-text.js";
import { ticketStyles } from "../shared/ticket.styles.js";
import { renderTimeline } from "../shared/timeline.js";
import { indonesian, messages, type TrackerKey } from "./ticket-tracker.messages.js";
import { trackerStyles } from "./ticket-tracker.styles.js";
import { renderDetails, type TrackerText } from "./ticket-details.js";
import { readLookup, renderLookupForm } from "./lookup-form.js";
import type { LinkRequestController, LinkRequestHost } from "./link-request.js";
import type { MyTicketsController, MyTicketsHost } from "./my-tickets.js";
import type { TrackedWorkOrder, WorkOrderHost } from "./work-order-part.js";
import type { ResolutionController, ResolutionHost } from "./resolution-part.js";
import type { ApprovalPart } from "./approval-part.js";
import { ReplyController } from "./controllers/reply.controller.js";
import { TrackedTicketController } from "./controllers/tracked-ticket.controller.js";

/** Detail of `sigap-status`: the ticket's status now and before (null on the first load). */
export interface SigapStatusDetail {
  code: string;
  status: TicketStatus;
  previous: TicketStatus | null;
}

/** Detail of `sigap-feedback-open`: what `<sigap-feedback-stars>` needs to rate the ticket. */
export interface SigapFeedbackOpenDetail {
  code: string;
  token: string;
}

/**
 * Lets a reporter follow one ticket live: status, priority, SLA due times, the public timeline and
 * attachments, with a reply box. Without a code and token it offers a small lookup form, and a way
 * to get a one-time link by e-mail; with a `reporter-token` (the host site's signed-in user) it
 * lists "my tickets", live, and opens them by code alone. Both load on demand. It speaks
 * English or Indonesian, from its `lang` attribute, an ancestor's, or the page's `<html lang>`.
 *
 * @summary Live status of a reported ticket, for the reporter.
 * @tagname sigap-ticket-tracker
 *
 * @slot feedback - Shown while the ticket accepts feedback, and once it is rated; put `<sigap-feedback-stars>` here.
 *
 * @csspart header - The top bar with the code, badges and live indicator.
 * @csspart code - The ticket code.
 * @csspart badge - The status and priority badges (also `status` or `priority`).
 * @csspart indicator - The "live / reconnecting…" indicator.
 * @csspart details - The list of status, priority, type (a request or work order), service, due times and SLA state.
 * @csspart type - A request's or work order's type in words, in the details.
 * @csspart sla - The SLA state.
 * @csspart timeline - The public timeline list.
 * @csspart entry - One timeline entry.
 * @csspart attachments - The attachments list.
 * @csspart report - What the reporter reported: the description and the site's custom fields.
 * @csspart confirmation - While the ticket is resolved: "is the problem solved?" with its two answers.
 * @csspart report-link - The "Download report (PDF)" link.
 * @csspart approval - A request's approval chain (loaded for a service request that needs approval).
 * @csspart approval-step - One step of it, with its decisions.
 * @csspart approval-fallback - A step's note that nobody it named could decide, so the site's managers (or administrators) were asked.
 * @csspart approval-document - The approval document's download link, once approved.
 * @csspart withdrawal - While the gateway lets the reporter withdraw the ticket: "Withdraw request", a short reason and a confirmation.
 * @csspart reply-form - The reply form; files are attached by its Attach button, a drop or a paste.
 * @csspart attach - The Attach files button.
 * @csspart chips - The reply's attached files.
 * @csspart chip - One of them: name, size, thumbnail, progress or refusal, remove button.
 * @csspart reply-status - The line beside the send button: sent, an error, or why replies are closed.
 * @csspart lookup-form - The code + token lookup form.
 * @csspart link-form - The form that asks for a one-time link by code and e-mail or phone.
 * @csspart link-status - What asking for a link came to.
 * @csspart my-tickets - The identified reporter's list of tickets.
 * @csspart my-ticket - One ticket of that list.
 * @csspart unread - The count of desk replies not read yet.
 * @csspart error - An error message.
 *
 * @cssproperty --sigap-color-bg - Background.
 * @cssproperty --sigap-color-surface - Background of panels.
 * @cssproperty --sigap-color-fg - Text.
 * @cssproperty --sigap-color-muted - Secondary text.
 * @cssproperty --sigap-color-border - Borders.
 * @cssproperty --sigap-color-accent - Buttons, links, focus.
 * @cssproperty --sigap-color-danger - Errors and breached SLA.
 * @cssproperty --sigap-color-warning - At-risk SLA.
 * @cssproperty --sigap-color-success - Resolved and met SLA.
 * @cssproperty --sigap-font-family - Font; the host page's by default.
 * @cssproperty --sigap-radius - Corner radius.
 *
 * @fires {CustomEvent<SigapStatusDetail>} sigap-status - The ticket's status was first read or changed.
 * @fires {CustomEvent<SigapFeedbackOpenDetail>} sigap-feedback-open - The ticket now accepts feedback.
 */
export class SigapTicketTracker extends LitElement {
  static override styles = [themeStyles, ticketStyles, trackerStyles];

  // Declared here rather than with @state()/@property() decorators, whose code and helper cost each
  // widget about 0.4 KB gzipped of its size budget; the fields themselves are declared (and
  // documented) below. States also say `attribute: false`, the only thing the manifest analyzer reads.
  static override properties: PropertyDeclarations = {
    siteKey: { attribute: "site-key" },
    reporterToken: { attribute: "reporter-token" },
    code: {},
    token: {},
    endpoint: {},
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly ticket = new TrackedTicketController(this, {
    read: async (code, token) => {
      const data = await request(this.target, TrackTicket, { code, token: token || null });
      return { ticket: data.trackTicket, atRisk: data.site.atRiskFraction };
    },
    open: (code, token, handlers) => subscribe(this.target, TicketUpdated, { code, token: token || null }, { ...handlers, next: (d) => handlers.next(d.ticketUpdated) }),
    problem: (error) => problemText(this.lc, error),
    shown: (prev, next) => {
      if (prev?.status !== next.status) {
        emit<SigapStatusDetail>(this, "sigap-status", { code: next.code, status: next.status, previous: prev?.status ?? null });
      }
      if (next.feedbackOpen && !prev?.feedbackOpen) {
        emit<SigapFeedbackOpenDetail>(this, "sigap-feedback-open", { code: next.code, token: this.token });
      }
    },
  });
  private readonly reply = new ReplyController(this, {
    post: async (body) => {
      const data = await request(this.target, AddReporterMessage, { code: this.code, token: this.token || null, input: { body, attachmentIds: this.box?.ids } });
      this.ticket.show(data.addReporterMessage);
      this.box?.clear();
    },
    text: (key) => this.t(key),
    problem: (error) => problemText(this.lc, error),
  });

  private readonly clock = new ClockController(this);
  private wo?: TrackedWorkOrder;

  /** The site's public key. */
  siteKey = "";

  /** A JWT the host site signs for its signed-in user: lists their tickets and opens them without a tracking token. @default "" */
  reporterToken = "";

  /** The ticket code from the receipt; read from the page URL's `?code=` when not given. */
  code = "";

  /** The tracking token from the receipt; read from the page URL's `?token=` when not given. */
  token = "";

  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";

  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private mine: MyTicketsController | undefined;
  private linkForm: LinkRequestController | undefined;
  /** The reply's attach button and files (shared/reply-files.ts, loaded once a ticket shows; files dropped or pasted anywhere on the tracker). */
  private box: ReplyFiles | undefined;
  /** The report download link and the closure check (resolution-part.ts, loaded once a ticket shows). */
  private closing: ResolutionController | undefined;
  /** A request's approval chain (approval-part.ts, loaded for a service request). */
  private approval: ApprovalPart | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // The report form's tracking link carries both in the query string.
    if (!this.code && !this.token) {
      const q = new URLSearchParams(location.search);
      this.code = q.get("code") ?? "";
      this.token = q.get("token") ?? "";
      // A one-time link from the mail: exchanged once for a tracking token, then gone from the address bar.
      const link = q.get("link");
      if (link) void this.openLink(link);
    }
    // Re-attached after a move in the page: willUpdate sees no change, so start again here.
    if (this.hasUpdated) this.start();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("code") || changed.has("token") || changed.has("siteKey") || changed.has("endpoint") || changed.has("reporterToken")) this.start();
  }

  /** A message of this widget, or a ticket word shared with the agent queue. */
  private t(key: TrackerKey | TicketTextKey, values?: Record<string, string | number>): string {
    return key in messages.en ? this.lc.t(messages, key as TrackerKey, values) : this.lc.t(ticketText, key as TicketTextKey, values);
  }

  /** {@link t} for the parts that render with it. */
  private readonly text: TrackerText = (key, values) => this.t(key, values);

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), siteKey: this.siteKey, reporterToken: this.reporterToken };
  }

  /** What the on-demand parts see of the tracker. */
  private get partHost(): MyTicketsHost & LinkRequestHost & ResolutionHost & WorkOrderHost {
    const el = this;
    return {
      addController: (c: ReactiveController) => el.addController(c),
      removeController: (c: ReactiveController) => el.removeController(c),
      requestUpdate: () => el.requestUpdate(),
      get updateComplete() {
        return el.updateComplete;
      },
      get endpoint() {
        return el.target;
      },
      lc: el.lc,
      open: (code: string) => {
        el.token = "";
        el.code = code;
      },
      show: (v) => el.ticket.show(v),
    };
  }

  private async openLink(link: string): Promise<void> {
    this.ticket.set("loading");
    try {
      const part = await import("./link-request.js");
      history.replaceState(history.state, "", part.withoutLink(location.href));
      const opened = await part.openLink(this.target, link);
      this.code = opened.code;
      this.token = opened.trackingToken;
    } catch (error) {
      this.ticket.set("failed", problemText(this.lc, error));
    }
  }

  private start(): void {
    if (!this.code || (!this.token && !this.reporterToken)) {
      this.ticket.lookup(this.code);
      // The parts arrive after the first paint; the list asks for an update once it has read the page.
      if (this.reporterToken) void import("./my-tickets.js").then((m) => (this.mine ??= new m.MyTicketsController(this.partHost)));
      else void import("./link-request.js").then((m) => {
        this.linkForm ??= new m.LinkRequestController(this.partHost);
        this.requestUpdate();
      });
      return;
    }
    this.ticket.follow(this.code, this.token);
  }

  private handleLookup(e: SubmitEvent): void {
    e.preventDefault();
    const typed = readLookup(new FormData(e.target as HTMLFormElement));
    if (!typed) {
      this.ticket.set(this.ticket.phase, this.t("needBoth"));
      return;
    }
    // The same values again (e.g. after a network failure) change no property, so start anew by hand.
    if (typed.code === this.code && typed.token === this.token) this.start();
    this.code = typed.code;
    this.token = typed.token;
  }

  private handleBack(): void {
    this.code = this.token = "";
    void this.mine?.reload();
  }

  private async handleReply(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (await this.reply.send(String(new FormData(form).get("body") ?? ""))) form.reset();
  }

  private renderLookup(): TemplateResult {
    if (this.reporterToken && !this.code) return this.mine?.render() ?? html`<p class="muted" role="status">${this.t("loading")}</p>`;
    const problem = this.ticket.phase === "notfound" ? this.t("notFound") : this.ticket.problem;
    return html`${renderLookupForm(this.text, this, problem, (e) => this.handleLookup(e))}${this.linkForm?.render(this.code) ?? nothing}`;
  }

  private renderTicket(v: TicketViewFieldsFragment): TemplateResult {
    // Closed and cancelled tickets carry their closing time; the gateway takes no more messages on them.
    const final = v.closedAt !== null;
    this.box ?? void import("./reply-part.js").then((m) => (this.box ??= m.replyFiles(this, this.partHost)));
    this.closing ?? void import("./resolution-part.js").then((m) => (this.closing ??= new m.ResolutionController(this.partHost)));
    // Only requests wait for approval; the part finds out whether this one does.
    if (!this.approval && v.type === "SERVICE_REQUEST") void import("./approval-part.js").then((m) => (this.approval ??= new m.ApprovalPart(this.partHost, this)));
    const files = new Map(v.attachments.map((a) => [a.id, a]));
    const link = (id: string): TemplateResult | typeof nothing => {
      const a = files.get(id);
      if (!a) return nothing;
      const url = new URL(a.url, new URL(this.target.url, document.baseURI));
      url.search = new URLSearchParams({ code: v.code, token: this.token, siteKey: this.siteKey }).toString();
      // The element (with the reply part) shows an image as a thumbnail with a preview, a file with its size; the link stands in until then.
      return html`<sigap-attachment .file=${a} href=${url.href}><a href=${url.href} rel="noopener noreferrer">${a.filename}</a></sigap-attachment>`;
    };
    return html`
      ${renderDetails(this.lc, this.text, v, readSla(v, this.clock.now, this.ticket.atRisk))}
      ${this.approval?.render(v)}
      ${v.type === "WORK_ORDER"
        ? (this.wo?.render(v.code, this.token, v.updatedAt) ??
          void import("./reply-part.js").then((m) => m.workOrder(this.partHost)).then((w) => {
            this.wo ??= w;
            this.requestUpdate();
          }))
        : nothing}
      ${this.closing?.render(v, this.token)}
      ${v.feedbackOpen || v.feedback ? html`<slot name="feedback"></slot>` : nothing}
      <section aria-labelledby="tl">
        <h3 id="tl">${this.t("timeline")}</h3>
        ${renderTimeline(this.lc, v.timeline, { forReporter: true, label: this.t("timeline"), attachment: link })}
      </section>
      ${v.attachments.length
        ? html`<section aria-labelledby="files"><h3 id="files">${this.t("files")}</h3>
            <ul part="attachments" class="files">${v.attachments.map((a) => html`<li>${link(a.id)}</li>`)}</ul></section>`
        : nothing}
      <form part="reply-form" class="panel" novalidate @submit=${this.handleReply}>
        <label for="reply">${this.t("reply")}</label>
        <textarea id="reply" name="body" rows="3" maxlength="5000" ?disabled=${final || this.reply.sending}
          aria-describedby="reply-status" aria-invalid=${this.reply.problem ? "true" : "false"}></textarea>
        <div class="row end">
          <p id="reply-status" part="reply-status" class=${this.reply.problem ? "grow error" : "grow muted"} role="status">
            ${final ? this.t("final", { status: statusLabel(this.lc, v.status).toLowerCase() }) : this.reply.problem || this.reply.note}
          </p>
          ${this.box?.render(final)}
          <button type="submit" ?disabled=${final || this.reply.sending || this.box?.busy}>${this.reply.sending ? this.t("sending") : this.t("send")}</button>
        </div>
      </form>
    `;
  }

  override render(): TemplateResult {
    const { view: v, phase, problem } = this.ticket;
    if (!v || phase === "notfound" || phase === "lookup") {
      if (phase === "loading") return html`<p class="muted" role="status">${this.t("loading")}</p>`;
      if (phase === "failed") {
        return html`<div class="panel"><p part="error" class="error" role="alert">${problem}</p>
          <button type="button" @click=${() => this.start()}>${this.t("retry")}</button></div>`;
      }
      return this.renderLookup();
    }
    return html`<article aria-labelledby="title">
      <header part="header">
        <h2 id="title">${this.t("ticket")} <span part="code" class="code">${v.code}</span></h2>
        <span part="badge status" class="badge ${v.status}">${statusLabel(this.lc, v.status)}</span>
        <span part="badge priority" class="badge ${v.priority}">${priorityLabel(this.lc, v.priority)}</span>
        <span part="indicator" class="indicator ${this.ticket.live.state}" role="status" aria-live="polite">${this.t(this.ticket.live.state)}</span>
        ${this.reporterToken ? html`<button type="button" class="secondary" @click=${this.handleBack}>${this.t("mine")}</button>` : nothing}
      </header>
      ${this.renderTicket(v)}
    </article>`;
  }
}
