import { html, nothing, type TemplateResult } from "lit";
import { ArticleVersions, ChangeArticleStatus, KnowledgeArticles, SaveArticle } from "../../client/admin-knowledge.operations.js";
import type { ArticleFilter, ArticleStatus, ArticleVersionsQuery, KnowledgeArticlesQuery } from "../../client/generated.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController, type Lang } from "../../shared/locale.js";
import { AdminForm, renderField, selectControl } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { toArticleInput, toArticleSearch } from "./article-draft.js";
import { indonesian, knowledgeMessages, type KnowledgeKey } from "./knowledge.messages.js";

type Data = KnowledgeArticlesQuery;
type Article = Data["deskArticles"][number];
type Version = ArticleVersionsQuery["article"]["versions"][number];
const LANGS: readonly Lang[] = ["id", "en"];
const STATUSES: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED"];
const FIELDS = ["title", "body", "language", "serviceId", "categoryId", "visibility"];

/**
 * The Knowledge section of `<sigap-desk-admin>` (WRITE_ARTICLES: every desk role): the site's
 * articles, filtered by status, language and text with their reporters' counts; an article's
 * editor (each save a new version) with its versions and the tickets it was used on; and the moves along the review path. The
 * move buttons are the article's `nextStatuses` and the editor is open as its `editable` says:
 * every rule is the gateway's, every refusal shown beside the field it names.
 *
 * @summary Knowledge-base articles (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-knowledge
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 * @csspart used-on - The codes of the tickets the open article was used on.
 */
export class SigapAdminKnowledge extends AdminSection<Data> {
  static override properties = {
    ...AdminSection.properties,
    editing: { state: true, attribute: false },
    versions: { state: true, attribute: false },
    usedOn: { state: true, attribute: false },
  };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly form = new AdminForm(this, this.lc, "article", FIELDS);
  private readonly moveForm = new AdminForm(this, this.lc, "article-status", []);
  /** The article open in the editor, "new" for one being written, null when the editor is closed. */
  private editing: Article | "new" | null = null;
  /** The open article's versions, newest first. */
  private versions: Version[] = [];
  /** The codes of the tickets the open article was used on, oldest first; null until read. */
  private usedOn: string[] | null = null;
  /** The list's filters as last applied. */
  private search: { filter: ArticleFilter | null; status: ArticleStatus | null } = { filter: null, status: null };

  protected read(target: Endpoint): Promise<Data> {
    return request(target, KnowledgeArticles, this.search);
  }

  private t(key: KnowledgeKey, values?: Record<string, string | number>): string {
    return this.lc.t(knowledgeMessages, key, values);
  }

  private handleFilter(event: Event): void {
    event.preventDefault();
    const f = new FormData(event.currentTarget as HTMLFormElement);
    this.search = toArticleSearch((name) => String(f.get(name) ?? ""));
    void this.reload();
  }

  /** Opens the editor on an article (or a new one), filled from it, with its versions. */
  private edit(article: Article | "new"): void {
    this.editing = article;
    this.versions = [];
    this.usedOn = null;
    for (const form of [this.form, this.moveForm]) {
      form.fields = {};
      form.general = [];
      form.saved = false;
    }
    const a = article === "new" ? null : article;
    if (a) void this.readVersions(a.id);
    // The form's inputs hold what is typed (no value bindings): filled here from the article opened.
    void this.updateComplete.then(() => {
      const form = this.renderRoot.querySelector<HTMLFormElement>("form[data-article]");
      if (!form) return;
      form.reset();
      const values: Record<string, string> = {
        title: a?.title ?? "",
        body: a?.body ?? "",
        language: a?.language ?? this.lc.lang,
        serviceId: a?.serviceId ?? "",
        categoryId: a?.categoryId ?? "",
        visibility: a?.visibility ?? "PUBLIC",
      };
      for (const [name, value] of Object.entries(values)) {
        const el = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
        if (el) el.value = value;
      }
      form.querySelector<HTMLInputElement>("input")?.focus();
    });
  }

  private async readVersions(id: string): Promise<void> {
    const target = this.target;
    if (!target) return;
    try {
      const { article } = await request(target, ArticleVersions, { id });
      if (this.editing !== "new" && this.editing?.id === id) {
        this.versions = article.versions;
        this.usedOn = article.ticketCodes;
      }
    } catch (error) {
      this.moveForm.fail(error);
    }
  }

  /** Runs a change of the open article; the gateway's answer becomes the open article, and the list and versions are read again. */
  private async change(form: AdminForm, call: (target: Endpoint) => Promise<Article>): Promise<void> {
    const target = this.target;
    if (!target) return;
    const answer: { article?: Article } = {};
    const ok = await form.run(async () => (answer.article = await call(target)));
    if (!ok || !answer.article) return;
    this.editing = answer.article;
    await Promise.all([this.reload(), this.readVersions(answer.article.id)]);
  }

  private handleSave(event: SubmitEvent): void {
    event.preventDefault();
    const f = new FormData(event.currentTarget as HTMLFormElement);
    const id = this.editing && this.editing !== "new" ? this.editing.id : null;
    const input = toArticleInput(id, (name) => String(f.get(name) ?? ""));
    void this.change(this.form, async (t) => (await request(t, SaveArticle, { input })).saveArticle);
  }

  private move(article: Article, status: ArticleStatus): void {
    this.form.saved = false;
    void this.change(this.moveForm, async (t) => (await request(t, ChangeArticleStatus, { id: article.id, status })).changeArticleStatus);
  }

  private status(status: ArticleStatus): string {
    return this.t(`status.${status}`);
  }

