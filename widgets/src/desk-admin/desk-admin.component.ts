import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import type { AdminMeQuery, SiteAction } from "../client/generated.js";
import { AdminMe } from "../client/admin.operations.js";
import { request, type Endpoint } from "../client/http.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import { emit } from "../shared/events.js";
import { LocaleController, toLang } from "../shared/locale.js";
import { problemCode, problemText } from "../shared/problem-text.js";
import { themeStyles } from "../shared/theme.styles.js";
import { adminMessages, indonesian, type AdminKey } from "./desk-admin.messages.js";
import { adminStyles } from "./desk-admin.styles.js";

/** A section of the administration, one tab each. */
export type SigapAdminTab = "site" | "sla" | "catalog" | "approvals" | "routing" | "people" | "access" | "webhooks" | "fields" | "replies" | "knowledge" | "audit";

/** Detail of `sigap-admin-change`: the gateway accepted a change made in the named form. */
export interface SigapAdminChangeDetail {
  form: string;
}

// Each section is its own part, fetched when its tab first opens: the shell's first load stays small.
const PARTS: Record<SigapAdminTab, () => Promise<unknown>> = {
  site: () => import("./site/sigap-admin-site.js"),
  sla: () => import("./sla/sigap-admin-sla.js"),
  catalog: () => import("./catalog/sigap-admin-catalog.js"),
  approvals: () => import("./approvals/sigap-admin-approvals.js"),
  routing: () => import("./routing/sigap-admin-routing.js"),
  people: () => import("./people/sigap-admin-people.js"),
  access: () => import("./access/sigap-admin-access.js"),
  webhooks: () => import("./webhooks/sigap-admin-webhooks.js"),
  fields: () => import("./fields/sigap-admin-fields.js"),
  replies: () => import("./replies/sigap-admin-replies.js"),
  knowledge: () => import("./knowledge/sigap-admin-knowledge.js"),
  audit: () => import("./audit/sigap-admin-audit.js"),
};
const TABS = Object.keys(PARTS) as SigapAdminTab[];
// The gateway's action (myDeskActions) each section's queries are authorized by: a role sees the sections its actions open.
const NEEDS: Record<SigapAdminTab, SiteAction> = {
  site: "ADMINISTER",
  sla: "ADMINISTER",
  catalog: "ADMINISTER",
  approvals: "ADMINISTER",
  routing: "ADMINISTER",
  people: "ADMINISTER",
  access: "ADMINISTER",
  webhooks: "MANAGE_WEBHOOKS",
  fields: "ADMINISTER",
  replies: "MANAGE_CANNED_RESPONSES",
  knowledge: "WRITE_ARTICLES",
  audit: "ADMINISTER",
};

type Phase = "loading" | "ready" | "auth" | "failed" | "signin" | "denied";

/**
 * The desk administration for the internal portal: the site's settings, its SLA per ticket type, the catalogue, the
 * approval steps of request items, work-order routing and the rest (down to the audit log),
 * each section a tab whose part loads when first opened. An ADMIN sees every section; a SUPERVISOR or
 * MANAGER only those the gateway's `myDeskActions` open to them (the canned responses, the knowledge base), an AGENT or
 * SPECIALIST the knowledge base. Signed in like `<sigap-agent-queue>`: a
 * `token` from the portal, or with `site-key` alone the same sign-in part the queue uses. Every
 * rule is the gateway's: the forms send what is typed and show each refusal beside the field it names.
 *
 * @summary Administration of a Sigap service desk site for its administrators.
 * @tagname sigap-desk-admin
 *
 * @csspart toolbar - The title bar with the signed-in administrator.
 * @csspart tabs - The list of section tabs.
 * @csspart tab - One section tab.
 * @csspart panel - The open section.
 * @csspart auth - The "session expired" or "not an administrator" state.
 * @csspart error - A failure to start.
 *
 * @cssproperty --sigap-color-bg - Background.
 * @cssproperty --sigap-color-surface - Background of fieldsets.
 * @cssproperty --sigap-color-fg - Text.
 * @cssproperty --sigap-color-muted - Secondary text.
 * @cssproperty --sigap-color-border - Borders.
 * @cssproperty --sigap-color-accent - Buttons, the open tab.
 * @cssproperty --sigap-color-danger - Errors.
 * @cssproperty --sigap-font-family - Font; the host page's by default.
 * @cssproperty --sigap-radius - Corner radius.
 *
 * @fires {CustomEvent<SigapAdminChangeDetail>} sigap-admin-change - The gateway accepted a change.
 * @fires {CustomEvent<{ message: string }>} sigap-auth-error - The token was refused (expired or invalid).
 */
