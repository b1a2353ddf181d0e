import { html, nothing, type TemplateResult } from "lit";
import type { AdminSettingsFieldsFragment, Impact, Priority, Urgency } from "../../client/generated.js";
import { SetPriorityMatrix, SetSlaPolicy, SiteSettings } from "../../client/admin.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { IMPACTS, levelWords, PRIORITIES, URGENCIES } from "../choices.js";
import { indonesian, slaMessages, type SlaKey } from "./sla.messages.js";

type Settings = AdminSettingsFieldsFragment;
type Minutes = "responseMinutes" | "resolutionMinutes";
const MINUTES: readonly Minutes[] = ["responseMinutes", "resolutionMinutes"];
const TARGET_FIELDS = PRIORITIES.flatMap((p) => MINUTES.map((m) => `targets.${p}.${m}`));
const CELL_FIELDS = URGENCIES.flatMap((u) => IMPACTS.map((i) => `cells.${u}.${i}`));

/**
 * The SLA targets per priority (`setSlaPolicy`) and the urgency × impact matrix
 * (`setPriorityMatrix`) of `<sigap-desk-admin>`'s SLA section. The gateway's rules (response
 * before resolution, a lower priority never tighter, a monotone matrix) are the gateway's: its
 * refusals appear beside the targets and cells they name.
 *
 * @summary SLA targets and priority matrix editor (part of `<sigap-desk-admin>`).
 * @tagname sigap-admin-policy
 *
 * @csspart field-error - The gateway's refusal beside the target or cell it names.
 * @csspart form-error - A refusal that names nothing shown.
 */
export class SigapAdminPolicy extends AdminSection<Settings> {
  static override properties = { ...AdminSection.properties, typed: { state: true, attribute: false } };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly policyForm = new AdminForm(this, this.lc, "policy", TARGET_FIELDS);
  private readonly matrixForm = new AdminForm(this, this.lc, "matrix", CELL_FIELDS);
  /** Minutes as typed, so the duration beside a target follows the typing. */
  private typed = new Map<string, number>();

  protected read(target: Endpoint): Promise<Settings> {
    return request(target, SiteSettings, {}).then((d) => d.siteSettings);
  }

  private t(key: SlaKey, values?: Record<string, string | number>): string {
    return this.lc.t(slaMessages, key, values);
  }

  private handlePolicy(event: SubmitEvent): void {
    event.preventDefault();
    const target = this.target;
    if (!target) return;
    const f = new FormData(event.target as HTMLFormElement);
    const targets = PRIORITIES.map((priority) => ({
      priority,
      responseMinutes: Number(f.get(`${priority}.responseMinutes`)),
      resolutionMinutes: Number(f.get(`${priority}.resolutionMinutes`)),
    }));
    void this.policyForm.run(async () => {
      this.data = (await request(target, SetSlaPolicy, { targets })).setSlaPolicy;
      this.typed = new Map();
    });
  }

  private saveMatrix(cells: Array<{ urgency: Urgency; impact: Impact; priority: Priority }> | null): void {
    const target = this.target;
    if (!target) return;
    void this.matrixForm.run(async () => (this.data = (await request(target, SetPriorityMatrix, { cells })).setPriorityMatrix));
  }

  private handleMatrix(event: SubmitEvent): void {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    this.saveMatrix(URGENCIES.flatMap((urgency) => IMPACTS.map((impact) => ({ urgency, impact, priority: String(f.get(`${urgency}.${impact}`)) as Priority }))));
  }

