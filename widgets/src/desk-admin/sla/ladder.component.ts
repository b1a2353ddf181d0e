import { html, nothing, type TemplateResult } from "lit";
import type { AdminSettingsFieldsFragment, SetSlaLadderInput, SlaLadderStepInput } from "../../client/generated.js";
import { SetSlaLadder, SiteSettings } from "../../client/admin.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { indonesian, slaMessages, type SlaKey } from "./sla.messages.js";

type Settings = AdminSettingsFieldsFragment;
type Target = keyof SetSlaLadderInput;
const TARGETS: readonly Target[] = ["response", "resolution"];

/**
 * The escalation ladder of `<sigap-desk-admin>`'s SLA section (`setSlaLadder`): the steps of each
 * target, edited as rows; who a step may notify is the gateway's list (`ladderNotifyChoices`).
 *
 * @summary The SLA escalation ladder editor (part of `<sigap-desk-admin>`).
 * @tagname sigap-admin-ladder
 *
 * @csspart field-error - The gateway's refusal beside the target it names.
 * @csspart form-error - A refusal that names no target.
 */
export class SigapAdminLadder extends AdminSection<Settings> {
  static override properties = { ...AdminSection.properties, draft: { state: true, attribute: false } };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly form = new AdminForm(this, this.lc, "ladder", TARGETS);
  /** The steps as edited, per target. */
  private draft: Record<Target, SlaLadderStepInput[]> = { response: [], resolution: [] };

  protected async read(target: Endpoint): Promise<Settings> {
    const s = (await request(target, SiteSettings, {})).siteSettings;
    this.reset(s);
    return s;
  }

  private reset(s: Settings): void {
    const of = (t: Target) => s.slaLadder.filter((x) => x.target.toLowerCase() === t).map(({ share, escalate, notify }) => ({ share, escalate, notify: [...notify] }));
    this.draft = { response: of("response"), resolution: of("resolution") };
  }

  private t(key: SlaKey, values?: Record<string, string | number>): string {
    return this.lc.t(slaMessages, key, values);
  }

  private edit(target: Target, i: number, change: Partial<SlaLadderStepInput>): void {
    this.draft = { ...this.draft, [target]: this.draft[target].map((s, j) => (j === i ? { ...s, ...change } : s)) };
  }

  private add(target: Target): void {
    const last = this.draft[target].at(-1);
    this.draft = { ...this.draft, [target]: [...this.draft[target], { share: last ? last.share + 25 : 50, escalate: false, notify: [] }] };
  }

  private removeStep(target: Target, i: number): void {
    this.draft = { ...this.draft, [target]: this.draft[target].filter((_, j) => j !== i) };
  }

  private async save(input: SetSlaLadderInput): Promise<void> {
    const target = this.target;
    if (!target) return;
    await this.form.run(async () => {
      const s = (await request(target, SetSlaLadder, { input })).setSlaLadder;
      this.data = s;
      this.reset(s);
    });
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.save({ response: this.draft.response, resolution: this.draft.resolution });
  }

  private renderStep(target: Target, s: SlaLadderStepInput, i: number, choices: readonly string[]): TemplateResult {
    const n = i + 1;
    const id = `${target}-${i}`;
    return html`<tr>
      <th scope="row">${this.t("step", { n })}</th>
      <td><label class="visually-hidden" for="${id}-share">${this.t("step", { n })}: ${this.t("share")}</label>
        <input id="${id}-share" type="number" step="1" required .value=${String(s.share)} @change=${(e: Event) => this.edit(target, i, { share: Number((e.target as HTMLInputElement).value) })} /></td>
      <td><label class="check"><input type="checkbox" .checked=${s.escalate} @change=${(e: Event) => this.edit(target, i, { escalate: (e.target as HTMLInputElement).checked })} />
        <span class="visually-hidden">${this.t("step", { n })}: ${this.t("escalate")}</span></label></td>
      <td>
        <fieldset class="plain"><legend class="visually-hidden">${this.t("step", { n })}: ${this.t("notify")}</legend>
          ${choices.map(
            (who) => html`<label class="check"><input type="checkbox" .checked=${s.notify.includes(who)}
              @change=${(e: Event) => this.edit(target, i, { notify: (e.target as HTMLInputElement).checked ? [...s.notify, who] : s.notify.filter((w) => w !== who) })} />
              ${`who.${who}` in slaMessages.en ? this.t(`who.${who}` as SlaKey) : who}</label>`,
          )}
        </fieldset>
      </td>
      <td><button type="button" class="secondary" aria-label=${this.t("removeStep", { n })} @click=${() => this.removeStep(target, i)}>${this.t("remove")}</button></td>
    </tr>`;
  }

  private renderTarget(target: Target, choices: readonly string[]): TemplateResult {
    const steps = this.draft[target];
    const d = this.form.describe(target);
    const caption = this.t(target.toUpperCase() as SlaKey);
    return html`<fieldset class="wide block" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
      <legend>${caption}</legend>
      ${steps.length
        ? html`<div class="scroll"><table>
            <thead><tr><th scope="col"><span class="visually-hidden">${this.t("step", { n: "" })}</span></th><th scope="col">${this.t("share")}</th>
              <th scope="col">${this.t("escalate")}</th><th scope="col">${this.t("notify")}</th><th scope="col"><span class="visually-hidden">${this.t("removeStep", { n: "" })}</span></th></tr></thead>
            <tbody>${steps.map((s, i) => this.renderStep(target, s, i, choices))}</tbody>
          </table></div>`
        : html`<p class="muted">${this.t("noSteps")}</p>`}
      ${this.form.error(target)}
      <div><button type="button" class="secondary" @click=${() => this.add(target)}>${this.t("addStep")}</button></div>
    </fieldset>`;
  }

  override render(): TemplateResult {
    const s = this.data;
    if (!s) return this.waiting(this.t("loading"), this.t("retry"));
    return html`<form @submit=${this.handleSubmit} aria-busy=${this.form.busy ? "true" : "false"} aria-labelledby="ladder-title" novalidate>
      <h3 id="ladder-title">${this.t("ladder")}</h3>
      <p class="hint">${this.t("ladderHint")}</p>
      ${TARGETS.map((t) => this.renderTarget(t, s.ladderNotifyChoices))}
      ${this.form.outcome(this.t("ladderSaved"))}
      <div class="actions">
        <button type="submit" ?disabled=${this.form.busy}>${this.form.busy ? this.t("saving") : this.t("saveLadder")}</button>
        <button type="button" class="secondary" ?disabled=${this.form.busy} @click=${() => this.save({ response: null, resolution: null })}>${this.t("defaultLadder")}</button>
      </div>
      ${nothing}
    </form>`;
  }
}
