import { html, nothing, type TemplateResult } from "lit";
import type { FieldProblem } from "../../client/graphql-error.js";
import type { AdminServiceApprovalFieldsFragment, ApprovalRule, ApprovalSetupQuery, Role } from "../../client/generated.js";
import { AdminServiceApproval, ApprovalSetup, SetServiceApproval } from "../../client/admin-requests.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm, errorId, renderField } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { APPROVAL_RULES, ROLES, typeWords } from "../choices.js";
import { edited, moved } from "../reorder.js";
import { APPROVER_KINDS, newStep, placeWarnings, stepDraft, stepFields, stepInput, type ApproverKind, type StepDraft } from "./approval-steps.js";
import { approvalsStyles } from "./approvals-section.styles.js";
import { approvalsMessages, indonesian, type ApprovalsKey } from "./approvals.messages.js";

type Setup = ApprovalSetupQuery;
type Service = Setup["catalogAdmin"]["services"][number];

/**
 * The Approvals section of `<sigap-desk-admin>` (`serviceApproval`, `setServiceApproval`): a
 * service's approval steps, added, removed and reordered, each ANY_OF or ALL_OF over a role, a
 * support group or named agents, and how long the approval document is valid. Which steps are
 * valid is the gateway's call: its refusals appear beside the step and the field they name, and
 * its warnings (`warnings`: a step nobody can decide today, saved anyway) beside the step they
 * name, in the warning tone, after a save and when a service is opened.
 *
 * @summary Approval steps per service (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-approvals
 *
 * @csspart field-error - The gateway's refusal beside the step or field it names.
 * @csspart field-warning - The gateway's warning beside the step it names (saved; the site's managers are asked instead).
 * @csspart form-error - A refusal that names nothing shown.
 */
export class SigapAdminApprovals extends AdminSection<Setup> {
  static override styles = [...AdminSection.styles, approvalsStyles];

  static override properties = {
    ...AdminSection.properties,
    serviceId: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
    validDays: { state: true, attribute: false },
    warnings: { state: true, attribute: false },
  };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly form = new AdminForm(this, this.lc, "approval", stepFields(0));
  /** The service whose steps are open; "" until the catalogue is read. */
  private serviceId = "";
  /** Its steps as edited; null while they are read. */
  private drafts: StepDraft[] | null = null;
  /** The document's validity as typed. */
  private validDays = "";
  /** The gateway's warnings on the steps as last read or saved; shown while the drafts are those steps, unedited. */
  private warnings: { for: StepDraft[]; problems: readonly FieldProblem[] } | null = null;

  protected async read(target: Endpoint): Promise<Setup> {
    const setup = await request(target, ApprovalSetup, {});
    const live = setup.catalogAdmin.services.filter((s) => !s.retired);
    if (!live.some((s) => s.id === this.serviceId)) this.serviceId = live[0]?.id ?? "";
    if (this.serviceId) void this.open(this.serviceId);
    return setup;
  }

  private t(key: ApprovalsKey, values?: Record<string, string | number>): string {
    return this.lc.t(approvalsMessages, key, values);
  }

  private name(s: Service): string {
    return (s.names.find((n) => n.language === this.lc.lang) ?? s.names[0])?.name ?? "";
  }

  private reset(chain: AdminServiceApprovalFieldsFragment): void {
    this.drafts = chain.steps.map(stepDraft);
    this.validDays = String(chain.validDays);
    // Every edit makes a new drafts array, so the warnings stay with the steps they were given for.
    this.warnings = chain.warnings.length ? { for: this.drafts, problems: chain.warnings } : null;
  }

  /** Reads one service's steps into the form. */
  private async open(serviceId: string): Promise<void> {
    const target = this.target;
    if (!target) return;
    this.serviceId = serviceId;
    this.drafts = null;
    this.form.show(stepFields(0));
    this.form.saved = false;
    try {
      const { serviceApproval } = await request(target, AdminServiceApproval, { serviceId });
      if (serviceApproval.serviceId === this.serviceId) this.reset(serviceApproval);
    } catch (error) {
      this.form.fail(error);
    }
  }

