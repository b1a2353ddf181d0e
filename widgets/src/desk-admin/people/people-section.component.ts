import { html, nothing, type TemplateResult } from "lit";
import type { AdminAgentFieldsFragment, AdminPeopleQuery, Role } from "../../client/generated.js";
import { AdminPeople, InviteAgent, SetAgentActive, UpdateAgent } from "../../client/admin-people.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController, type Lang } from "../../shared/locale.js";
import { AdminForm, lines, renderField, type FieldIds } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { ROLES } from "../choices.js";
import { indonesian, peopleMessages, type PeopleKey } from "./people.messages.js";

type People = AdminPeopleQuery;
type Agent = AdminAgentFieldsFragment;
const LANGS: readonly Lang[] = ["id", "en"];

/**
 * The People section of `<sigap-desk-admin>`: the site's agents (`adminAgents`), an invitation
 * (`inviteAgent`), editing role, group, language, regions and skills (`updateAgent`) and
 * deactivation (`setAgentActive`). Who may change whom is the gateway's rule; its refusals show here.
 *
 * @summary Agents of the desk administration (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-people
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 */
export class SigapAdminPeople extends AdminSection<People> {
  static override properties = { ...AdminSection.properties, editing: { state: true, attribute: false } };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly listForm = new AdminForm(this, this.lc, "agents", []);
  private readonly editForm = new AdminForm(this, this.lc, "agent", ["name", "role", "groupId", "language", "regions", "skills"]);
  private readonly inviteForm = new AdminForm(this, this.lc, "invite", ["name", "email", "role", "groupId"]);
  /** The agent whose form is open. */
  private editing = "";

  protected read(target: Endpoint): Promise<People> {
    return request(target, AdminPeople, {});
  }

  private t(key: PeopleKey, values?: Record<string, string | number>): string {
    return this.lc.t(peopleMessages, key, values);
  }

  private async call(form: AdminForm, run: (target: Endpoint) => Promise<unknown>): Promise<boolean> {
    const target = this.target;
    if (!target) return false;
    const ok = await form.run(() => run(target));
    if (ok) await this.reload();
    return ok;
  }

