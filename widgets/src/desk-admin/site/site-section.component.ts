import { html, nothing, type TemplateResult } from "lit";
import type { AdminSettingsFieldsFragment, UpdateSiteSettingsInput } from "../../client/generated.js";
import { SiteSettings, UpdateSiteSettings } from "../../client/admin.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController, type Lang } from "../../shared/locale.js";

import { AdminForm } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { IMPACTS, levelWords, QUEUE_ORDERS } from "../choices.js";
import { indonesian, siteMessages, type SiteKey } from "./site-section.messages.js";

type Settings = AdminSettingsFieldsFragment;
type TextField = "deskEmail" | "accentColor" | "logoUrl" | "trackingUrl" | "name" | "unitCode" | "timeZone";
type NumberField = "reopenClosedWithinDays" | "autoCloseHours";

const TEXT_FIELDS: readonly TextField[] = ["deskEmail", "accentColor", "logoUrl", "trackingUrl"];
const NUMBER_FIELDS: readonly NumberField[] = ["reopenClosedWithinDays", "autoCloseHours"];
/** The languages the widgets speak, which mail may be sent in. */
const LANGS: readonly Lang[] = ["id", "en"];
/** Required text settings: sent as typed (an empty one is the gateway's to refuse). */
const BASIC_FIELDS = ["name", "unitCode", "timeZone"] as const;
const FIELDS = [...BASIC_FIELDS, "languages", "defaultImpact", "reporterSetsImpact", "queueOrder", ...NUMBER_FIELDS, "language", ...TEXT_FIELDS, "reporterMailEvents", "scheduledRecaps"];

/**
 * The Site section of `<sigap-desk-admin>`: how the desk handles tickets and how it mails reporters
 * (`siteSettings` / `updateSiteSettings`). Only the settings changed are sent.
 *
 * @summary Site settings of the desk administration (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-site
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 */
export class SigapAdminSite extends AdminSection<Settings> {
  protected readonly lc = new LocaleController(this, indonesian);
  private readonly form = new AdminForm(this, this.lc, "site", FIELDS);

  protected read(target: Endpoint): Promise<Settings> {
    return request(target, SiteSettings, {}).then((d) => d.siteSettings);
  }

  private t(key: SiteKey, values?: Record<string, string | number>): string {
    return this.lc.t(siteMessages, key, values);
  }

  /** The settings the form now shows that differ from the ones read. */
  private changes(form: HTMLFormElement, was: Settings): UpdateSiteSettingsInput {
    const f = new FormData(form);
    const input: UpdateSiteSettingsInput = {};
    const text = (k: string) => String(f.get(k) ?? "");
    if (text("defaultImpact") !== was.defaultImpact) input.defaultImpact = text("defaultImpact") as Settings["defaultImpact"];
    if (text("queueOrder") !== was.queueOrder) input.queueOrder = text("queueOrder") as Settings["queueOrder"];
    if (f.has("reporterSetsImpact") !== was.reporterSetsImpact) input.reporterSetsImpact = f.has("reporterSetsImpact");
    if (f.has("scheduledRecaps") !== was.scheduledRecaps) input.scheduledRecaps = f.has("scheduledRecaps");
    if (text("language") !== was.language) input.language = text("language");
    for (const k of NUMBER_FIELDS) if (Number(text(k)) !== was[k]) input[k] = Number(text(k));
    // An emptied optional setting is cleared (null), as the schema says.
    for (const k of TEXT_FIELDS) if (text(k).trim() !== (was[k] ?? "")) input[k] = text(k).trim() || null;
    for (const k of BASIC_FIELDS) if (text(k).trim() !== was[k]) input[k] = text(k).trim();
    const languages = LANGS.filter((l) => f.has(`offer-${l}`));
    if (languages.join() !== LANGS.filter((l) => was.languages.includes(l)).join()) input.languages = languages;
    const events = was.reporterMailEventChoices.filter((e) => f.has(`event-${e}`));
    const all = f.has("allEvents");
    const wasAll = was.reporterMailEvents === null;
    if (all !== wasAll || (!all && events.join() !== (was.reporterMailEvents ?? []).join())) input.reporterMailEvents = all ? null : events;
    return input;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const was = this.data;
    if (!was || !this.target) return;
    const input = this.changes(event.target as HTMLFormElement, was);
    const target = this.target;
    await this.form.run(async () => (this.data = (await request(target, UpdateSiteSettings, { input })).updateSiteSettings));
  }

  private field(key: SiteKey & string, control: (d: ReturnType<AdminForm["describe"]>) => TemplateResult, hint?: SiteKey): TemplateResult {
    const d = this.form.describe(key, !!hint);
    return html`<div class="field">
      <label for=${d.id}>${this.t(key)}</label>
      ${control(d)}
      ${hint ? html`<span id=${this.form.hintId(key)}>${this.t(hint)}</span>` : nothing}
      ${this.form.error(key)}
    </div>`;
  }

