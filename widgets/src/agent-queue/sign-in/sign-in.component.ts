import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import type { SignInOptionsQuery } from "../../client/generated.js";
import { request, type Endpoint } from "../../client/http.js";
import { RedeemSignInCode, RequestPasswordReset, SetPasswordWithLink, SignIn, SignInOptions } from "../../client/sign-in.operations.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { emit } from "../../shared/events.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { indonesian, signInMessages, type SignInKey } from "./sign-in.messages.js";
import { signInStyles } from "./sign-in.styles.js";
import { linkSecret, popupOutcome, popupUrl, withoutSecret } from "./sign-in.link.js";

/** Detail of `sigap-signed-in`: the agent token a sign-in returned. */
export interface SigapSignedInDetail {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
}

type Mode = "password" | "forgot" | "sent" | "set";

/**
 * The agent queue's sign-in, loaded only when the queue has no `token`: e-mail and password,
 * "forgot password" by mail, the password form a reset or invitation link opens
 * (`#sigap-password=…` in the page's address), and the company identity provider in a popup
 * that posts a one-time code back. The gateway says which of these the site offers.
 *
 * @summary Signs a service desk agent in and hands the queue a token.
 * @tagname sigap-agent-sign-in
 *
 * @csspart form - The sign-in form.
 * @csspart error - Why the last attempt failed.
 *
 * @fires {CustomEvent<SigapSignedInDetail>} sigap-signed-in - The agent signed in; the detail has the token.
 */
export class SigapAgentSignIn extends LitElement {
  static override styles = [themeStyles, signInStyles];

  static override properties: PropertyDeclarations = {
    mode: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    options: { state: true, attribute: false },
    siteKey: { attribute: "site-key" },
    endpoint: {},
  };

  private readonly lc = new LocaleController(this, indonesian);
  private mode: Mode = "password";
  private busy = false;
  private problem = "";
  private options: SignInOptionsQuery["signInOptions"] | null = null;
  private secret = "";

  /** The site's public key, as on the report form. */
  siteKey = "";

  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";

  private readonly onMessage = (event: MessageEvent): void => {
    const start = this.options?.oidcStartUrl;
    const outcome = start ? popupOutcome(event, start) : null;
    if (!outcome) return;
    if ("error" in outcome) this.problem = outcome.error;
    else void this.attempt(() => request(this.target, RedeemSignInCode, { code: outcome.code }).then((d) => d.redeemSignInCode));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("message", this.onMessage);
    this.secret = linkSecret(location.hash);
    if (this.secret) {
      this.mode = "set";
      // The secret opens the account once; it leaves the address bar (and the history) now.
      history.replaceState(history.state, "", `${location.pathname}${location.search}${withoutSecret(location.hash)}`);
    }
    void request(this.target, SignInOptions, {}).then(
      (d) => (this.options = d.signInOptions),
      (error: unknown) => (this.problem = problemText(this.lc, error)),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("message", this.onMessage);
  }

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), siteKey: this.siteKey };
  }

  private t(key: SignInKey, values?: Record<string, string | number>): string {
    return this.lc.t(signInMessages, key, values);
  }

  /** Runs one sign-in call; on success tells the queue, on failure shows the gateway's sentence. */
  private async attempt(call: () => Promise<SigapSignedInDetail>): Promise<void> {
    this.busy = true;
    this.problem = "";
    try {
      const detail = await call();
      emit<SigapSignedInDetail>(this, "sigap-signed-in", { token: detail.token, expiresAt: detail.expiresAt });
    } catch (error) {
      this.problem = problemText(this.lc, error);
    } finally {
      this.busy = false;
    }
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    if (this.mode === "password") void this.attempt(() => request(this.target, SignIn, { email, password }).then((d) => d.signIn));
    else if (this.mode === "set") void this.attempt(() => request(this.target, SetPasswordWithLink, { secret: this.secret, password }).then((d) => d.setPasswordWithLink));
    else if (this.mode === "forgot") {
      this.busy = true;
      request(this.target, RequestPasswordReset, { email })
        .then(() => this.show("sent"))
        .catch((error: unknown) => (this.problem = problemText(this.lc, error)))
        .finally(() => (this.busy = false));
    }
  }

  private handleIdp(): void {
    const start = this.options?.oidcStartUrl;
    if (!start) return;
    this.problem = "";
    const popup = window.open(popupUrl(start, location.origin), "sigap-sign-in", "popup,width=520,height=680");
    if (!popup) this.problem = this.t("popupBlocked");
  }

  private show(mode: Mode): void {
    this.mode = mode;
    this.problem = "";
  }

  override render(): TemplateResult {
    const error = this.problem ? html`<p part="error" class="error" role="alert">${this.problem}</p>` : nothing;
    const email = html`<label>${this.t("email")}<input name="email" type="email" autocomplete="username" required /></label>`;
    const back = html`<button type="button" class="link" @click=${() => this.show("password")}>${this.t("back")}</button>`;
    if (this.mode === "sent") return html`<div part="form"><p role="status">${this.t("sent")}</p>${back}</div>`;
    const min = this.options?.passwordMinLength ?? 10;
    const body =
      this.mode === "set"
        ? html`<h2>${this.t("setTitle")}</h2>${error}
            <label>${this.t("newPassword", { n: min })}<input name="password" type="password" autocomplete="new-password" minlength=${min} required /></label>
            <button type="submit" ?disabled=${this.busy}>${this.t("setAndSignIn")}</button>`
        : this.mode === "forgot"
          ? html`<h2>${this.t("forgotTitle")}</h2>${error}${email}<div class="row"><button type="submit" ?disabled=${this.busy}>${this.t("send")}</button>${back}</div>`
          : html`<h2>${this.t("title")}</h2>${error}${email}
              <label>${this.t("password")}<input name="password" type="password" autocomplete="current-password" required /></label>
              <div class="row">
                <button type="submit" ?disabled=${this.busy}>${this.busy ? this.t("busy") : this.t("signIn")}</button>
                <button type="button" class="link" @click=${() => this.show("forgot")}>${this.t("forgot")}</button>
              </div>
              ${this.options?.oidcStartUrl
                ? html`<p class="row">${this.t("or")} <button type="button" class="secondary" @click=${this.handleIdp}>${this.t("withIdp", { name: this.options.oidcName ?? "SSO" })}</button></p>`
                : nothing}`;
    return html`<form part="form" @submit=${this.handleSubmit} aria-busy=${this.busy ? "true" : "false"}>${body}</form>`;
  }
}
