import { html, nothing, type TemplateResult } from "lit";
import type { AdminAccessFieldsFragment, RateLimitOverrideInput, UpdateSiteAccessInput } from "../../client/generated.js";
import { RotateSiteKey, SiteAccess, UpdateSiteAccess } from "../../client/admin-people.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm, lines, renderField, type FieldIds } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { accessMessages, indonesian, type AccessKey } from "./access.messages.js";

type Access = AdminAccessFieldsFragment;
const FIELDS = ["allowedOrigins", "maxUploadBytes", "maxAttachmentsPerTicket", "allowedUploadTypes", "rateLimits", "reporterJwtSecret", "reporterJwksUrl"];

/**
 * The Access section of `<sigap-desk-admin>` (`siteAccess`, `rotateSiteKey`, `updateSiteAccess`):
 * the site key and its rotation with overlap, allowed origins, upload limits, rate-limit overrides
 * (each beside the deployment's value and the range the gateway gives) and the reporter identity keys.
 *
 * @summary Site key, origins, limits and reporter identity (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-access
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 */
export class SigapAdminAccess extends AdminSection<Access> {
  protected readonly lc = new LocaleController(this, indonesian);
  private readonly keyForm = new AdminForm(this, this.lc, "key", ["overlapHours"]);
  private readonly form = new AdminForm(this, this.lc, "access", FIELDS);

  protected read(target: Endpoint): Promise<Access> {
    return request(target, SiteAccess, {}).then((d) => d.siteAccess);
  }

  private t(key: AccessKey, values?: Record<string, string | number>): string {
    return this.lc.t(accessMessages, key, values);
  }

  private handleRotate(event: SubmitEvent): void {
    event.preventDefault();
    const target = this.target;
    if (!target) return;
    const overlapHours = Number(new FormData(event.target as HTMLFormElement).get("overlapHours"));
    void this.keyForm.run(async () => (this.data = (await request(target, RotateSiteKey, { overlapHours })).rotateSiteKey));
  }

  /** The settings the form shows that differ from the ones read; the secret only when one is typed. */
  private changes(form: HTMLFormElement, was: Access): UpdateSiteAccessInput {
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const input: UpdateSiteAccessInput = {};
    const origins = lines(String(f.get("allowedOrigins") ?? ""));
    if (origins.join() !== was.allowedOrigins.join()) input.allowedOrigins = origins;
    for (const k of ["maxUploadBytes", "maxAttachmentsPerTicket"] as const) if (Number(text(k)) !== was[k]) input[k] = Number(text(k));
    const types = was.uploadTypeChoices.filter((c) => f.has(`type-${c}`));
    if (types.join() !== was.allowedUploadTypes.join()) input.allowedUploadTypes = types;
    const rates: RateLimitOverrideInput[] = was.rateLimits.flatMap((r) => {
      const [points, seconds] = [text(`${r.key}.points`), text(`${r.key}.seconds`)];
      if (!seconds && !points) return [];
      return [{ key: r.key, seconds: Number(seconds), ...(r.minPoints === null ? {} : { points: Number(points) }) }];
    });
    const wasRates = was.rateLimits.flatMap((r) => (r.override ? [{ key: r.key, seconds: r.override.seconds, ...(r.override.points === null ? {} : { points: r.override.points }) }] : []));
    if (JSON.stringify(rates) !== JSON.stringify(wasRates)) input.rateLimits = rates;
    if (text("reporterJwtSecret")) input.reporterJwtSecret = text("reporterJwtSecret");
    if (text("reporterJwksUrl") !== (was.reporterJwksUrl ?? "")) input.reporterJwksUrl = text("reporterJwksUrl") || null;
    return input;
  }

  private save(input: UpdateSiteAccessInput, form?: HTMLFormElement): void {
    const target = this.target;
    if (!target) return;
    void this.form.run(async () => (this.data = (await request(target, UpdateSiteAccess, { input })).updateSiteAccess)).then((ok) => {
      const secret = form?.querySelector<HTMLInputElement>('[name="reporterJwtSecret"]');
      if (ok && secret) secret.value = "";
    });
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (this.data) this.save(this.changes(form, this.data), form);
  }

  private renderKey(a: Access): TemplateResult {
    const form = this.keyForm;
    return html`<form @submit=${this.handleRotate} aria-busy=${form.busy ? "true" : "false"} aria-labelledby="key-title" novalidate>
      <h3 id="key-title">${this.t("key")}</h3>
      <p>${this.t("keyNow")}: <code>${a.siteKey}</code></p>
      ${a.previousSiteKey ? html`<p class="hint">${this.t("previousKey", { key: a.previousSiteKey, until: this.lc.dateTime(a.previousKeyValidUntil) })}</p>` : nothing}
      <fieldset>
        <legend>${this.t("rotate")}</legend>
        ${renderField(form, "overlapHours", this.t("overlapHours"), (d) => html`<input id=${d.id} name="overlapHours" type="number" step="1" required value="24" aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`)}
      </fieldset>
      ${form.outcome(this.t("rotated"))}
      <div class="actions"><button type="submit" ?disabled=${form.busy}>${this.t("rotate")}</button></div>
    </form>`;
  }

