import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type { DeskRecapQuery, RecapDimension, RecapInput, RecapTrendStep, ReportLiveSubscription, ReportMeQuery } from "../client/generated.js";
import { DeskRecap, ReportLive, ReportMe } from "../client/desk-report.operations.js";
import { request, type Endpoint } from "../client/http.js";
import { subscribe } from "../client/live.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import { emit } from "../shared/events.js";
import { LocaleController } from "../shared/locale.js";
import { problemCode, problemText } from "../shared/problem-text.js";
import { themeStyles } from "../shared/theme.styles.js";
import { RefreshController } from "./controllers/refresh.controller.js";
import { indonesian, reportMessages, type ReportKey, type Translate } from "./desk-report.messages.js";
import { reportStyles } from "./desk-report.styles.js";
import { download, type ExportFile, exportUrl } from "./exports.js";
import type { ReportDrillDetail } from "./headline/headline.component.js";
import "./headline/sigap-report-headline.js";
import { today, trendStep, type ReportPeriod } from "./period/report-period.js";
import "./period/sigap-report-period.js";

type Recap = DeskRecapQuery["recap"];
type Phase = "loading" | "ready" | "auth" | "failed" | "signin";

const DIMENSIONS: readonly RecapDimension[] = ["SERVICE", "CATEGORY", "GROUP", "AGENT", "PRIORITY", "CHANNEL", "LOCATION", "TYPE"];

/**
 * The desk's recap for the internal portal: a period picker, the headline figures against the
 * previous period, the trend chart and breakdown tables (a part loaded on demand, with the chart
 * library), the work orders' costs and payments when the period had any, the tickets behind any
 * figure, CSV downloads and a print sheet. Figures are the gateway's (`recap`, `recapTickets`)
 * in the asker's scope; they re-read as tickets change (the
 * queue's live stream). Signed in like `<sigap-agent-queue>`: a `token`, or with `site-key` alone
 * the queue's own sign-in part.
 *
 * @summary Recaps of a Sigap service desk: figures, trends, breakdowns and the tickets behind them.
 * @tagname sigap-desk-report
 *
 * @csspart toolbar - The title bar with the signed-in agent and the buttons.
 * @csspart auth - The "session expired" state.
 * @csspart error - A failure to load.
 *
 * @cssproperty --sigap-color-bg - Background.
 * @cssproperty --sigap-color-surface - Background of the figures.
 * @cssproperty --sigap-color-fg - Text.
 * @cssproperty --sigap-color-muted - Secondary text.
 * @cssproperty --sigap-color-border - Borders.
 * @cssproperty --sigap-color-accent - Buttons, links and the tickets-in bars.
 * @cssproperty --sigap-color-success - The resolved bars.
 * @cssproperty --sigap-color-warning - The backlog line.
 * @cssproperty --sigap-font-family - Font; the host page's by default.
 *
 * @fires {CustomEvent<{ message: string }>} sigap-auth-error - The token was refused (expired or invalid).
 */
export class SigapDeskReport extends LitElement {
  static override styles = [themeStyles, reportStyles];

