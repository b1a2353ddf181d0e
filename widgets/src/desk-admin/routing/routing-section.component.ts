import { html, type TemplateResult } from "lit";
import type { AssignmentStrategy, DeclinedCostOutcome, RoutingAdminQuery } from "../../client/generated.js";
import { RoutingAdmin, SetDispatchSettings, SetRoutingRules } from "../../client/admin-requests.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm, renderField } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { ASSIGNMENT_STRATEGIES, DECLINED_COST_OUTCOMES } from "../choices.js";
import { edited, moved } from "../reorder.js";
import { newRule, ruleDraft, ruleFields, ruleInput, type RuleDraft } from "./routing-rules.js";
import { indonesian, routingMessages, type RoutingKey } from "./routing.messages.js";

type Routing = RoutingAdminQuery;
type Named = { id: string; retired: boolean; names: ReadonlyArray<{ language: string; name: string }> };

/**
 * The Routing section of `<sigap-desk-admin>`: the site's routing rules (`setRoutingRules`: region,
 * skill, service and category to a technician group, tried in order) and its dispatch settings
 * (`setDispatchSettings`: round-robin or least-loaded assignment, whether incidents are routed, what a
 * declined work-order cost does). The gateway's refusals appear beside the rule field they name.
 *
 * @summary Routing rules and assignment settings (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-routing
 *
 * @csspart rule - One routing rule's fields.
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names nothing shown.
 */
export class SigapAdminRouting extends AdminSection<Routing> {
  static override properties = { ...AdminSection.properties, drafts: { state: true, attribute: false } };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly rulesForm = new AdminForm(this, this.lc, "routing", ruleFields(0));
  private readonly dispatchForm = new AdminForm(this, this.lc, "dispatch", ["assignment", "routeIncidents", "declinedCost"]);
  /** The rules as edited. */
  private drafts: RuleDraft[] = [];

  protected async read(target: Endpoint): Promise<Routing> {
    const routing = await request(target, RoutingAdmin, {});
    this.drafts = routing.routingRules.map(ruleDraft);
    return routing;
  }

  private t(key: RoutingKey, values?: Record<string, string | number>): string {
    return this.lc.t(routingMessages, key, values);
  }

  private name(e: Named): string {
    return (e.names.find((n) => n.language === this.lc.lang) ?? e.names[0])?.name ?? "";
  }

  private edit(at: number, change: Partial<RuleDraft>): void {
    this.drafts = edited(this.drafts, at, change);
  }

  private handleRules(event: SubmitEvent): void {
    event.preventDefault();
    const [target, drafts] = [this.target, this.drafts];
    if (!target) return;
    this.rulesForm.show(ruleFields(drafts.length));
    void this.rulesForm.run(async () => {
      const { setRoutingRules } = await request(target, SetRoutingRules, { rules: drafts.map(ruleInput) });
      this.drafts = setRoutingRules.map(ruleDraft);
    });
  }

  private handleDispatch(event: SubmitEvent): void {
    event.preventDefault();
    const target = this.target;
    const data = this.data;
    if (!target || !data) return;
    const f = new FormData(event.target as HTMLFormElement);
    const input = {
      assignment: String(f.get("assignment")) as AssignmentStrategy,
      routeIncidents: f.get("routeIncidents") === "on",
      declinedCost: String(f.get("declinedCost")) as DeclinedCostOutcome,
    };
    void this.dispatchForm.run(async () => {
      const { setDispatchSettings } = await request(target, SetDispatchSettings, { input });
      this.data = { ...data, dispatchSettings: setDispatchSettings };
    });
  }