export class SigapDeskAdmin extends LitElement {
  static override styles = [themeStyles, adminStyles];

  static override properties: PropertyDeclarations = {
    phase: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    me: { state: true, attribute: false },
    loaded: { state: true, attribute: false },
    token: {},
    siteKey: { attribute: "site-key" },
    endpoint: {},
    tab: { reflect: true },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private phase: Phase = "loading";
  private problem = "";
  private me: AdminMeQuery["me"] | null = null;
  /** The sections the signed-in role may open (a SUPERVISOR: the canned responses and the knowledge base). */
  private tabs: SigapAdminTab[] = [];
  /** Sections whose part has arrived (or failed to: the value says). */
  private loaded: Partial<Record<SigapAdminTab, "ok" | "failed">> = {};
  /** Whether the token came from the widget's own sign-in (then a refused token asks to sign in again). */
  private ownToken = false;
  private boots = 0;

  /** An administrator's bearer token (a JWT from the internal portal); without it and with `site-key`, the widget signs the administrator in itself. */
  token = "";

  /** The site's public key: lets the widget sign administrators in itself when the page gives no `token`. */
  siteKey = "";

  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";

  /** The open section: `site`, `sla`, `catalog`, `approvals`, `routing`, `people`, `access`, `webhooks`, `fields`, `replies`, `knowledge` or `audit` (the first the role may open when it may not open this one). @default site */
  tab: SigapAdminTab = "site";

  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("token") || changed.has("endpoint")) void this.boot();
    if (changed.has("tab")) this.open(this.tab);
  }

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private t(key: AdminKey, values?: Record<string, string | number>): string {
    return this.lc.t(adminMessages, key, values);
  }

  private async boot(): Promise<void> {
    const boot = ++this.boots;
    if (!this.token && this.siteKey) return this.askSignIn();
    this.phase = "loading";
    try {
      const { me, myDeskActions } = await request(this.target, AdminMe, {});
      if (boot !== this.boots) return;
      this.me = me;
      this.tabs = TABS.filter((tab) => myDeskActions.includes(NEEDS[tab]));
      this.phase = this.tabs.length ? "ready" : "denied";
      if (this.tabs.length && !this.tabs.includes(this.tab)) this.tab = this.tabs[0]!;
    } catch (error) {
      if (boot !== this.boots) return;
      if (problemCode(error) === "UNAUTHENTICATED") return this.refused(error instanceof Error ? error.message : "");
      this.problem = problemText(this.lc, error);
      this.phase = "failed";
    }
  }

  private askSignIn(): void {
    this.ownToken = false;
    this.phase = "signin";
    // The agent queue's sign-in part, loaded on first need: the same form signs in agents and administrators.
    void import("../agent-queue/sign-in/sigap-agent-sign-in.js");
  }

  private refused(message: string): void {
    if (this.ownToken) {
      this.askSignIn();
      return;
    }
    this.phase = "auth";
    this.problem = message;
    emit(this, "sigap-auth-error", { message });
  }

  private open(tab: SigapAdminTab): void {
    if (this.loaded[tab] === "ok") return;
    PARTS[tab]().then(
      () => (this.loaded = { ...this.loaded, [tab]: "ok" }),
      () => (this.loaded = { ...this.loaded, [tab]: "failed" }),
    );
  }

  private handleSignedIn(event: CustomEvent<{ token: string }>): void {
    this.ownToken = true;
    this.token = event.detail.token;
  }

  private handleAuthError(event: CustomEvent<{ message: string }>): void {
    // A section's request was refused: the shell owns what happens next (and re-announces it to the page).
    if (event.target === this) return;
    event.stopPropagation();
    this.refused(event.detail.message);
  }

  /** Arrow keys, Home and End move along the tabs (the ARIA tabs pattern, activation follows focus). */
  private handleTabKey(event: KeyboardEvent): void {
    const tabs = this.tabs;
    const at = tabs.indexOf(this.tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.tab = tabs[(next + tabs.length) % tabs.length]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
  }

  private renderSection(): TemplateResult {
    const state = this.loaded[this.tab];
    if (state === "failed") return html`<p part="error" class="error" role="alert">${this.t("sectionFailed")}</p>`;
    if (!state) return html`<p class="muted" role="status">${this.t("loading")}</p>`;
    // The section's language is the shell's: `lang` does not cross into the shadow root by itself.
    const lang = toLang(this.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang);
    const [target, theme] = [this.target, this.theme ?? "light"];
    switch (this.tab) {
      case "site":
        return html`<sigap-admin-site lang=${lang} theme=${theme} .target=${target}></sigap-admin-site>`;
      case "sla":
        return html`<sigap-admin-sla lang=${lang} theme=${theme} .target=${target}></sigap-admin-sla>`;
      case "catalog":
        return html`<sigap-admin-catalog lang=${lang} theme=${theme} .target=${target}></sigap-admin-catalog>`;
      case "approvals":
        return html`<sigap-admin-approvals lang=${lang} theme=${theme} .target=${target}></sigap-admin-approvals>`;
      case "routing":
        return html`<sigap-admin-routing lang=${lang} theme=${theme} .target=${target}></sigap-admin-routing>`;
      case "people":
        return html`<sigap-admin-people lang=${lang} theme=${theme} .target=${target}></sigap-admin-people>`;
      case "access":
        return html`<sigap-admin-access lang=${lang} theme=${theme} .target=${target}></sigap-admin-access>`;
      case "webhooks":
        return html`<sigap-admin-webhooks lang=${lang} theme=${theme} .target=${target}></sigap-admin-webhooks>`;
      case "fields":
        return html`<sigap-admin-fields lang=${lang} theme=${theme} .target=${target}></sigap-admin-fields>`;
      case "replies":
        return html`<sigap-admin-replies lang=${lang} theme=${theme} .target=${target}></sigap-admin-replies>`;
      case "knowledge":
        return html`<sigap-admin-knowledge lang=${lang} theme=${theme} .target=${target}></sigap-admin-knowledge>`;
      case "audit":
        return html`<sigap-admin-audit lang=${lang} theme=${theme} .target=${target}></sigap-admin-audit>`;
    }
  }

  override render(): TemplateResult {
    if (this.phase === "signin") {
      return html`<sigap-agent-sign-in site-key=${this.siteKey} endpoint=${this.endpoint} @sigap-signed-in=${this.handleSignedIn}></sigap-agent-sign-in>`;
    }
    if (this.phase === "auth") {
      return html`<div part="auth" class="panel" role="alert"><p><strong>${this.t("auth")}</strong></p><p class="muted">${this.problem}</p></div>`;
    }
    if (this.phase === "denied") {
      return html`<div part="auth" class="panel" role="alert"><p>${this.t("notAdmin", { name: this.me?.name ?? "", role: this.me?.role ?? "" })}</p></div>`;
    }
    if (this.phase === "failed") {
      return html`<div class="panel"><p part="error" class="error" role="alert">${this.problem}</p>
        <button type="button" @click=${this.boot}>${this.t("retry")}</button></div>`;
    }
    if (this.phase === "loading") return html`<p class="muted" role="status">${this.t("loading")}</p>`;
    return html`<div part="toolbar" class="toolbar">
        <h2>${this.t("title")}</h2>
        <span class="muted">${this.me ? this.t("signedIn", { name: this.me.name }) : nothing}</span>
      </div>
      <div part="tabs" class="tabs" role="tablist" aria-label=${this.t("sections")} @keydown=${this.handleTabKey}>
        ${this.tabs.map(
          (tab) => html`<button part="tab" type="button" role="tab" id="tab-${tab}" aria-controls="panel" aria-selected=${tab === this.tab ? "true" : "false"}
            tabindex=${tab === this.tab ? 0 : -1} @click=${() => (this.tab = tab)}>${this.t(tab)}</button>`,
        )}
      </div>
      <div part="panel" class="panel" id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}" @sigap-auth-error=${this.handleAuthError}>${this.renderSection()}</div>`;
  }
}