  private handleEdit(event: SubmitEvent, agent: Agent): void {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const input = {
      name: String(f.get("name") ?? ""),
      role: String(f.get("role")) as Role,
      groupId: String(f.get("groupId") ?? "") || null,
      language: String(f.get("language") ?? ""),
      regions: lines(String(f.get("regions") ?? "")),
      skills: lines(String(f.get("skills") ?? "")),
    };
    // Only what changed: an agent may not send their own role, even unchanged.
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(agent[k as keyof Agent])));
    void this.call(this.editForm, (target) => request(target, UpdateAgent, { id: agent.id, input: changed })).then((ok) => ok && (this.editing = ""));
  }

  private handleInvite(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const f = new FormData(form);
    const input = { name: String(f.get("name") ?? ""), email: String(f.get("email") ?? ""), role: String(f.get("role")) as Role, groupId: String(f.get("groupId") ?? "") || null };
    void this.call(this.inviteForm, (target) => request(target, InviteAgent, { input })).then((ok) => ok && form.reset());
  }

  private roleSelect(d: FieldIds, value: Role): TemplateResult {
    return html`<select id=${d.id} name="role" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
      ${ROLES.map((r) => html`<option value=${r} ?selected=${r === value}>${this.t(`role.${r}`)}</option>`)}
    </select>`;
  }

  private groupSelect(d: FieldIds, groups: People["catalogAdmin"]["groups"], value: string | null): TemplateResult {
    return html`<select id=${d.id} name="groupId" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
      <option value="" ?selected=${!value}>${this.t("noGroup")}</option>
      ${groups.filter((g) => !g.retired || g.id === value).map((g) => html`<option value=${g.id} ?selected=${g.id === value}>${g.name}</option>`)}
    </select>`;
  }

  private renderEdit(a: Agent, groups: People["catalogAdmin"]["groups"]): TemplateResult {
    const form = this.editForm;
    const text = (field: "name", value: string) => (d: FieldIds) => html`<input id=${d.id} name=${field} .value=${value} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`;
    const list = (field: "regions" | "skills", value: readonly string[]) => (d: FieldIds) =>
      html`<textarea id=${d.id} name=${field} rows="3" .value=${value.join("\n")} aria-invalid=${d.invalid} aria-describedby=${d.describedBy}></textarea>`;
    return html`<tr><td colspan="6">
      <form @submit=${(e: SubmitEvent) => this.handleEdit(e, a)} aria-busy=${form.busy ? "true" : "false"} novalidate>
        <fieldset>
          <legend>${this.t("editTitle", { name: a.name })}</legend>
          ${renderField(form, "name", this.t("name"), text("name", a.name))}
          ${renderField(form, "role", this.t("role"), (d) => this.roleSelect(d, a.role))}
          ${renderField(form, "groupId", this.t("group"), (d) => this.groupSelect(d, groups, a.groupId))}
          ${renderField(form, "language", this.t("language"), (d) => html`<select id=${d.id} name="language" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
            ${LANGS.map((l) => html`<option value=${l} ?selected=${l === a.language}>${this.t(`lang.${l}`)}</option>`)}</select>`)}
          ${renderField(form, "regions", this.t("regions"), list("regions", a.regions), this.t("listHint"))}
          ${renderField(form, "skills", this.t("skills"), list("skills", a.skills), this.t("listHint"))}
        </fieldset>
        ${form.outcome(this.t("saved"))}
        <div class="actions">
          <button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("save")}</button>
          <button type="button" class="secondary" @click=${() => (this.editing = "")}>${this.t("cancel")}</button>
        </div>
      </form>
    </td></tr>`;
  }

  private renderRow(a: Agent, p: People): TemplateResult {
    const group = p.catalogAdmin.groups.find((g) => g.id === a.groupId)?.name ?? this.t("noGroup");
    const row = html`<tr>
      <th scope="row">${a.name}<br /><span class="muted">${a.email}</span></th>
      <td>${this.t(`role.${a.role}`)}</td>
      <td>${group}</td>
      <td>${a.active ? this.t("active") : this.t("inactive")}${a.hasPassword ? nothing : html`<br /><span class="muted">${this.t("noPassword")}</span>`}</td>
      <td><button type="button" class="secondary" aria-expanded=${this.editing === a.id ? "true" : "false"} aria-label=${this.t("edit", { name: a.name })}
        @click=${() => (this.editing = this.editing === a.id ? "" : a.id)}>${this.t("editShort")}</button></td>
      <td>${a.id === p.me.id
        ? nothing
        : html`<button type="button" class="secondary" ?disabled=${this.listForm.busy}
            aria-label=${a.active ? this.t("deactivate", { name: a.name }) : this.t("reactivate", { name: a.name })}
            @click=${() => this.call(this.listForm, (target) => request(target, SetAgentActive, { id: a.id, active: !a.active }))}>${a.active ? this.t("deactivateShort") : this.t("reactivateShort")}</button>`}</td>
    </tr>`;
    return this.editing === a.id ? html`${row}${this.renderEdit(a, p.catalogAdmin.groups)}` : row;
  }

  private renderInvite(p: People): TemplateResult {
    const form = this.inviteForm;
    const input = (field: "name" | "email", type: string) => (d: FieldIds) => html`<input id=${d.id} name=${field} type=${type} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`;
    return html`<form @submit=${this.handleInvite} aria-busy=${form.busy ? "true" : "false"} aria-labelledby="invite-title" novalidate>
      <h3 id="invite-title">${this.t("invite")}</h3>
      <p class="hint">${this.t("inviteHint")}</p>
      <fieldset>
        <legend>${this.t("invite")}</legend>
        ${renderField(form, "name", this.t("name"), input("name", "text"))}
        ${renderField(form, "email", this.t("email"), input("email", "email"))}
        ${renderField(form, "role", this.t("role"), (d) => this.roleSelect(d, "AGENT"))}
        ${renderField(form, "groupId", this.t("group"), (d) => this.groupSelect(d, p.catalogAdmin.groups, null))}
      </fieldset>
      ${form.outcome(this.t("invited"))}
      <div class="actions"><button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("send")}</button></div>
    </form>`;
  }

  override render(): TemplateResult {
    const p = this.data;
    if (!p) return this.waiting(this.t("loading"), this.t("retry"));
    return html`<h3>${this.t("title")}</h3>
      ${this.listForm.outcome("")}
      <div class="scroll"><table>
        <thead><tr><th scope="col">${this.t("name")}</th><th scope="col">${this.t("role")}</th><th scope="col">${this.t("group")}</th><th scope="col">${this.t("status")}</th>
          <td></td><td></td></tr></thead>
        <tbody>${p.adminAgents.map((a) => this.renderRow(a, p))}</tbody>
      </table></div>
      ${this.renderInvite(p)}`;
  }
}