  private edit(at: number, change: Partial<StepDraft>): void {
    this.drafts = edited(this.drafts ?? [], at, change);
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const [target, drafts, serviceId] = [this.target, this.drafts, this.serviceId];
    if (!target || !drafts) return;
    this.form.show(stepFields(drafts.length));
    const days = this.validDays.trim();
    void this.form.run(async () => {
      const { setServiceApproval } = await request(target, SetServiceApproval, { serviceId, steps: drafts.map(stepInput), validDays: days ? Number(days) : null });
      this.reset(setServiceApproval);
    });
  }

  private renderApprovers(d: StepDraft, i: number, setup: Setup): TemplateResult {
    const form = this.form;
    if (d.kind === "role") {
      return renderField(form, `steps.${i}.role`, this.t("role"), (f) => html`<select id=${f.id} aria-invalid=${f.invalid} aria-describedby=${f.describedBy}
          @change=${(e: Event) => this.edit(i, { role: (e.target as HTMLSelectElement).value as Role })}>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === d.role}>${this.t(`role.${r}`)}</option>`)}</select>`);
    }
    if (d.kind === "group") {
      const groups = setup.catalogAdmin.groups.filter((g) => !g.retired || g.id === d.groupId);
      return renderField(form, `steps.${i}.groupId`, this.t("group"), (f) => html`<select id=${f.id} aria-invalid=${f.invalid} aria-describedby=${f.describedBy}
          @change=${(e: Event) => this.edit(i, { groupId: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!d.groupId}>${this.t("chooseGroup")}</option>
          ${groups.map((g) => html`<option value=${g.id} ?selected=${g.id === d.groupId}>${g.name}</option>`)}</select>`);
    }
    const f = form.describe(`steps.${i}.agentIds`);
    return html`<fieldset class="plain wide" aria-invalid=${f.invalid} aria-describedby=${f.describedBy}>
      <legend>${this.t("agents")}</legend>
      ${setup.adminAgents.map(
        (a) => html`<label class="check"><input type="checkbox" .checked=${d.agentIds.includes(a.id)}
          @change=${(e: Event) => this.edit(i, { agentIds: (e.target as HTMLInputElement).checked ? [...d.agentIds, a.id] : d.agentIds.filter((x) => x !== a.id) })} />
          <span>${a.name} <span class="muted">(${this.t(`role.${a.role}`)})</span></span></label>`,
      )}
      ${form.error(`steps.${i}.agentIds`)}
    </fieldset>`;
  }

  /** The warnings of the steps shown, placed as problems are: by step, the rest for the whole form. */
  private placedWarnings(): { byField: Record<string, string>; general: string[] } {
    const w = this.warnings;
    return w && w.for === this.drafts ? placeWarnings(w.problems, w.for.length) : { byField: {}, general: [] };
  }

  private renderStep(d: StepDraft, i: number, count: number, setup: Setup, warning: string | undefined): TemplateResult {
    const n = i + 1;
    const f = this.form.describe(`steps.${i}`);
    const warnId = errorId("approval-warning", `steps.${i}`);
    const describedBy = [f.describedBy === nothing ? "" : f.describedBy, warning ? warnId : ""].filter(Boolean).join(" ") || nothing;
    const radios = <V extends string>(legend: string, name: string, values: readonly V[], now: V, label: (v: V) => string, pick: (v: V) => void) =>
      html`<fieldset class="plain wide"><legend>${legend}</legend>${values.map(
        (v) => html`<label class="check"><input type="radio" name=${name} .value=${v} .checked=${v === now} @change=${() => pick(v)} />${label(v)}</label>`,
      )}</fieldset>`;
    const button = (label: ApprovalsKey, aria: ApprovalsKey, run: () => void, disabled = false) =>
      html`<button type="button" class="secondary" aria-label=${this.t(aria, { n })} ?disabled=${disabled} @click=${run}>${this.t(label)}</button>`;
    return html`<fieldset part="step" class="wide" aria-invalid=${f.invalid} aria-describedby=${describedBy}>
      <legend>${this.t("step", { n })}</legend>
      ${radios<ApprovalRule>(this.t("rule", { n }), `rule-${i}`, APPROVAL_RULES, d.rule, (r) => this.t(r), (rule) => this.edit(i, { rule }))}
      ${radios<ApproverKind>(this.t("kind", { n }), `kind-${i}`, APPROVER_KINDS, d.kind, (k) => this.t(`kind.${k}`), (kind) => this.edit(i, { kind }))}
      ${this.renderApprovers(d, i, setup)}
      ${this.form.error(`steps.${i}`)}
      ${warning ? this.renderWarning(warning, warnId) : nothing}
      <div class="actions wide">
        ${button("up", "upOf", () => (this.drafts = moved(this.drafts ?? [], i, -1)), i === 0)}
        ${button("down", "downOf", () => (this.drafts = moved(this.drafts ?? [], i, 1)), i === count - 1)}
        ${button("remove", "removeOf", () => (this.drafts = (this.drafts ?? []).filter((_, j) => j !== i)))}
      </div>
    </fieldset>`;
  }

  private renderWarning(text: string, id = ""): TemplateResult {
    return html`<p part="field-warning" class="field-warning wide" id=${id || nothing}><span aria-hidden="true">⚠</span> ${this.t("warning")}: ${text}</p>`;
  }

  private renderSteps(service: Service, setup: Setup): TemplateResult {
    const drafts = this.drafts;
    if (!drafts) return this.form.general.length ? this.form.outcome("") : html`<p class="muted" role="status">${this.t("loading")}</p>`;
    const form = this.form;
    const warned = this.placedWarnings();
    return html`<form @submit=${this.handleSubmit} aria-busy=${form.busy ? "true" : "false"} aria-labelledby="approval-steps-title" novalidate>
      <h3 id="approval-steps-title">${this.t("steps", { name: this.name(service) })}</h3>
      ${drafts.length ? drafts.map((d, i) => this.renderStep(d, i, drafts.length, setup, warned.byField[`steps.${i}`])) : html`<p class="muted">${this.t("noSteps")}</p>`}
      ${form.error("steps")}
      <div><button type="button" class="secondary" @click=${() => (this.drafts = [...drafts, newStep()])}>${this.t("addStep")}</button></div>
      ${renderField(form, "validDays", this.t("validDays"), (f) => html`<input id=${f.id} type="number" step="1" .value=${this.validDays}
        aria-invalid=${f.invalid} aria-describedby=${f.describedBy} @input=${(e: Event) => (this.validDays = (e.target as HTMLInputElement).value)} />`)}
      ${warned.general.map((w) => this.renderWarning(w))}
      ${form.outcome(this.t(this.warnings?.for === drafts ? "savedWarned" : "saved"))}
      <div class="actions"><button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("save")}</button></div>
    </form>`;
  }

  override render(): TemplateResult {
    const setup = this.data;
    if (!setup) return this.waiting(this.t("loading"), this.t("retry"));
    const services = setup.catalogAdmin.services.filter((s) => !s.retired);
    const service = services.find((s) => s.id === this.serviceId);
    return html`<h3>${this.t("title")}</h3>
      <p class="hint">${this.t("intro")}</p>
      ${services.length
        ? html`<div class="field">
            <label for="approval-service">${this.t("service")}</label>
            <select id="approval-service" aria-describedby="approval-service-type" @change=${(e: Event) => this.open((e.target as HTMLSelectElement).value)}>
              ${services.map((s) => html`<option value=${s.id} ?selected=${s.id === this.serviceId}>${this.name(s)}</option>`)}
            </select>
            <span class="hint" id="approval-service-type">${service ? this.t("serviceType", { type: this.lc.t(typeWords, service.ticketType) }) : nothing}</span>
          </div>`
        : html`<p class="muted">${this.t("noServices")}</p>`}
      ${service ? this.renderSteps(service, setup) : nothing}`;
  }
}
