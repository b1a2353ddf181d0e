import { html, type TemplateResult } from "lit";
import type { AdminCalendarFieldsFragment, Priority } from "../../client/generated.js";
import { AddHolidays, AdminCalendar, RemoveHolidays, SetBusinessHours } from "../../client/admin.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";

import { AdminForm } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { levelWords, PRIORITIES } from "../choices.js";
import { indonesian, slaMessages, type SlaKey } from "./sla.messages.js";

type Calendar = AdminCalendarFieldsFragment;

/**
 * Business hours and holidays of `<sigap-desk-admin>`'s SLA section (`businessCalendar`,
 * `setBusinessHours`, `addHolidays`, `removeHolidays`). The hours are written as the gateway reads
 * them; the gateway parses and names what is wrong.
 *
 * @summary Business hours and holidays editor (part of `<sigap-desk-admin>`).
 * @tagname sigap-admin-calendar
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 */
export class SigapAdminCalendar extends AdminSection<Calendar> {
  protected readonly lc = new LocaleController(this, indonesian);
  private readonly hoursForm = new AdminForm(this, this.lc, "hours", ["hours", "roundTheClock"]);
  private readonly holidayForm = new AdminForm(this, this.lc, "holidays", ["holidays.0.day", "holidays.0.name", "days"]);

  protected read(target: Endpoint): Promise<Calendar> {
    return request(target, AdminCalendar, {}).then((d) => d.businessCalendar);
  }

  private t(key: SlaKey, values?: Record<string, string | number>): string {
    return this.lc.t(slaMessages, key, values);
  }

  private handleHours(event: SubmitEvent): void {
    event.preventDefault();
    const target = this.target;
    if (!target) return;
    const f = new FormData(event.target as HTMLFormElement);
    const hours = String(f.get("hours") ?? "").trim() || null;
    const roundTheClock = PRIORITIES.filter((p) => f.has(`rtc-${p}`));
    void this.hoursForm.run(async () => (this.data = (await request(target, SetBusinessHours, { input: { hours, roundTheClock } })).setBusinessHours));
  }

  private handleAddHoliday(event: SubmitEvent): void {
    event.preventDefault();
    const target = this.target;
    const formElement = event.target as HTMLFormElement;
    if (!target) return;
    const f = new FormData(formElement);
    const holiday = { day: String(f.get("day") ?? ""), name: String(f.get("name") ?? "") };
    void this.holidayForm.run(async () => (this.data = (await request(target, AddHolidays, { holidays: [holiday] })).addHolidays)).then((ok) => ok && formElement.reset());
  }

  private removeHoliday(day: string): void {
    const target = this.target;
    if (!target) return;
    void this.holidayForm.run(async () => (this.data = (await request(target, RemoveHolidays, { days: [day] })).removeHolidays));
  }

  private renderHours(c: Calendar): TemplateResult {
    const d = this.hoursForm.describe("hours", true);
    const r = this.hoursForm.describe("roundTheClock");
    return html`<form @submit=${this.handleHours} aria-busy=${this.hoursForm.busy ? "true" : "false"} aria-labelledby="hours-title" novalidate>
      <h3 id="hours-title">${this.t("hours")}</h3>
      <p class="hint">${this.t("timeZone", { zone: c.timeZone })}</p>
      <fieldset>
        <legend>${this.t("weeklyHours")}</legend>
        <div class="field wide">
          <label for=${d.id}>${this.t("weeklyHours")}</label>
          <input id=${d.id} name="hours" .value=${c.hours ?? ""} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />
          <span id=${this.hoursForm.hintId("hours")}>${this.t("hoursHint")}</span>
          ${this.hoursForm.error("hours")}
        </div>
        <fieldset class="plain wide" aria-invalid=${r.invalid} aria-describedby=${r.describedBy}>
          <legend>${this.t("roundTheClock")}</legend>
          ${PRIORITIES.map(
            (p: Priority) => html`<label class="check"><input type="checkbox" name="rtc-${p}" ?checked=${c.roundTheClock.includes(p)} />${p} ${this.lc.t(levelWords, p)}</label>`,
          )}
          ${this.hoursForm.error("roundTheClock")}
        </fieldset>
      </fieldset>
      ${this.hoursForm.outcome(this.t("hoursSaved"))}
      <div class="actions"><button type="submit" ?disabled=${this.hoursForm.busy}>${this.hoursForm.busy ? this.t("saving") : this.t("saveHours")}</button></div>
    </form>`;
  }

  private renderHolidays(c: Calendar): TemplateResult {
    const day = this.holidayForm.describe("holidays.0.day");
    const name = this.holidayForm.describe("holidays.0.name");
    return html`<form @submit=${this.handleAddHoliday} aria-busy=${this.holidayForm.busy ? "true" : "false"} aria-labelledby="holidays-title" novalidate>
      <h3 id="holidays-title">${this.t("holidays")}</h3>
      ${c.holidays.length
        ? html`<div class="scroll"><table>
            <thead><tr><th scope="col">${this.t("holidayDay")}</th><th scope="col">${this.t("holidayName")}</th><th scope="col"><span class="visually-hidden">${this.t("removeHoliday", { name: "", day: "" })}</span></th></tr></thead>
            <tbody>${c.holidays.map(
              (h) => html`<tr><td>${h.day}</td><td>${h.name}</td>
                <td><button type="button" class="secondary" @click=${() => this.removeHoliday(h.day)} aria-label=${this.t("removeHoliday", { name: h.name, day: h.day })}>×</button></td></tr>`,
            )}</tbody>
          </table></div>`
        : html`<p class="muted">${this.t("noHolidays")}</p>`}
      <fieldset>
        <legend>${this.t("addHoliday")}</legend>
        <div class="field"><label for=${day.id}>${this.t("holidayDay")}</label>
          <input id=${day.id} name="day" type="date" required aria-invalid=${day.invalid} aria-describedby=${day.describedBy} />${this.holidayForm.error("holidays.0.day")}</div>
        <div class="field"><label for=${name.id}>${this.t("holidayName")}</label>
          <input id=${name.id} name="name" required aria-invalid=${name.invalid} aria-describedby=${name.describedBy} />${this.holidayForm.error("holidays.0.name")}</div>
      </fieldset>
      ${this.holidayForm.outcome(this.t("holidaysSaved"))}
      <div class="actions"><button type="submit" ?disabled=${this.holidayForm.busy}>${this.t("addHoliday")}</button></div>
    </form>`;
  }

  override render(): TemplateResult {
    const c = this.data;
    if (!c) return this.waiting(this.t("loading"), this.t("retry"));
    return html`${this.renderHours(c)}${this.renderHolidays(c)}`;
  }
}
