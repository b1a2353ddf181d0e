import { html, nothing, type TemplateResult } from "lit";
import type { Impact, Priority, TicketType, TypedSlaPolicyQuery, Urgency } from "../../client/generated.js";
import { SetPriorityMatrix } from "../../client/admin.operations.js";
import { ClearSlaPolicy, SetTypedSlaPolicy, TypedSlaPolicy } from "../../client/admin-requests.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { IMPACTS, levelWords, PRIORITIES, TICKET_TYPES, typeWords, URGENCIES } from "../choices.js";
import { indonesian, slaMessages, type SlaKey } from "./sla.messages.js";

type Settings = TypedSlaPolicyQuery["siteSettings"];
type Minutes = "responseMinutes" | "resolutionMinutes";
const MINUTES: readonly Minutes[] = ["responseMinutes", "resolutionMinutes"];
const TARGET_FIELDS = PRIORITIES.flatMap((p) => MINUTES.map((m) => `targets.${p}.${m}`));
const CELL_FIELDS = URGENCIES.flatMap((u) => IMPACTS.map((i) => `cells.${u}.${i}`));

/**
 * The SLA targets per priority of each ticket type (`setSlaPolicy`; a service request or work order
 * without its own follows the incident targets until given some, and `clearSlaPolicy` sends it
 * back to them) and the urgency × impact matrix
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
  static override properties = {
    ...AdminSection.properties,
    typed: { state: true, attribute: false },
    ticketType: { state: true, attribute: false },
    adopting: { state: true, attribute: false },
  };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly policyForm = new AdminForm(this, this.lc, "policy", TARGET_FIELDS);
  private readonly matrixForm = new AdminForm(this, this.lc, "matrix", CELL_FIELDS);
  /** Minutes as typed, so the duration beside a target follows the typing. */
  private typed = new Map<string, number>();
  /** The ticket type whose targets are shown. */
  private ticketType: TicketType = "INCIDENT";
  /** The admin chose to give a type that follows the incident targets its own (saved on submit). */
  private adopting = false;

  protected read(target: Endpoint): Promise<Settings> {
    return request(target, TypedSlaPolicy, { ticketType: this.ticketType }).then((d) => d.siteSettings);
  }

  /** Whether the shown type has no targets of its own (then the incident targets are shown, locked). */
  private get inherits(): boolean {
    return this.ticketType !== "INCIDENT" && !!this.data && !this.data.slaPolicyTypes.includes(this.ticketType);
  }

  private pickType(type: TicketType): void {
    this.ticketType = type;
    this.adopting = false;
    this.typed = new Map();
    this.policyForm.saved = false;
    void this.reload();
  }

  private backToIncident(): void {
    const [target, ticketType] = [this.target, this.ticketType];
    if (!target) return;
    void this.policyForm.run(async () => {
      this.data = (await request(target, ClearSlaPolicy, { ticketType })).clearSlaPolicy;
      this.typed = new Map();
    });
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
    const ticketType = this.ticketType;
    void this.policyForm.run(async () => {
      this.data = (await request(target, SetTypedSlaPolicy, { targets, ticketType })).setSlaPolicy;
      this.typed = new Map();
      this.adopting = false;
    });
  }

  private saveMatrix(cells: Array<{ urgency: Urgency; impact: Impact; priority: Priority }> | null): void {
    const target = this.target;
    if (!target) return;
    void this.matrixForm.run(async () => {
      const { priorityMatrix } = (await request(target, SetPriorityMatrix, { cells })).setPriorityMatrix;
      if (this.data) this.data = { ...this.data, priorityMatrix };
    });
  }

  private handleMatrix(event: SubmitEvent): void {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    this.saveMatrix(URGENCIES.flatMap((urgency) => IMPACTS.map((impact) => ({ urgency, impact, priority: String(f.get(`${urgency}.${impact}`)) as Priority }))));
  }

  private minutes(p: Priority, m: Minutes, value: number, locked: boolean): TemplateResult {
    const field = `targets.${p}.${m}`;
    const d = this.policyForm.describe(field, true);
    return html`<td>
      <label class="visually-hidden" for=${d.id}>${p} ${this.lc.t(levelWords, p)}: ${this.t(m)}</label>
      <input id=${d.id} name="${p}.${m}" type="number" step="1" required ?readonly=${locked} .value=${String(value)} aria-invalid=${d.invalid} aria-describedby=${d.describedBy}
        @input=${(e: Event) => (this.typed = new Map(this.typed).set(field, Number((e.target as HTMLInputElement).value)))} />
      <span class="hint" id=${this.policyForm.hintId(field)}>${this.lc.duration((this.typed.get(field) ?? value) * 60_000)}</span>
      ${this.policyForm.error(field)}
    </td>`;
  }

  private renderTypeSwitch(): TemplateResult {
    return html`<fieldset part="type-switch" class="plain" aria-describedby="policy-type-note">
      <legend>${this.t("typeSwitch")}</legend>
      ${TICKET_TYPES.map(
        (type) => html`<label class="check"><input type="radio" name="policy-type" .value=${type} .checked=${type === this.ticketType}
          @change=${() => this.pickType(type)} />${this.lc.t(typeWords, type)}</label>`,
      )}
    </fieldset>`;
  }

  /** What the shown type's targets are: the incident ones it follows, the ones about to be its own, or its own. */
  private renderTypeNote(): TemplateResult {
    const type = this.lc.t(typeWords, this.ticketType);
    const busy = this.policyForm.busy;
    if (this.ticketType === "INCIDENT") return html`<p class="hint" id="policy-type-note">${this.t("incidentNote")}</p>`;
    if (this.inherits && !this.adopting) {
      return html`<div class="actions"><p class="hint" id="policy-type-note">${this.t("inherits", { type })}</p>
        <button type="button" class="secondary" @click=${() => (this.adopting = true)}>${this.t("useOwn")}</button></div>`;
    }
    if (this.inherits) return html`<p class="hint" id="policy-type-note">${this.t("adopting", { type })}</p>`;
    return html`<div class="actions"><p class="hint" id="policy-type-note">${this.t("own", { type })}</p>
      <button type="button" class="secondary" ?disabled=${busy} @click=${this.backToIncident}>${this.t("backToIncident")}</button></div>`;
  }

  private renderPolicy(s: Settings): TemplateResult {
    const byPriority = new Map(s.slaPolicy.map((t) => [t.priority, t]));
    const locked = this.inherits && !this.adopting;
    return html`<form @submit=${this.handlePolicy} aria-busy=${this.policyForm.busy ? "true" : "false"} aria-labelledby="policy-title" novalidate>
      <h3 id="policy-title">${this.t("policy")}</h3>
      <p class="hint">${this.t("policyHint")}</p>
      ${this.renderTypeSwitch()}
      ${this.renderTypeNote()}
      <div class="scroll"><table>
        <thead><tr><th scope="col">${this.t("priority")}</th>${MINUTES.map((m) => html`<th scope="col">${this.t(m)}</th>`)}</tr></thead>
        <tbody>${PRIORITIES.map((p) => {
          const t = byPriority.get(p);
          return html`<tr><th scope="row">${p} ${this.lc.t(levelWords, p)}</th>${MINUTES.map((m) => this.minutes(p, m, t?.[m] ?? 0, locked))}</tr>`;
        })}</tbody>
      </table></div>
      ${this.policyForm.outcome(this.inherits ? this.t("cleared", { type: this.lc.t(typeWords, this.ticketType) }) : this.t("policySaved"))}
      <div class="actions"><button type="submit" ?disabled=${this.policyForm.busy || locked}>${this.policyForm.busy ? this.t("saving") : this.t("savePolicy")}</button></div>
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
