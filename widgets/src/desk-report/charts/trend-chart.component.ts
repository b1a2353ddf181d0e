import { html, LitElement, nothing, svg, type PropertyDeclarations, type TemplateResult } from "lit";
import type { RecapTrendStep } from "../../client/generated.js";
import { themeStyles } from "../../shared/theme.styles.js";
import type { Translate } from "../desk-report.messages.js";
import { reportStyles } from "../desk-report.styles.js";
import { CHART, trendGeometry, type TrendPoint } from "./trend-geometry.js";

/**
 * The period's trend: tickets in and resolved as bars, the backlog as a line, by day, week or month.
 * The SVG is one labelled image; its numbers are also a table, visually hidden until the reader
 * asks for it (screen readers read it either way; a print shows it).
 *
 * @summary A desk report's trend chart with its data table.
 * @tagname sigap-report-trend
 * @csspart chart - The SVG chart.
 * @csspart data - The data table.
 */
export class SigapReportTrend extends LitElement {
  static override styles = [themeStyles, reportStyles];

  static override properties: PropertyDeclarations = {
    points: { attribute: false },
    step: {},
    timeZone: { attribute: "time-zone" },
    t: { attribute: false },
    locale: {},
    showData: { state: true },
  };

  /** The trend's steps. */
  points: TrendPoint[] = [];
  /** The step they are in. @default DAY */
  step: RecapTrendStep = "DAY";
  /** The site's zone, the steps' dates are written in. @default UTC */
  timeZone = "UTC";
  /** The shell's translator. */
  t: Translate = (key) => key;
  /** The BCP 47 tag dates and numbers are written in. @default en-GB */
  locale = "en-GB";
  private showData = false;

  private label(start: string): string {
    const options: Intl.DateTimeFormatOptions = this.step === "MONTH" ? { month: "short", year: "numeric" } : { day: "numeric", month: "short" };
    return new Intl.DateTimeFormat(this.locale, { ...options, timeZone: this.timeZone }).format(new Date(start));
  }

  override render(): TemplateResult {
    const t = this.t;
    const title = t("trendChart", { step: t(`step${this.step}`) });
    const g = trendGeometry(this.points);
    // Label every step when few, else about eight of them.
    const every = Math.max(1, Math.ceil(this.points.length / 8));
    return html`<figure aria-labelledby="trend-title">
        <figcaption id="trend-title"><h3>${title}</h3></figcaption>
        <ul class="legend" aria-hidden="true">
          <li><span class="swatch in"></span>${t("ticketsIn")}</li>
          <li><span class="swatch resolved"></span>${t("resolved")}</li>
          <li><span class="swatch backlog"></span>${t("backlog")}</li>
        </ul>
        <svg part="chart" viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-labelledby="trend-svg-title">
          <title id="trend-svg-title">${title}</title>
          ${g.ticks.map((tick) => svg`<line class="axis" x1=${CHART.left} x2=${CHART.width - CHART.right} y1=${tick.y} y2=${tick.y} stroke-dasharray=${tick.value ? "2 3" : ""}></line>
            <text x=${CHART.left - 6} y=${tick.y + 4} text-anchor="end">${tick.value}</text>`)}
          ${g.bars.map((b, i) => {
            const p = this.points[i]!;
            return svg`<g><title>${this.label(p.start)}: ${t("ticketsIn")} ${p.ticketsIn}, ${t("resolved")} ${p.resolved}, ${t("backlog")} ${p.backlog}</title>
              <rect class="bar-in" x=${b.x} width=${b.width} y=${b.in.y} height=${b.in.height}></rect>
              <rect class="bar-resolved" x=${b.x + b.width} width=${b.width} y=${b.resolved.y} height=${b.resolved.height}></rect>
              ${i % every === 0 ? svg`<text x=${b.labelX} y=${CHART.height - 8} text-anchor="middle">${this.label(p.start)}</text>` : nothing}</g>`;
          })}
          <path class="line-backlog" d=${g.backlog}></path>
        </svg>
      </figure>
      <button type="button" class="link" data-print="no" aria-expanded=${this.showData ? "true" : "false"} aria-controls="trend-data" @click=${() => (this.showData = !this.showData)}>
        ${this.showData ? t("hideData") : t("showData")}
      </button>
      <table part="data" id="trend-data" class=${this.showData ? "" : "visually-hidden printable"}>
        <caption>${title}</caption>
        <thead><tr><th scope="col">${t("when")}</th><th scope="col" class="n">${t("ticketsIn")}</th><th scope="col" class="n">${t("resolved")}</th><th scope="col" class="n">${t("backlog")}</th></tr></thead>
        <tbody>${this.points.map((p) => html`<tr><th scope="row">${this.label(p.start)}</th><td class="n">${p.ticketsIn}</td><td class="n">${p.resolved}</td><td class="n">${p.backlog}</td></tr>`)}</tbody>
      </table>`;
  }
}
