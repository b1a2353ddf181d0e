import { html, nothing, type TemplateResult } from "lit";
import type { CatalogAdminQuery, CatalogKind, LocalizedNameInput, TicketType } from "../../client/generated.js";
import { CatalogAdmin, ReorderCatalog, SaveCategory, SaveGroup, SaveService, SetCatalogItemRetired } from "../../client/admin-catalog.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController, type Lang } from "../../shared/locale.js";
import { AdminForm, renderField, type FieldIds } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { TICKET_TYPES, typeWords } from "../choices.js";
import { catalogMessages, indonesian, type CatalogKey } from "./catalog.messages.js";

type Catalog = CatalogAdminQuery["catalogAdmin"];
type Named = Catalog["services"][number] | Catalog["categories"][number];
type Entry = Named | Catalog["groups"][number];
/** The catalogue's languages, in the order the forms show them. */
const LANGS: readonly Lang[] = ["id", "en"];
const NAME_FIELDS = LANGS.flatMap((l) => [`names.${l}.name`, `names.${l}.help`]);

/**
 * The Catalogue section of `<sigap-desk-admin>` (`catalogAdmin` and its mutations): services and
 * the category tree with names and help in each language, reordered and retired, each service with the
 * type of ticket it opens (incident, service request, work order); support groups
 * with their line. Old tickets keep a retired entry's name; what may be retired is the gateway's call.
 *
 * @summary Services, categories and groups (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-catalog
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 */
export class SigapAdminCatalog extends AdminSection<Catalog> {
  static override properties = { ...AdminSection.properties, editing: { state: true, attribute: false } };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly itemForm = new AdminForm(this, this.lc, "item", [...NAME_FIELDS, "names", "parentId", "name", "level", "ticketType"]);
  private readonly listForm = new AdminForm(this, this.lc, "catalog", []);
  /** The open form: `SERVICE:<id>`, `CATEGORY:new` and so on. */
  private editing = "";

  protected read(target: Endpoint): Promise<Catalog> {
    return request(target, CatalogAdmin, {}).then((d) => d.catalogAdmin);
  }

  private t(key: CatalogKey, values?: Record<string, string | number>): string {
    return this.lc.t(catalogMessages, key, values);
  }

  /** An entry's name in the reader's language, else the other. */
  private label(e: Entry): string {
    if ("name" in e) return e.name;
    const lang = this.lc.lang;
    return (e.names.find((n) => n.language === lang) ?? e.names[0])?.name ?? "";
  }

  private async act(form: AdminForm, run: (target: Endpoint) => Promise<unknown>): Promise<boolean> {
    const target = this.target;
    if (!target) return false;
    const ok = await form.run(() => run(target));
    if (ok) await this.reload();
    return ok;
  }

  private handleSave(event: SubmitEvent, kind: CatalogKind, entry: Entry | null): void {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const id = entry?.id ?? null;
    // Only the languages given are sent; the gateway numbers them (names[0]), the form names them by language.
    const names: LocalizedNameInput[] = LANGS.filter((l) => text(`name.${l}`) || text(`help.${l}`)).map((l) => ({ language: l, name: text(`name.${l}`), help: text(`help.${l}`) || null }));
    this.itemForm.alias = (field) => field.replace(/^names\[(\d+)\]/, (_, i: string) => `names.${names[Number(i)]?.language ?? i}`);
    const done = (ok: boolean) => ok && (this.editing = "");
    const ticketType = text("ticketType") as TicketType;
    if (kind === "SERVICE") void this.act(this.itemForm, (t) => request(t, SaveService, { input: { id, names, ticketType } })).then(done);
    else if (kind === "CATEGORY") void this.act(this.itemForm, (t) => request(t, SaveCategory, { input: { id, parentId: text("parentId") || null, names } })).then(done);
    else void this.act(this.itemForm, (t) => request(t, SaveGroup, { input: { id, name: text("name"), level: Number(text("level")) } })).then(done);
  }

  private move(kind: CatalogKind, siblings: readonly Named[], at: number, by: -1 | 1): void {
    const ids = siblings.map((s) => s.id);
    [ids[at], ids[at + by]] = [ids[at + by]!, ids[at]!];
    void this.act(this.listForm, (t) => request(t, ReorderCatalog, { kind, ids }));
  }

  private renderType(now: TicketType): TemplateResult {
    return renderField(this.itemForm, "ticketType", this.t("ticketType"), (d) => html`<select id=${d.id} name="ticketType" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
        ${TICKET_TYPES.map((type) => html`<option value=${type} ?selected=${type === now}>${this.lc.t(typeWords, type)}</option>`)}</select>`, this.t("ticketTypeHint"));
  }