  private renderRule(d: RuleDraft, i: number, r: Routing): TemplateResult {
    const n = i + 1;
    const form = this.rulesForm;
    const text = (key: "region" | "skill") =>
      renderField(form, `rules.${i}.${key}`, this.t(key), (f) => html`<input id=${f.id} .value=${d[key]} aria-invalid=${f.invalid} aria-describedby=${f.describedBy}
        @input=${(e: Event) => this.edit(i, { [key]: (e.target as HTMLInputElement).value })} />`);
    const pick = (key: "serviceId" | "categoryId" | "groupId", options: ReadonlyArray<readonly [string, string]>, blank: RoutingKey) =>
      renderField(form, `rules.${i}.${key}`, this.t(key), (f) => html`<select id=${f.id} aria-invalid=${f.invalid} aria-describedby=${f.describedBy}
        @change=${(e: Event) => this.edit(i, { [key]: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!d[key]}>${this.t(blank)}</option>
        ${options.map(([id, label]) => html`<option value=${id} ?selected=${id === d[key]}>${label}</option>`)}</select>`);
    const live = <E extends { id: string; retired: boolean }>(list: readonly E[], now: string) => list.filter((e) => !e.retired || e.id === now);
    const c = r.catalogAdmin;
    const button = (label: RoutingKey, aria: RoutingKey, run: () => void, disabled = false) =>
      html`<button type="button" class="secondary" aria-label=${this.t(aria, { n })} ?disabled=${disabled} @click=${run}>${this.t(label)}</button>`;
    return html`<fieldset part="rule" class="wide">
      <legend>${this.t("rule", { n })}</legend>
      ${text("region")} ${text("skill")}
      ${pick("serviceId", live(c.services, d.serviceId).map((s) => [s.id, this.name(s)] as const), "any")}
      ${pick("categoryId", live(c.categories, d.categoryId).map((s) => [s.id, this.name(s)] as const), "any")}
      ${pick("groupId", live(c.groups, d.groupId).map((g) => [g.id, g.name] as const), "chooseGroup")}
      <div class="actions wide">
        ${button("up", "upOf", () => (this.drafts = moved(this.drafts, i, -1)), i === 0)}
        ${button("down", "downOf", () => (this.drafts = moved(this.drafts, i, 1)), i === this.drafts.length - 1)}
        ${button("remove", "removeOf", () => (this.drafts = this.drafts.filter((_, j) => j !== i)))}
      </div>
    </fieldset>`;
  }

  private renderRules(r: Routing): TemplateResult {
    const form = this.rulesForm;
    return html`<form @submit=${this.handleRules} aria-busy=${form.busy ? "true" : "false"} aria-labelledby="routing-title" novalidate>
      <h3 id="routing-title">${this.t("rules")}</h3>
      <p class="hint">${this.t("rulesHint")}</p>
      ${this.drafts.length ? this.drafts.map((d, i) => this.renderRule(d, i, r)) : html`<p class="muted">${this.t("noRules")}</p>`}
      ${form.error("rules")}
      <div><button type="button" class="secondary" @click=${() => (this.drafts = [...this.drafts, newRule()])}>${this.t("addRule")}</button></div>
      ${form.outcome(this.t("rulesSaved"))}
      <div class="actions"><button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("saveRules")}</button></div>
    </form>`;
  }

  private renderDispatch(r: Routing): TemplateResult {
    const s = r.dispatchSettings;
    const form = this.dispatchForm;
    const radios = <V extends AssignmentStrategy | DeclinedCostOutcome>(name: "assignment" | "declinedCost", values: readonly V[], now: V) => {
      const d = form.describe(name);
      return html`<fieldset class="block wide" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
        <legend>${this.t(name)}</legend>
        ${values.map((v) => html`<label class="check"><input type="radio" name=${name} value=${v} ?checked=${v === now} />${this.t(v)}</label>`)}
        ${form.error(name)}
      </fieldset>`;
    };
    return html`<form @submit=${this.handleDispatch} aria-busy=${form.busy ? "true" : "false"} aria-labelledby="dispatch-title" novalidate>
      <h3 id="dispatch-title">${this.t("dispatch")}</h3>
      ${radios("assignment", ASSIGNMENT_STRATEGIES, s.assignment)}
      <label class="check"><input type="checkbox" name="routeIncidents" ?checked=${s.routeIncidents} />${this.t("routeIncidents")}</label>
      ${radios("declinedCost", DECLINED_COST_OUTCOMES, s.declinedCost)}
      ${form.outcome(this.t("dispatchSaved"))}
      <div class="actions"><button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("saveDispatch")}</button></div>
    </form>`;
  }

  override render(): TemplateResult {
    const r = this.data;
    if (!r) return this.waiting(this.t("loading"), this.t("retry"));
    return html`${this.renderRules(r)}${this.renderDispatch(r)}`;
  }
}