  private renderFilters(): TemplateResult {
    const s = this.search;
    return html`<form class="actions" role="search" aria-label=${this.t("filters")} @submit=${this.handleFilter}>
      <div class="field">
        <label for="kb-status">${this.t("status")}</label>
        <select id="kb-status" name="status">
          <option value="">${this.t("anyStatus")}</option>
          ${STATUSES.map((st) => html`<option value=${st} ?selected=${s.status === st}>${this.status(st)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="kb-language">${this.t("language")}</label>
        <select id="kb-language" name="language">
          <option value="">${this.t("anyLanguage")}</option>
          ${LANGS.map((l) => html`<option value=${l} ?selected=${s.filter?.language === l}>${this.t(`lang.${l}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="kb-query">${this.t("search")}</label>
        <input id="kb-query" name="query" type="search" .value=${s.filter?.query ?? ""} />
      </div>
      <button type="submit">${this.t("find")}</button>
    </form>`;
  }

  private renderArticle(a: Article): TemplateResult {
    return html`<li>
      <div class="entry">
        <span><strong>${a.title}</strong> — ${this.status(a.status)} · ${this.t(`lang.${a.language}` as KnowledgeKey)} · ${this.t(`visibility.${a.visibility}`)}</span>
        <span class="actions">
          <button type="button" class="secondary" aria-label=${this.t("editOf", { title: a.title })} @click=${() => this.edit(a)}>${this.t("edit")}</button>
        </span>
      </div>
      <p class="muted">
        ${this.t("counts", { yes: a.helpfulYes, no: a.helpfulNo, deflections: a.deflections })}<br />
        ${this.t("updated", { version: a.version, at: this.lc.dateTime(a.updatedAt), name: a.updatedBy })}
      </p>
    </li>`;
  }

  private renderEditor(data: Data, open: Article | "new"): TemplateResult {
    const form = this.form;
    const a = open === "new" ? null : open;
    const locked = !!a && !a.editable;
    const none = ["", this.t("noneChosen")] as const;
    return html`<form data-article @submit=${this.handleSave} aria-busy=${form.busy ? "true" : "false"} novalidate>
        ${a ? html`<p class="muted">${this.status(a.status)} · ${this.t("summary", { summary: a.summary })}</p>` : nothing}
        <fieldset ?disabled=${locked}>
          <legend>${a ? this.t("editOf", { title: a.title }) : this.t("new")}</legend>
          ${renderField(form, "title", this.t("titleLabel"), (d) => html`<input id=${d.id} name="title" type="text" aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`)}
          ${renderField(
            form,
            "body",
            this.t("body"),
            (d) => html`<textarea id=${d.id} name="body" rows="8" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}></textarea>`,
            this.t("bodyHint"),
          )}
          ${renderField(form, "language", this.t("language"), selectControl("language", LANGS.map((l) => [l, this.t(`lang.${l}`)] as const)))}
          ${renderField(form, "serviceId", this.t("service"), selectControl("serviceId", [none, ...data.deskDirectory.services.map((s) => [s.id, s.name] as const)]))}
          ${renderField(form, "categoryId", this.t("category"), selectControl("categoryId", [none, ...data.deskDirectory.categories.map((c) => [c.id, c.name] as const)]))}
          ${renderField(form, "visibility", this.t("visibility"), selectControl("visibility", (["PUBLIC", "INTERNAL"] as const).map((v) => [v, this.t(`visibility.${v}`)] as const)))}
        </fieldset>
        ${locked ? html`<p class="muted">${this.t("locked")}</p>` : nothing}
        ${form.outcome(this.t("saved"))}
        <div class="actions">
          <button type="button" class="secondary" @click=${() => (this.editing = null)}>${this.t("cancel")}</button>
          <button type="submit" ?disabled=${form.busy || locked}>${form.busy ? this.t("saving") : a ? this.t("save") : this.t("create")}</button>
        </div>
      </form>
      ${a ? this.renderMoves(a) : nothing}`;
  }

  /** The moves the gateway offers (`nextStatuses`), the outcome of the last one, and the versions. */
  private renderMoves(a: Article): TemplateResult {
    const form = this.moveForm;
    return html`${a.nextStatuses.length
        ? html`<div class="actions" role="group" aria-label=${this.t("moves")}>
            ${a.nextStatuses.map((to) => html`<button type="button" class=${to === "DRAFT" ? "secondary" : ""} ?disabled=${form.busy} @click=${() => this.move(a, to)}>${this.t(`to.${to}`)}</button>`)}
          </div>`
        : nothing}
      ${form.outcome(this.t("moved", { status: this.status(a.status) }))}
      <h4>${this.t("versions")}</h4>
      <ol class="entries">
        ${this.versions.map(
          (v) => html`<li>${this.t("versionLine", { version: v.version, status: this.status(v.status), at: this.lc.dateTime(v.savedAt), name: v.savedBy })}</li>`,
        )}
      </ol>
      ${this.usedOn ? html`<h4>${this.t("usedOn")}</h4><p part="used-on" class=${this.usedOn.length ? "" : "muted"}>${this.usedOn.length ? this.usedOn.join(", ") : this.t("usedOnNone")}</p>` : nothing}`;
  }

  override render(): TemplateResult {
    const data = this.data;
    if (!data) return this.waiting(this.t("loading"), this.t("retry"));
    const articles = data.deskArticles;
    const open = this.editing;
    return html`<h3>${this.t("title")}</h3>
      <p class="muted">${this.t("intro")}</p>
      ${this.renderFilters()}
      ${articles.length ? html`<ul class="entries">${articles.map((a) => this.renderArticle(a))}</ul>` : html`<p class="muted" role="status">${this.t("none")}</p>`}
      ${open ? this.renderEditor(data, open) : html`<div class="actions"><button type="button" @click=${() => this.edit("new")}>${this.t("add")}</button></div>`}`;
  }
}
