import { html, LitElement, type PropertyDeclarations, type TemplateResult } from "lit";
import type { DeskRecapQuery, RecapFigure, ReportFiguresFragment } from "../../client/generated.js";
import { emit } from "../../shared/events.js";
import { themeStyles } from "../../shared/theme.styles.js";
import type { ReportKey, Translate } from "../desk-report.messages.js";
import { reportStyles } from "../desk-report.styles.js";
import { formatNumber } from "../headline/figures.js";
import type { ReportDrillDetail } from "../headline/headline.component.js";

type Breakdown = DeskRecapQuery["recap"]["breakdowns"][number];

/** The columns of every breakdown table: counts open their tickets, shares and times are read only. */
const COLUMNS: ReadonlyArray<{ key: ReportKey; value(f: ReportFiguresFragment): number | null; drill?: RecapFigure; unit?: "percent" | "hours" }> = [
  { key: "ticketsIn", value: (f) => f.ticketsIn, drill: "TICKETS_IN" },
  { key: "resolved", value: (f) => f.resolved, drill: "RESOLVED" },
  { key: "backlog", value: (f) => f.backlog, drill: "BACKLOG" },
  { key: "responseKept", value: (f) => f.responseKeptPercent, unit: "percent" },
  { key: "resolutionKept", value: (f) => f.resolutionKeptPercent, unit: "percent" },
  { key: "resolutionMedian", value: (f) => f.resolutionMedianHours, unit: "hours" },
];

/**
 * The period's breakdowns (service, category, group, agent, priority, channel, location), one
 * table each; a count is a button that asks (`sigap-report-drill`) for the tickets of that row.
 *
 * @summary A desk report's breakdown tables.
 * @tagname sigap-report-breakdown
 * @csspart table - One breakdown's table.
 * @fires {CustomEvent<ReportDrillDetail>} sigap-report-drill - The tickets behind a row's count were asked for.
 */
export class SigapReportBreakdown extends LitElement {
  static override styles = [themeStyles, reportStyles];

  static override properties: PropertyDeclarations = {
    breakdowns: { attribute: false },
    t: { attribute: false },
    locale: {},
  };

  /** The recap's breakdowns. */
  breakdowns: Breakdown[] = [];
  /** The shell's translator. */
  t: Translate = (key) => key;
  /** The BCP 47 tag numbers are written in. @default en-GB */
  locale = "en-GB";

  private cell(b: Breakdown, row: Breakdown["rows"][number], column: (typeof COLUMNS)[number]): TemplateResult {
    const value = column.value(row.figures);
    if (value === null) return html`<td class="n">${this.t("none")}</td>`;
    const text = column.unit ? this.t(column.unit, { value: formatNumber(value, this.locale) }) : formatNumber(value, this.locale);
    if (!column.drill || value === 0) return html`<td class="n">${text}</td>`;
    const figure = this.t(column.key);
    const detail: ReportDrillDetail = { figure: column.drill, label: figure, row: { dimension: b.dimension, key: row.key, label: row.label } };
    return html`<td class="n"><button type="button" class="link" aria-label="${row.label}: ${figure} ${text}" @click=${() => emit(this, "sigap-report-drill", detail)}>${text}</button></td>`;
  }

  override render(): TemplateResult {
    return html`<div class="tables">
      ${this.breakdowns.map(
        (b) => html`<div class="scroll"><table part="table">
          <caption>${this.t("byDimension", { dimension: this.t(b.dimension) })}</caption>
          <thead><tr><th scope="col">${this.t(b.dimension)}</th>${COLUMNS.map((c) => html`<th scope="col" class="n">${this.t(c.key)}</th>`)}</tr></thead>
          <tbody>
            ${b.rows.length ? b.rows.map((row) => html`<tr><th scope="row">${row.label}</th>${COLUMNS.map((c) => this.cell(b, row, c))}</tr>`) : html`<tr><td colspan=${COLUMNS.length + 1} class="muted">${this.t("noRows")}</td></tr>`}
          </tbody>
        </table></div>`,
      )}
    </div>`;
  }
}