  private renderForm(kind: CatalogKind, entry: Entry | null, c: Catalog): TemplateResult {
    const form = this.itemForm;
    const input = (name: string, value: string) => (d: FieldIds) => html`<input id=${d.id} name=${name} .value=${value} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`;
    let fields: TemplateResult;
    if (kind === "GROUP") {
      const g = entry && "name" in entry ? entry : null;
      fields = html`${renderField(form, "name", this.t("name"), input("name", g?.name ?? ""))}
        ${renderField(form, "level", this.t("level"), (d) => html`<input id=${d.id} name="level" type="number" step="1" required .value=${String(g?.level ?? 1)}
          aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`, this.t("levelHint"))}`;
    } else {
      const named = entry && "names" in entry ? entry : null;
      const of = (l: Lang) => named?.names.find((n) => n.language === l);
      const parentId = named && "parentId" in named ? named.parentId : null;
      const parents = c.categories.filter((p) => !p.parentId && p.id !== entry?.id);
      fields = html`${LANGS.map(
        (l) => html`${renderField(form, `names.${l}.name`, this.t(`name.${l}`), input(`name.${l}`, of(l)?.name ?? ""))}
          ${renderField(form, `names.${l}.help`, this.t(`help.${l}`), (d) => html`<textarea id=${d.id} name="help.${l}" rows="2" .value=${of(l)?.help ?? ""}
            aria-invalid=${d.invalid} aria-describedby=${d.describedBy}></textarea>`)}`,
      )}
        <p class="hint wide">${this.t("namesHint")}</p>${form.error("names")}
        ${kind === "CATEGORY"
          ? renderField(form, "parentId", this.t("parent"), (d) => html`<select id=${d.id} name="parentId" aria-invalid=${d.invalid} aria-describedby=${d.describedBy}>
              <option value="" ?selected=${!parentId}>${this.t("topLevel")}</option>
              ${parents.map((p) => html`<option value=${p.id} ?selected=${p.id === parentId}>${this.label(p)}</option>`)}</select>`)
          : nothing}
        ${kind === "SERVICE" ? this.renderType(named && "ticketType" in named ? named.ticketType : "INCIDENT") : nothing}`;
    }
    const legend = entry ? this.t("editOf", { name: this.label(entry) }) : this.t(kind === "SERVICE" ? "addService" : kind === "CATEGORY" ? "addCategory" : "addGroup");
    return html`<form @submit=${(e: SubmitEvent) => this.handleSave(e, kind, entry)} aria-busy=${form.busy ? "true" : "false"} novalidate>
      <fieldset><legend>${legend}</legend>${fields}</fieldset>
      ${form.outcome(this.t("saved"))}
      <div class="actions">
        <button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("save")}</button>
        <button type="button" class="secondary" @click=${() => (this.editing = "")}>${this.t("cancel")}</button>
      </div>
    </form>`;
  }

  private renderEntry(kind: CatalogKind, e: Entry, c: Catalog, siblings: readonly Named[] | null, at: number): TemplateResult {
    const name = this.label(e);
    const key = `${kind}:${e.id}`;
    const sub = "parentId" in e && e.parentId;
    const facts = ["ticketType" in e && kind === "SERVICE" ? this.lc.t(typeWords, e.ticketType) : "", e.retired ? this.t("retired") : "", e.openTickets ? this.t("inUse", { n: e.openTickets }) : "", "activeAgents" in e && e.activeAgents ? this.t("agents", { n: e.activeAgents }) : ""].filter(Boolean);
    const button = (label: string, aria: string, run: () => void, disabled = false) =>
      html`<button type="button" class="secondary" aria-label=${aria} ?disabled=${disabled || this.listForm.busy} @click=${run}>${label}</button>`;
    return html`<li class=${sub ? "sub" : ""}>
      <div class="entry">
        <span class=${e.retired ? "muted" : ""}>${"level" in e ? html`L${e.level} ` : nothing}${name}</span>
        <span class="muted">${facts.join(" · ")}</span>
        <span class="actions">
          ${siblings ? button(this.t("up"), this.t("upOf", { name }), () => this.move(kind, siblings, at, -1), at === 0) : nothing}
          ${siblings ? button(this.t("down"), this.t("downOf", { name }), () => this.move(kind, siblings, at, 1), at === siblings.length - 1) : nothing}
          ${button(this.t("edit"), this.t("editOf", { name }), () => (this.editing = this.editing === key ? "" : key))}
          ${e.retired
            ? button(this.t("restore"), this.t("restoreOf", { name }), () => this.act(this.listForm, (t) => request(t, SetCatalogItemRetired, { kind, id: e.id, retired: false })))
            : button(this.t("retire"), this.t("retireOf", { name }), () => this.act(this.listForm, (t) => request(t, SetCatalogItemRetired, { kind, id: e.id, retired: true })))}
        </span>
      </div>
      ${this.editing === key ? this.renderForm(kind, e, c) : nothing}
    </li>`;
  }

  private renderList(kind: CatalogKind, title: CatalogKey, entries: readonly Entry[], c: Catalog, siblingsOf: ((e: Entry) => readonly Named[]) | null): TemplateResult {
    const addKey = `${kind}:new`;
    return html`<section aria-labelledby="${kind}-title">
      <h3 id="${kind}-title">${this.t(title)}</h3>
      <ul class="entries">${entries.map((e) => {
        const siblings = siblingsOf?.(e) ?? null;
        return this.renderEntry(kind, e, c, siblings, siblings ? siblings.findIndex((s) => s.id === e.id) : 0);
      })}</ul>
      ${this.editing === addKey
        ? this.renderForm(kind, null, c)
        : html`<button type="button" class="secondary" @click=${() => (this.editing = addKey)}>${this.t(kind === "SERVICE" ? "addService" : kind === "CATEGORY" ? "addCategory" : "addGroup")}</button>`}
    </section>`;
  }

  override render(): TemplateResult {
    const c = this.data;
    if (!c) return this.waiting(this.t("loading"), this.t("retry"));
    const categorySiblings = (e: Entry) => c.categories.filter((x) => x.parentId === ("parentId" in e ? e.parentId : null));
    return html`${this.listForm.outcome("")}
      ${this.renderList("SERVICE", "services", c.services, c, () => c.services)}
      ${this.renderList("CATEGORY", "categories", c.categories, c, categorySiblings)}
      ${this.renderList("GROUP", "groups", c.groups, c, null)}`;
  }
}
