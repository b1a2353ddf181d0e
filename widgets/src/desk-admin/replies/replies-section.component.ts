import { html, nothing, type TemplateResult } from "lit";
import { AllCannedResponses, DeleteCannedResponse, SaveCannedResponse } from "../../client/canned.operations.js";
import type { AllCannedResponsesQuery } from "../../client/generated.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController, type Lang } from "../../shared/locale.js";
import { AdminForm, renderField, selectControl } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { indonesian, repliesMessages, type RepliesKey } from "./replies.messages.js";
import { placeholderHelp, toCannedInput } from "./reply-draft.js";

type Data = AllCannedResponsesQuery;
type Reply = Data["allCannedResponses"][number];
const LANGS: readonly Lang[] = ["id", "en"];

/**
 * The Replies section of `<sigap-desk-admin>` (`allCannedResponses` and its mutations, SUPERVISOR
 * and up): the site's canned responses with their language and group, added, edited and deleted.
 * The placeholders the help line names are the gateway's (`cannedPlaceholders`); every check is the
 * gateway's, shown beside the field it names.
 *
 * @summary Canned responses (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-replies
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 */
export class SigapAdminReplies extends AdminSection<Data> {
  static override properties = { ...AdminSection.properties, editing: { state: true, attribute: false } };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly form = new AdminForm(this, this.lc, "reply", ["title", "body", "language", "groupId"]);
  private readonly listForm = new AdminForm(this, this.lc, "replies", []);
  /** The response being edited, or null for a new one. */
  private editing: Reply | null = null;

  protected read(target: Endpoint): Promise<Data> {
    return request(target, AllCannedResponses, {});
  }

  private t(key: RepliesKey, values?: Record<string, string | number>): string {
    return this.lc.t(repliesMessages, key, values);
  }

  private async act(form: AdminForm, run: (target: Endpoint) => Promise<unknown>): Promise<boolean> {
    const target = this.target;
    if (!target) return false;
    const ok = await form.run(() => run(target));
    if (ok) await this.reload();
    return ok;
  }

  private edit(reply: Reply | null): void {
    this.editing = reply;
    this.form.fields = {};
    this.form.general = [];
    this.form.saved = false;
    // The form's inputs hold what is typed (no value bindings): filled here from the response edited.
    void this.updateComplete.then(() => {
      const form = this.renderRoot.querySelector<HTMLFormElement>("form[data-reply]");
      if (!form) return;
      form.reset();
      const values: Record<string, string> = { title: reply?.title ?? "", body: reply?.body ?? "", language: reply?.language ?? "", groupId: reply?.groupId ?? "" };
      for (const [name, value] of Object.entries(values)) {
        const el = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
        if (el) el.value = value;
      }
      form.querySelector<HTMLInputElement>("input")?.focus();
    });
  }

  private handleSave(event: SubmitEvent): void {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const f = new FormData(formElement);
    const input = toCannedInput(this.editing?.id ?? null, (name) => String(f.get(name) ?? ""));
    void this.act(this.form, (t) => request(t, SaveCannedResponse, { input })).then((ok) => {
      if (!ok) return;
      this.editing = null;
      formElement.reset();
    });
  }

  private groupName(id: string | null): string {
    if (!id) return this.t("wholeSite");
    return this.t("groupOf", { name: this.data?.deskDirectory.groups.find((g) => g.id === id)?.name ?? id });
  }

  private renderReply(r: Reply): TemplateResult {
    return html`<li>
      <div class="entry">
        <span><strong>${r.title}</strong> — ${r.language ? this.t(`lang.${r.language}` as RepliesKey) : this.t("anyLanguage")} · ${this.groupName(r.groupId)}</span>
        <span class="actions">
          <button type="button" class="secondary" aria-label=${this.t("editOf", { title: r.title })} @click=${() => this.edit(r)}>${this.t("edit")}</button>
          <button type="button" class="secondary" aria-label=${this.t("removeOf", { title: r.title })} ?disabled=${this.listForm.busy}
            @click=${() => this.act(this.listForm, (t) => request(t, DeleteCannedResponse, { id: r.id }))}>${this.t("remove")}</button>
        </span>
      </div>
      <p class="muted">${r.body}<br />${this.t("updated", { at: this.lc.dateTime(r.updatedAt), name: r.updatedBy })}</p>
    </li>`;
  }

  private renderForm(data: Data): TemplateResult {
    const form = this.form;
    const r = this.editing;
    return html`<form data-reply @submit=${this.handleSave} aria-busy=${form.busy ? "true" : "false"} novalidate>
        <fieldset>
          <legend>${r ? this.t("editOf", { title: r.title }) : this.t("add")}</legend>
          ${renderField(form, "title", this.t("titleLabel"), (d) => html`<input id=${d.id} name="title" type="text" aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`)}
          ${renderField(
            form,
            "body",
            this.t("body"),
            (d) => html`<textarea id=${d.id} name="body" rows="5" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}></textarea>`,
            this.t("placeholders", { list: placeholderHelp(data.cannedPlaceholders) }),
          )}
          ${renderField(form, "language", this.t("language"), selectControl("language", [["", this.t("anyLanguage")], ...LANGS.map((l) => [l, this.t(`lang.${l}`)] as const)]))}
          ${renderField(form, "groupId", this.t("group"), selectControl("groupId", [["", this.t("wholeSite")], ...data.deskDirectory.groups.map((g) => [g.id, g.name] as const)]))}
        </fieldset>
        ${form.outcome(this.t("saved"))}
        <div class="actions">
          ${r ? html`<button type="button" class="secondary" @click=${() => this.edit(null)}>${this.t("cancel")}</button>` : nothing}
          <button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : r ? this.t("save") : this.t("create")}</button>
        </div>
      </form>`;
  }

  override render(): TemplateResult {
    const data = this.data;
    if (!data) return this.waiting(this.t("loading"), this.t("retry"));
    const replies = data.allCannedResponses;
    return html`<h3>${this.t("title")}</h3>
      <p class="muted">${this.t("intro")}</p>
      ${this.listForm.outcome("")}
      ${replies.length ? html`<ul class="entries">${replies.map((r) => this.renderReply(r))}</ul>` : html`<p class="muted">${this.t("none")}</p>`}
      ${this.renderForm(data)}`;
  }
}