  static override properties: PropertyDeclarations = {
    phase: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    recap: { state: true, attribute: false },
    shown: { state: true, attribute: false },
    drill: { state: true, attribute: false },
    partsReady: { state: true, attribute: false },
    live: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    token: {},
    siteKey: { attribute: "site-key" },
    endpoint: {},
    ticketHref: { attribute: "ticket-href" },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly refresher = new RefreshController(this, async () => void (await this.load(true)));

  private phase: Phase = "loading";
  private problem = "";
  private me: ReportMeQuery["me"] | null = null;
  private recap: Recap | null = null;
  private shown: ReportPeriod = { period: "WEEK", day: today(), lastDay: null };
  private drill: { ask: ReportDrillDetail; input: RecapInput } | null = null;
  private partsReady: "no" | "ok" | "failed" = "no";
  /** A polite announcement (figures refreshed, a download failed). */
  private notice = "";
  /** The live feed is up (the queue's stream; any change re-reads the figures). */
  private live = false;
  private stopLive: (() => void) | undefined;
  /** The language the recap's rows were named in. */
  private labelled = "";
  private ownToken = false;
  private loads = 0;

  /** A desk member's bearer token (a JWT from the internal portal); without it and with `site-key`, the widget signs the agent in itself. */
  token = "";

  /** The site's public key: lets the widget sign agents in itself when the page gives no `token`. */
  siteKey = "";

  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";

  /** Where a ticket opens in the workspace: a URL template with `{code}` (and `{id}`), e.g. `/desk/queue.html#ticket={code}`; without it tickets are listed unlinked. */
  ticketHref = "";

  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  constructor() {
    super();
    // Drill requests bubble (composed) from the headline and the breakdown tables.
    this.addEventListener("sigap-report-drill", (event) => {
      this.drill = { ask: event.detail, input: this.input };
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("token") || changed.has("endpoint")) void this.boot();
    // The breakdown rows' names come in the reader's language: a page that switches language re-reads them.
    else if (this.recap && this.lc.wanted !== this.labelled) void this.load(true);
  }

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private readonly t: Translate = (key: ReportKey, values?: Record<string, string | number>) => this.lc.t(reportMessages, key, values);

  /** The period shown, as the drill-down asks for it. */
  private get input(): RecapInput {
    return { period: this.shown.period, day: this.shown.day, lastDay: this.shown.lastDay };
  }

  /** Listens to the desk's changes: each one (or a reconnect, after which some may have been missed) re-reads the figures after a quiet moment. */
  private listen(): void {
    this.stopLive?.();
    this.stopLive = subscribe<ReportLiveSubscription, Record<string, never>>(this.target, ReportLive, {}, {
      next: () => this.refresher.poke(),
      connected: (again) => {
        this.live = true;
        if (again) this.refresher.poke();
      },
      disconnected: () => (this.live = false),
      error: (error) => {
        this.live = false;
        if (problemCode(error) === "UNAUTHENTICATED") this.refused(error.message);
      },
    });
  }

  private unlisten(): void {
    this.stopLive?.();
    this.stopLive = undefined;
    this.live = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten();
  }

  private async boot(): Promise<void> {
    this.unlisten();
    if (!this.token && this.siteKey) {
      this.askSignIn();
      return;
    }
    this.phase = "loading";
    try {
      this.me = (await request(this.target, ReportMe, {})).me;
      if (await this.load(false)) this.listen();
    } catch (error) {
      this.failed(error);
    }
  }

  /** Reads the recap of the period shown; `quietly` keeps the figures on screen meanwhile (a live refresh). */
  private async load(quietly: boolean): Promise<boolean> {
    const load = ++this.loads;
    if (!quietly) this.recap = null;
    try {
      const { day, lastDay, period } = this.shown;
      this.labelled = this.lc.wanted;
      const { recap } = await request(this.target, DeskRecap, { input: { period, day, lastDay, groupBy: [...DIMENSIONS], trend: this.step, language: this.labelled } });
      if (load !== this.loads) return false;
      this.recap = recap;
      this.phase = "ready";
      if (quietly) {
        this.notice = this.t("updated");
        this.renderRoot.querySelector("sigap-report-drill")?.refresh();
      }
      this.loadParts();
      return true;
    } catch (error) {
      if (load === this.loads) this.failed(error);
      return false;
    }
  }

  /** The trend's step: by day, unless a custom period is too long for it. */
  private get step(): RecapTrendStep {
    const { period, day, lastDay } = this.shown;
    return period === "CUSTOM" && lastDay ? trendStep(day, lastDay) : "DAY";
  }

  private loadParts(): void {
    if (this.partsReady !== "no") return;
    import("./parts.js").then(
      () => (this.partsReady = "ok"),
      () => (this.partsReady = "failed"),
    );
  }

  private failed(error: unknown): void {
    if (problemCode(error) === "UNAUTHENTICATED") {
      this.refused(error instanceof Error ? error.message : "");
      return;
    }
    this.problem = problemText(this.lc, error);
    this.phase = "failed";
  }

  private askSignIn(): void {
    this.ownToken = false;
    this.phase = "signin";
    // The agent queue's sign-in part, loaded on first need.
    void import("../agent-queue/sign-in/sigap-agent-sign-in.js");
  }

  private refused(message: string): void {
    this.unlisten();
    if (this.ownToken) {
      this.askSignIn();
      return;
    }
    this.phase = "auth";
    this.problem = message;
    emit(this, "sigap-auth-error", { message });
  }

  private handleSignedIn(event: CustomEvent<{ token: string }>): void {
    this.ownToken = true;
    this.token = event.detail.token;
  }

  private handlePeriod(event: CustomEvent<ReportPeriod>): void {
    this.shown = event.detail;
    this.drill = null;
    void this.load(false);
  }


  private async handleCsv(file: ExportFile, dimension?: RecapDimension): Promise<void> {
    const r = this.recap;
    if (!r) return;
    const params = file === "tickets.csv" ? { from: r.from, to: r.to } : { period: this.shown.period, from: r.from, to: this.shown.period === "CUSTOM" ? r.to : null, groupBy: dimension };
    const name = file === "tickets.csv" ? `tickets-${r.firstDay}-${r.lastDay}.csv` : `${file.slice(0, -4)}-${(dimension ?? "total").toLowerCase()}-${r.firstDay}-${r.lastDay}.csv`;
    try {
      await download(exportUrl(this.target.url, file, { ...params, lang: this.lc.lang }), this.token, name);
    } catch (error) {
      this.notice = this.t("downloadFailed", { message: error instanceof Error ? error.message : String(error) });
    }
  }

  private renderParts(r: Recap): TemplateResult {
    if (this.partsReady === "failed") return html`<p part="error" class="error" role="alert">${this.t("chartFailed")}</p>`;
    if (this.partsReady === "no") return html`<p class="muted" role="status">${this.t("loading")}</p>`;
    const [t, locale, theme] = [this.t, this.lc.locale, this.theme ?? "light"];
    const points = r.trend.map((p) => ({ start: p.start, ...p.figures }));
    return html`${
      this.drill
        ? html`<section class="drill" aria-label=${this.drill.ask.label}>
            <sigap-report-drill theme=${theme} lang=${this.lc.wanted} .target=${this.target} .input=${this.drill.input} .ask=${this.drill.ask} ticket-href=${this.ticketHref} .t=${t} locale=${locale}
              @sigap-report-drill-close=${() => (this.drill = null)}></sigap-report-drill></section>`
        : nothing
    }
      <section aria-labelledby="trend-heading"><h2 id="trend-heading">${t("trend")}</h2>
        <sigap-report-trend theme=${theme} .points=${points} step=${this.step} time-zone=${r.timeZone} .t=${t} locale=${locale}></sigap-report-trend>
      </section>
      <section aria-labelledby="breakdown-heading"><h2 id="breakdown-heading">${t("breakdowns")}</h2>
        <div class="actions">${DIMENSIONS.map((d) => html`<button type="button" class="secondary" @click=${() => this.handleCsv("recap.csv", d)}>${t("csvBreakdown", { dimension: t(d) })}</button>`)}</div>
        <sigap-report-breakdown theme=${theme} .breakdowns=${r.breakdowns} .t=${t} locale=${locale}></sigap-report-breakdown>
      </section>
      ${
        r.workOrders
          ? html`<section aria-labelledby="work-orders-heading"><h2 id="work-orders-heading">${t("workOrders")}</h2>
              <div class="actions"><button type="button" class="secondary" @click=${() => this.handleCsv("work-orders.csv")}>${t("csvWorkOrders")}</button>
                ${r.workOrders.breakdowns.map((b) => html`<button type="button" class="secondary" @click=${() => this.handleCsv("work-orders.csv", b.dimension)}>${t("csvWorkOrdersBy", { dimension: t(b.dimension) })}</button>`)}</div>
              <sigap-report-work-orders theme=${theme} .workOrders=${r.workOrders} .t=${t} locale=${locale}></sigap-report-work-orders></section>`
          : nothing
      }`;
  }

  override render(): TemplateResult {
    if (this.phase === "signin") {
      return html`<sigap-agent-sign-in site-key=${this.siteKey} endpoint=${this.endpoint} @sigap-signed-in=${this.handleSignedIn}></sigap-agent-sign-in>`;
    }
    if (this.phase === "auth") return html`<div part="auth" role="alert"><p><strong>${this.t("auth")}</strong></p><p class="muted">${this.problem}</p></div>`;
    const [t, theme] = [this.t, this.theme ?? "light"];
    const r = this.recap;
    const range = r ? (r.firstDay === r.lastDay ? this.day(r.firstDay) : t("range", { first: this.day(r.firstDay), last: this.day(r.lastDay) })) : "";
    return html`<div part="toolbar" class="toolbar">
        <h2>${t("title")}${range ? html` · <span class="range">${range}</span>` : nothing}</h2>
        <span class="muted">${this.me ? t("signedIn", { name: this.me.name }) : nothing}${this.live ? html` · ${t("live")}` : nothing}</span>
      </div>
      <sigap-report-period theme=${theme} .value=${this.shown} .firstDay=${r?.firstDay ?? ""} .lastDay=${r?.lastDay ?? ""} .t=${t} locale=${this.lc.locale} @sigap-period-change=${this.handlePeriod}></sigap-report-period>
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${!r} @click=${() => this.handleCsv("tickets.csv")}>${t("csvTickets")}</button>
        <button type="button" class="secondary" @click=${() => window.print()}>${t("print")}</button>
      </div>
      <p class="visually-hidden" role="status">${this.notice}</p>
      ${
        this.phase === "failed"
          ? html`<p part="error" class="error" role="alert">${this.problem}</p><button type="button" @click=${this.boot}>${t("retry")}</button>`
          : !r
            ? html`<p class="muted" role="status">${t("loading")}</p>`
            : html`<section aria-labelledby="headline-heading"><h2 id="headline-heading" class="visually-hidden">${t("headline")}</h2>
                <sigap-report-headline theme=${theme} .totals=${r.totals} .previous=${r.previous} .deflections=${r.deflections ?? null} .t=${t} locale=${this.lc.locale}></sigap-report-headline></section>
                ${this.renderParts(r)}`
      }
`;
  }

  private day(day: string): string {
    return new Intl.DateTimeFormat(this.lc.locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  }
}
