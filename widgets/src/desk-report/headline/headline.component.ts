import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import type { RecapFigure, ReportFiguresFragment } from "../../client/generated.js";
import { emit } from "../../shared/events.js";
import { themeStyles } from "../../shared/theme.styles.js";
import type { Translate } from "../desk-report.messages.js";
import { reportStyles } from "../desk-report.styles.js";
import { change, formatNumber, HEADLINES, type FigureFormat, type Headline } from "./figures.js";

/** Detail of `sigap-report-drill`: which tickets to list. */
export interface ReportDrillDetail {
  figure: RecapFigure;
  /** The figure's name, as the report shows it. */
  label: string;
  /** A breakdown row: its dimension, key and name. */
  row?: { dimension: string; key: string | null; label: string };
}

/**
 * The headline figures of a period, each with its change against the previous period; a figure
 * with tickets behind it is a button that asks (`sigap-report-drill`) to list them. A site's recap
 * ends with its deflections: reports a knowledge-base article ended, which made no ticket to list.
 *
 * @summary A desk report's headline figures.
 * @tagname sigap-report-headline
 * @fires {CustomEvent<ReportDrillDetail>} sigap-report-drill - The tickets behind a figure were asked for.
 */
export class SigapReportHeadline extends LitElement {
  static override styles = [themeStyles, reportStyles];

  static override properties: PropertyDeclarations = {
    totals: { attribute: false },
    previous: { attribute: false },
    deflections: { attribute: false },
    t: { attribute: false },
    locale: {},
  };

  /** The period's figures. */
  totals: ReportFiguresFragment | null = null;
  /** The previous period's. */
  previous: ReportFiguresFragment | null = null;
  /** Reports an article ended in the period ("this solved it"); null for a group's or an agent's recap, which has none. */
  deflections: number | null = null;
  /** The shell's translator. */
  t: Translate = (key) => key;
  /** The BCP 47 tag numbers are written in. @default en-GB */
  locale = "en-GB";

  private format(value: number | null, kind: FigureFormat): string {
    if (value === null) return this.t("none");
    const n = formatNumber(value, this.locale);
    return kind === "count" ? n : this.t(kind, { value: n });
  }

  private renderChange(h: Headline): TemplateResult | typeof nothing {
    const delta = change(h.value(this.totals!), this.previous ? h.value(this.previous) : null);
    const before = this.previous ? this.format(h.value(this.previous), h.format) : this.t("none");
    if (!delta) return html`<span class="change">${this.t("vsPrevious", { value: before })}</span>`;
    const key = delta.direction === "up" ? "changeUp" : delta.direction === "down" ? "changeDown" : "changeSame";
    return html`<span class="change">${this.t(key, { delta: this.format(delta.delta, h.format) })} · ${this.t("vsPrevious", { value: before })}</span>`;
  }

  override render(): TemplateResult {
    if (!this.totals) return html``;
    return html`<ul class="cards" part="figures">
      ${HEADLINES.map((h) => {
        const label = this.t(h.key);
        const body = html`<span class="label">${label}</span><span class="value" data-figure=${h.key}>${this.format(h.value(this.totals!), h.format)}</span>${this.renderChange(h)}`;
        return html`<li>${
          h.drill
            ? html`<button type="button" class="card" part="figure" title=${this.t("openTickets", { figure: label })}
                @click=${() => emit<ReportDrillDetail>(this, "sigap-report-drill", { figure: h.drill!, label })}>${body}</button>`
            : html`<div class="card" part="figure">${body}</div>`
        }</li>`;
      })}
      ${
        this.deflections === null
          ? nothing
          : html`<li><div class="card" part="figure"><span class="label">${this.t("deflections")}</span><span class="value" data-figure="deflections">${this.format(this.deflections, "count")}</span><span class="change">${this.t("deflectionsNote")}</span></div></li>`
      }
    </ul>`;
  }
}