  private renderRates(a: Access): TemplateResult {
    const d = this.form.describe("rateLimits", true);
    const cell = (key: string, which: "points" | "seconds", value: number | null | undefined, fallback: number | null, min: number | null, max: number | null) =>
      min === null
        ? html`<td>—</td>`
        : html`<td><label class="visually-hidden" for="rate-${key}-${which}">${this.t(which === "points" ? "pointsOf" : "secondsOf", { key })}</label>
            <input id="rate-${key}-${which}" name="${key}.${which}" type="number" step="1" min=${min} max=${max ?? nothing} placeholder=${String(fallback ?? "")} .value=${value == null ? "" : String(value)}
              aria-describedby=${d.describedBy} aria-invalid=${d.invalid} /></td>`;
    return html`<fieldset class="wide block" aria-describedby=${d.describedBy} aria-invalid=${d.invalid}>
      <legend>${this.t("rateLimits")}</legend>
      <p class="hint" id=${this.form.hintId("rateLimits")}>${this.t("rateHint")}</p>
      <div class="scroll"><table>
        <thead><tr><th scope="col">${this.t("setting")}</th><th scope="col">${this.t("points")}</th><th scope="col">${this.t("seconds")}</th></tr></thead>
        <tbody>${a.rateLimits.map(
          (r) => html`<tr><th scope="row"><code>${r.key}</code></th>
            ${cell(r.key, "points", r.override?.points, r.default.points ?? null, r.minPoints ?? null, r.maxPoints ?? null)}
            ${cell(r.key, "seconds", r.override?.seconds, r.default.seconds, r.minSeconds, r.maxSeconds)}</tr>`,
        )}</tbody>
      </table></div>
      ${this.form.error("rateLimits")}
    </fieldset>`;
  }

  private renderSettings(a: Access): TemplateResult {
    const form = this.form;
    const number = (field: "maxUploadBytes" | "maxAttachmentsPerTicket") => (d: FieldIds) =>
      html`<input id=${d.id} name=${field} type="number" step="1" required .value=${String(a[field])} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`;
    const types = form.describe("allowedUploadTypes");
    return html`<form @submit=${this.handleSubmit} aria-busy=${form.busy ? "true" : "false"} novalidate>
      <fieldset>
        <legend>${this.t("origins")}</legend>
        <div class="wide">${renderField(form, "allowedOrigins", this.t("origins"), (d) => html`<textarea id=${d.id} name="allowedOrigins" rows="4" .value=${a.allowedOrigins.join("\n")}
          aria-invalid=${d.invalid} aria-describedby=${d.describedBy}></textarea>`, this.t("originsHint"))}</div>
      </fieldset>
      <fieldset>
        <legend>${this.t("uploads")}</legend>
        ${renderField(form, "maxUploadBytes", this.t("maxUploadBytes"), number("maxUploadBytes"), this.t("maxUploadHint", { cap: a.maxUploadBytesCap }))}
        ${renderField(form, "maxAttachmentsPerTicket", this.t("maxAttachmentsPerTicket"), number("maxAttachmentsPerTicket"))}
        <fieldset class="plain wide" aria-invalid=${types.invalid} aria-describedby=${types.describedBy}>
          <legend>${this.t("allowedUploadTypes")}</legend>
          ${a.uploadTypeChoices.map((c) => html`<label class="check"><input type="checkbox" name="type-${c}" ?checked=${a.allowedUploadTypes.includes(c)} />${c}</label>`)}
          ${form.error("allowedUploadTypes")}
        </fieldset>
      </fieldset>
      ${this.renderRates(a)}
      <fieldset>
        <legend>${this.t("identity")}</legend>
        <p class="wide">${a.reporterSecretSet ? this.t("secretSet") : this.t("secretUnset")}</p>
        ${renderField(form, "reporterJwtSecret", this.t("reporterJwtSecret"), (d) => html`<input id=${d.id} name="reporterJwtSecret" type="password" autocomplete="off" aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`, this.t("secretHint"))}
        ${renderField(form, "reporterJwksUrl", this.t("reporterJwksUrl"), (d) => html`<input id=${d.id} name="reporterJwksUrl" type="url" .value=${a.reporterJwksUrl ?? ""} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`, this.t("jwksHint"))}
        ${a.reporterSecretSet ? html`<div><button type="button" class="secondary" @click=${() => this.save({ reporterJwtSecret: null })}>${this.t("removeSecret")}</button></div>` : nothing}
      </fieldset>
      ${form.outcome(this.t("saved"))}
      <div class="actions"><button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("save")}</button></div>
    </form>`;
  }

  override render(): TemplateResult {
    const a = this.data;
    if (!a) return this.waiting(this.t("loading"), this.t("retry"));
    return html`${this.renderKey(a)}${this.renderSettings(a)}`;
  }
}