  private minutes(p: Priority, m: Minutes, value: number): TemplateResult {
    const field = `targets.${p}.${m}`;
    const d = this.policyForm.describe(field, true);
    return html`<td>
      <label class="visually-hidden" for=${d.id}>${p} ${this.lc.t(levelWords, p)}: ${this.t(m)}</label>
      <input id=${d.id} name="${p}.${m}" type="number" step="1" required .value=${String(value)} aria-invalid=${d.invalid} aria-describedby=${d.describedBy}
        @input=${(e: Event) => (this.typed = new Map(this.typed).set(field, Number((e.target as HTMLInputElement).value)))} />
      <span class="hint" id=${this.policyForm.hintId(field)}>${this.lc.duration((this.typed.get(field) ?? value) * 60_000)}</span>
      ${this.policyForm.error(field)}
    </td>`;
  }

  private renderPolicy(s: Settings): TemplateResult {
    const byPriority = new Map(s.slaPolicy.map((t) => [t.priority, t]));
    return html`<form @submit=${this.handlePolicy} aria-busy=${this.policyForm.busy ? "true" : "false"} aria-labelledby="policy-title" novalidate>
      <h3 id="policy-title">${this.t("policy")}</h3>
      <p class="hint">${this.t("policyHint")}</p>
      <div class="scroll"><table>
        <thead><tr><th scope="col">${this.t("priority")}</th>${MINUTES.map((m) => html`<th scope="col">${this.t(m)}</th>`)}</tr></thead>
        <tbody>${PRIORITIES.map((p) => {
          const t = byPriority.get(p);
          return html`<tr><th scope="row">${p} ${this.lc.t(levelWords, p)}</th>${MINUTES.map((m) => this.minutes(p, m, t?.[m] ?? 0))}</tr>`;
        })}</tbody>
      </table></div>
      ${this.policyForm.outcome(this.t("policySaved"))}
      <div class="actions"><button type="submit" ?disabled=${this.policyForm.busy}>${this.policyForm.busy ? this.t("saving") : this.t("savePolicy")}</button></div>
    </form>`;
  }

  private renderMatrix(s: Settings): TemplateResult {
    const cell = new Map(s.priorityMatrix.map((c) => [`${c.urgency}.${c.impact}`, c.priority]));
    const level = (l: Urgency | Impact) => this.lc.t(levelWords, l);
    return html`<form @submit=${this.handleMatrix} aria-busy=${this.matrixForm.busy ? "true" : "false"} aria-labelledby="matrix-title" novalidate>
      <h3 id="matrix-title">${this.t("matrix")}</h3>
      <p class="hint">${this.t("matrixHint")}</p>
      <div class="scroll"><table>
        <thead><tr><th scope="col">${this.t("urgency")} / ${this.t("impact")}</th>${IMPACTS.map((i) => html`<th scope="col">${level(i)}</th>`)}</tr></thead>
        <tbody>${URGENCIES.map(
          (u) => html`<tr><th scope="row">${level(u)}</th>${IMPACTS.map((i) => {
            const field = `cells.${u}.${i}`;
            const d = this.matrixForm.describe(field);
            const now = cell.get(`${u}.${i}`);
            return html`<td>
              <label class="visually-hidden" for=${d.id}>${this.t("cell", { u: level(u), i: level(i) })}</label>
              <select id=${d.id} name="${u}.${i}" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
                ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${p === now}>${p} ${this.lc.t(levelWords, p)}</option>`)}
              </select>
              ${this.matrixForm.error(field)}
            </td>`;
          })}</tr>`,
        )}</tbody>
      </table></div>
      ${this.matrixForm.outcome(this.t("matrixSaved"))}
      <div class="actions">
        <button type="submit" ?disabled=${this.matrixForm.busy}>${this.matrixForm.busy ? this.t("saving") : this.t("saveMatrix")}</button>
        <button type="button" class="secondary" ?disabled=${this.matrixForm.busy} @click=${() => this.saveMatrix(null)}>${this.t("defaultMatrix")}</button>
      </div>
      ${nothing}
    </form>`;
  }

  override render(): TemplateResult {
    const s = this.data;
    if (!s) return this.waiting(this.t("loading"), this.t("retry"));
    return html`${this.renderPolicy(s)}${this.renderMatrix(s)}`;
  }
}
