import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type { RecapDimension, RecapInput, RecapTicketsPageQuery } from "../../client/generated.js";
import { RecapTicketsPage } from "../../client/desk-report.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { emit } from "../../shared/events.js";
import { LocaleController } from "../../shared/locale.js";
import { priorityLabel, statusLabel } from "../../shared/ticket-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { indonesian, type Translate } from "../desk-report.messages.js";
import { reportStyles } from "../desk-report.styles.js";
import type { ReportDrillDetail } from "../headline/headline.component.js";
import { ticketLink } from "./ticket-link.js";

type Page = RecapTicketsPageQuery["recapTickets"];
const PAGE = 25;

/**
 * The tickets behind one figure (`recapTickets`, the figure's own definition in the gateway), a
 * page at a time, each linking into the workspace through the page's `ticket-href` template.
 *
 * @summary Lists the tickets behind a desk report's figure.
 * @tagname sigap-report-drill
 * @csspart tickets - The table of tickets.
 * @fires {CustomEvent<Record<string, never>>} sigap-report-drill-close - The reader closed the list.
 */
export class SigapReportDrill extends LitElement {
  static override styles = [themeStyles, reportStyles];

  static override properties: PropertyDeclarations = {
    target: { attribute: false },
    input: { attribute: false },
    ask: { attribute: false },
    ticketHref: { attribute: "ticket-href" },
    t: { attribute: false },
    locale: {},
    page: { state: true },
    problem: { state: true },
  };

  // Statuses and priorities in the shared ticket words (the shell gives its language as `lang`).
  private readonly lc = new LocaleController(this, indonesian);
  /** Where the gateway is, with the token. */
  target: Endpoint = { url: "" };
  /** The period shown (the recap's). */
  input: RecapInput | null = null;
  /** The figure (and row) whose tickets to list. */
  ask: ReportDrillDetail | null = null;
  /** A ticket's address in the workspace, `{code}` and `{id}` filled in. */
  ticketHref = "";
  /** The shell's translator. */
  t: Translate = (key) => key;
  /** The BCP 47 tag dates are written in. @default en-GB */
  locale = "en-GB";
  private page: Page | null = null;
  private problem = "";
  private loads = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("ask") || changed.has("input")) void this.load(null);
  }

  /** Reads the list again (the figures changed). */
  refresh(): void {
    void this.load(null);
  }

  private async load(after: string | null): Promise<void> {
    if (!this.ask || !this.input) return;
    const load = ++this.loads;
    const row = this.ask.row;
    try {
      const { recapTickets } = await request(this.target, RecapTicketsPage, {
        input: this.input,
        figure: this.ask.figure,
        dimension: (row?.dimension as RecapDimension | undefined) ?? null,
        key: row?.key ?? null,
        first: PAGE,
        after,
      });
      if (load !== this.loads) return;
      this.problem = "";
      this.page = after && this.page ? { ...recapTickets, nodes: [...this.page.nodes, ...recapTickets.nodes] } : recapTickets;
      if (!after) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("h3")?.focus());
    } catch (error) {
      if (load === this.loads) this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    const ask = this.ask;
    if (!ask) return html``;
    const count = this.page?.totalCount ?? "…";
    const title = ask.row ? t("drillRow", { figure: ask.label, row: ask.row.label, count }) : t("drillTitle", { figure: ask.label, count });
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeStyle: "short" });
    return html`<div class="toolbar"><h3 tabindex="-1">${title}</h3>
        <button type="button" class="secondary" @click=${() => emit(this, "sigap-report-drill-close", {})}>${t("close")}</button></div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${
        !this.page
          ? html`<p class="muted" role="status">${t("loading")}</p>`
          : this.page.nodes.length
            ? html`<table part="tickets">
                <thead><tr><th scope="col">${t("code")}</th><th scope="col">${t("status")}</th><th scope="col">${t("priority")}</th><th scope="col">${t("created")}</th><th scope="col">${t("summary")}</th></tr></thead>
                <tbody>${this.page.nodes.map((n) => {
                  const href = ticketLink(this.ticketHref, n);
                  return html`<tr><th scope="row">${href ? html`<a href=${href}>${n.code}</a>` : n.code}</th><td>${statusLabel(this.lc, n.status)}</td><td>${priorityLabel(this.lc, n.priority)}</td><td>${date.format(new Date(n.createdAt))}</td><td>${n.summary}</td></tr>`;
                })}</tbody>
              </table>
              ${this.page.pageInfo.hasNextPage ? html`<button type="button" class="secondary" @click=${() => this.load(this.page!.pageInfo.endCursor)}>${t("more")}</button>` : nothing}`
            : html`<p class="muted">${t("noTickets")}</p>`
      }`;
  }
}
