import { html, nothing, type TemplateResult } from "lit";
import type { AdminWebhookFieldsFragment, WebhookEventType } from "../../client/generated.js";
import { CreateWebhookEndpoint, DeleteWebhookEndpoint, RotateWebhookSecret, UpdateWebhookEndpoint, WebhookEndpoints } from "../../client/admin-webhook.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { LocaleController } from "../../shared/locale.js";
import { AdminForm, renderField, type FieldIds } from "../admin-form.js";
import { AdminSection } from "../admin-section.js";
import { WEBHOOK_EVENTS } from "../choices.js";
import { indonesian, webhooksMessages, type WebhooksKey } from "./webhooks.messages.js";

type Hook = AdminWebhookFieldsFragment;

/**
 * The Webhooks section of `<sigap-desk-admin>` (`webhookEndpoints` and its mutations): endpoints
 * with their events, enabled or why not, a new signing secret with overlap, deletion, and a new
 * endpoint. A secret is shown once, right after it is made.
 *
 * @summary Webhook endpoints (a part `<sigap-desk-admin>` loads on demand).
 * @tagname sigap-admin-webhooks
 *
 * @csspart field-error - The gateway's refusal beside the field it names.
 * @csspart form-error - A refusal that names no field shown.
 */
export class SigapAdminWebhooks extends AdminSection<Hook[]> {
  static override properties = { ...AdminSection.properties, secret: { state: true, attribute: false } };

  protected readonly lc = new LocaleController(this, indonesian);
  private readonly listForm = new AdminForm(this, this.lc, "hooks", []);
  private readonly form = new AdminForm(this, this.lc, "hook", ["url", "description", "eventTypes"]);
  /** The secret just made, with its endpoint's URL: shown once. */
  private secret: { url: string; secret: string } | null = null;

  protected read(target: Endpoint): Promise<Hook[]> {
    return request(target, WebhookEndpoints, {}).then((d) => d.webhookEndpoints);
  }

  private t(key: WebhooksKey, values?: Record<string, string | number>): string {
    return this.lc.t(webhooksMessages, key, values);
  }

  private async act(form: AdminForm, run: (target: Endpoint) => Promise<unknown>): Promise<boolean> {
    const target = this.target;
    if (!target) return false;
    const ok = await form.run(() => run(target));
    if (ok) await this.reload();
    return ok;
  }

  private handleCreate(event: SubmitEvent): void {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const f = new FormData(formElement);
    const input = { url: String(f.get("url") ?? "").trim(), description: String(f.get("description") ?? "").trim() || null, eventTypes: WEBHOOK_EVENTS.filter((e) => f.has(`event-${e}`)) };
    void this.act(this.form, async (t) => {
      const made = (await request(t, CreateWebhookEndpoint, { input })).createWebhookEndpoint;
      this.secret = { url: made.endpoint.url, secret: made.secret };
    }).then((ok) => ok && formElement.reset());
  }

  private renderHook(h: Hook): TemplateResult {
    const button = (label: WebhooksKey, aria: WebhooksKey, run: (t: Endpoint) => Promise<unknown>) =>
      html`<button type="button" class="secondary" aria-label=${this.t(aria, { url: h.url })} ?disabled=${this.listForm.busy} @click=${() => this.act(this.listForm, run)}>${this.t(label)}</button>`;
    const state = [
      h.enabled ? this.t("enabled") : this.t("disabled", { reason: h.disabledReason ?? "" }),
      h.failingSince ? this.t("failing", { at: this.lc.dateTime(h.failingSince) }) : "",
      h.previousSecretExpiresAt ? this.t("previousSecret", { at: this.lc.dateTime(h.previousSecretExpiresAt) }) : "",
    ].filter(Boolean);
    return html`<li>
      <div class="entry">
        <span><code>${h.url}</code>${h.description ? html` — ${h.description}` : nothing}</span>
        <span class="actions">
          ${h.enabled
            ? button("disable", "disableOf", (t) => request(t, UpdateWebhookEndpoint, { id: h.id, input: { enabled: false } }))
            : button("enable", "enableOf", (t) => request(t, UpdateWebhookEndpoint, { id: h.id, input: { enabled: true } }))}
          ${button("rotate", "rotateOf", async (t) => {
            const made = (await request(t, RotateWebhookSecret, { id: h.id })).rotateWebhookSecret;
            this.secret = { url: made.endpoint.url, secret: made.secret };
          })}
          ${button("remove", "removeOf", (t) => request(t, DeleteWebhookEndpoint, { id: h.id }))}
        </span>
      </div>
      <p class="muted">${state.join(" · ")}<br />${h.eventTypes.map((e) => this.t(`e.${e}` as WebhooksKey)).join(", ")}</p>
    </li>`;
  }

  private renderCreate(): TemplateResult {
    const form = this.form;
    const input = (name: string, type: string) => (d: FieldIds) => html`<input id=${d.id} name=${name} type=${type} aria-invalid=${d.invalid} aria-describedby=${d.describedBy} />`;
    const events = form.describe("eventTypes");
    return html`<form @submit=${this.handleCreate} aria-busy=${form.busy ? "true" : "false"} novalidate>
      <fieldset>
        <legend>${this.t("add")}</legend>
        ${renderField(form, "url", this.t("url"), input("url", "url"))}
        ${renderField(form, "description", this.t("description"), input("description", "text"))}
        <fieldset class="plain wide" aria-invalid=${events.invalid} aria-describedby=${events.describedBy}>
          <legend>${this.t("events")}</legend>
          ${WEBHOOK_EVENTS.map((e: WebhookEventType) => html`<label class="check"><input type="checkbox" name="event-${e}" />${this.t(`e.${e}` as WebhooksKey)}</label>`)}
          ${form.error("eventTypes")}
        </fieldset>
      </fieldset>
      ${form.outcome(this.t("saved"))}
      <div class="actions"><button type="submit" ?disabled=${form.busy}>${form.busy ? this.t("saving") : this.t("create")}</button></div>
    </form>`;
  }

  override render(): TemplateResult {
    const hooks = this.data;
    if (!hooks) return this.waiting(this.t("loading"), this.t("retry"));
    return html`<h3>${this.t("title")}</h3>
      ${this.listForm.outcome("")}
      ${this.secret ? html`<p class="saved" role="status">${this.t("secret", this.secret)}</p>` : nothing}
      ${hooks.length ? html`<ul class="entries">${hooks.map((h) => this.renderHook(h))}</ul>` : html`<p class="muted">${this.t("none")}</p>`}
      ${this.renderCreate()}`;
  }
}
