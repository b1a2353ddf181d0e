import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import type { RecapPeriod } from "../../client/generated.js";
import { emit } from "../../shared/events.js";
import { themeStyles } from "../../shared/theme.styles.js";
import type { Translate } from "../desk-report.messages.js";
import { reportStyles } from "../desk-report.styles.js";
import { stepPeriod, type ReportPeriod } from "./report-period.js";

const PERIODS: readonly RecapPeriod[] = ["DAY", "WEEK", "MONTH", "CUSTOM"];

/**
 * The report's period: day, week, month or custom days, a date to show, and previous/next. Dates are
 * the site's (the gateway answers the period's first and last days); fires `sigap-period-change`.
 *
 * @summary Picks the period a desk report shows.
 * @tagname sigap-report-period
 * @fires {CustomEvent<ReportPeriod>} sigap-period-change - Another period was picked.
 */
export class SigapReportPeriod extends LitElement {
  static override styles = [themeStyles, reportStyles];

  static override properties: PropertyDeclarations = {
    value: { attribute: false },
    firstDay: { attribute: false },
    lastDay: { attribute: false },
    t: { attribute: false },
    locale: {},
  };

  /** The period shown. */
  value: ReportPeriod = { period: "WEEK", day: "", lastDay: null };
  /** Its first day, as the gateway answered (empty while loading). */
  firstDay = "";
  /** Its last day. */
  lastDay = "";
  /** The shell's translator. */
  t: Translate = (key) => key;
  /** The shell's language (a change re-renders the words). @default en-GB */
  locale = "en-GB";

  private change(next: ReportPeriod): void {
    emit(this, "sigap-period-change", next);
  }

  private handleKind(event: Event): void {
    const period = (event.target as HTMLSelectElement).value as RecapPeriod;
    const day = this.firstDay || this.value.day;
    this.change({ period, day, lastDay: period === "CUSTOM" ? this.lastDay || day : null });
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const day = String(form.get("day") ?? "");
    if (!day) return;
    const last = this.value.period === "CUSTOM" ? String(form.get("lastDay") ?? "") || day : null;
    this.change({ period: this.value.period, day, lastDay: last && last < day ? day : last });
  }

  private step(direction: -1 | 1): void {
    if (this.firstDay && this.lastDay) this.change(stepPeriod(this.value, this.firstDay, this.lastDay, direction));
  }

  override render(): TemplateResult {
    const custom = this.value.period === "CUSTOM";
    const t = this.t;
    return html`<form class="picker" part="picker" @submit=${this.handleSubmit}>
      <label>${t("period")}
        <select name="period" @change=${this.handleKind}>
          ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === this.value.period}>${t(p)}</option>`)}
        </select>
      </label>
      <label>${custom ? t("firstDay") : t("day")}<input type="date" name="day" required .value=${this.value.day} /></label>
      ${custom ? html`<label>${t("lastDay")}<input type="date" name="lastDay" required .value=${this.value.lastDay ?? ""} /></label>` : nothing}
      <button type="submit" class="secondary">${t("show")}</button>
      <button type="button" class="secondary" aria-label=${t("previous")} title=${t("previous")} ?disabled=${!this.firstDay} @click=${() => this.step(-1)}>‹</button>
      <button type="button" class="secondary" aria-label=${t("next")} title=${t("next")} ?disabled=${!this.firstDay} @click=${() => this.step(1)}>›</button>
    </form>`;
  }
}