  private select(key: SiteKey, value: string, options: ReadonlyArray<readonly [string, string]>): TemplateResult {
    return this.field(
      key,
      (d) => html`<select id=${d.id} name=${key} aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
        ${options.map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label}</option>`)}
      </select>`,
    );
  }

  private text(key: TextField | NumberField, value: string | number | null, hint?: SiteKey): TemplateResult {
    const number = typeof value === "number";
    return this.field(
      key,
      (d) => html`<input id=${d.id} name=${key} type=${number ? "number" : key === "deskEmail" ? "email" : "text"} step=${number ? 1 : nothing}
        ?required=${number} .value=${String(value ?? "")} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`,
      hint,
    );
  }

  private renderLanguages(s: Settings): TemplateResult {
    const d = this.form.describe("languages", true);
    return html`<fieldset class="plain wide" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
      <legend>${this.t("languages")}</legend>
      ${LANGS.map((l) => html`<label class="check"><input type="checkbox" name="offer-${l}" ?checked=${s.languages.includes(l)} />${this.t(`lang.${l}`)}</label>`)}
      <span class="hint wide" id=${this.form.hintId("languages")}>${this.t("languagesHint")}</span>
      ${this.form.error("languages")}
    </fieldset>`;
  }

  private renderEvents(s: Settings): TemplateResult {
    const d = this.form.describe("reporterMailEvents");
    const all = s.reporterMailEvents === null;
    return html`<fieldset class="wide" aria-describedby=${d.describedBy} aria-invalid=${d.invalid}>
      <legend>${this.t("reporterMailEvents")}</legend>
      <label class="check wide"><input type="checkbox" name="allEvents" ?checked=${all} />${this.t("allEvents")}</label>
      ${s.reporterMailEventChoices.map(
        (e) => html`<label class="check"><input type="checkbox" name="event-${e}" ?checked=${all || (s.reporterMailEvents ?? []).includes(e)} />
          ${`event.${e}` in siteMessages.en ? this.t(`event.${e}` as SiteKey) : e}</label>`,
      )}
      ${this.form.error("reporterMailEvents")}
    </fieldset>`;
  }

  override render(): TemplateResult {
    const s = this.data;
    if (!s) return this.waiting(this.t("loading"), this.t("retry"));
    const impacts = IMPACTS.map((i) => [i, this.lc.t(levelWords, i)] as const);
    return html`<form @submit=${this.handleSubmit} aria-busy=${this.form.busy ? "true" : "false"} novalidate>
      <fieldset>
        <legend>${this.t("basics")}</legend>
        ${this.text("name", s.name)}
        ${this.text("unitCode", s.unitCode, "unitCodeHint")}
        ${this.text("timeZone", s.timeZone, "timeZoneHint")}
        ${this.renderLanguages(s)}
      </fieldset>
      <fieldset>
        <legend>${this.t("handling")}</legend>
        ${this.select("defaultImpact", s.defaultImpact, impacts)}
        <div class="field"><label class="check"><input type="checkbox" name="reporterSetsImpact" ?checked=${s.reporterSetsImpact} />${this.t("reporterSetsImpact")}</label>
          ${this.form.error("reporterSetsImpact")}</div>
        ${this.select("queueOrder", s.queueOrder, QUEUE_ORDERS.map((o) => [o, this.t(`order.${o}`)] as const))}
        ${this.text("reopenClosedWithinDays", s.reopenClosedWithinDays, "reopenHint")}
        ${this.text("autoCloseHours", s.autoCloseHours)}
        <div class="field"><label class="check"><input type="checkbox" name="scheduledRecaps" ?checked=${s.scheduledRecaps} />${this.t("scheduledRecaps")}</label>
          ${this.form.error("scheduledRecaps")}</div>
        ${this.text("deskEmail", s.deskEmail, "deskEmailHint")}
      </fieldset>
      <fieldset>
        <legend>${this.t("mail")}</legend>
        ${this.select("language", s.language, LANGS.map((l) => [l, this.t(`lang.${l}`)] as const))}
        ${this.text("accentColor", s.accentColor, "accentHint")}
        ${this.text("logoUrl", s.logoUrl, "logoHint")}
        ${this.text("trackingUrl", s.trackingUrl, "trackingHint")}
        ${this.renderEvents(s)}
      </fieldset>
      ${this.form.outcome(this.t("saved"))}
      <div class="actions"><button type="submit" ?disabled=${this.form.busy}>${this.form.busy ? this.t("saving") : this.t("save")}</button></div>
    </form>`;
  }
}
