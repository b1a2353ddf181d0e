import { jwtVerify, SignJWT } from "jose";
import type { Configuration } from "openid-client";
import type { DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import type { OidcConfig } from "../../config.js";
import type { SiteService } from "../sites/site.service.js";
import { AgentEntity } from "./agent.entity.js";
import type { SignInService } from "./sign-in.service.js";

/** The path the widget opens in a popup. */
export const OIDC_START_PATH = "/auth/oidc/start";
/** The path the identity provider sends the browser back to (register it as the redirect URI). */
export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";
/** The cookie that carries the PKCE verifier, state and nonce between start and callback. */
export const OIDC_COOKIE = "sigap_oidc";
/** How long a started sign-in may take at the identity provider. */
const FLOW_SECONDS = 600;

/** What the callback page posts to the widget's window: a one-time code, or why there is none. */
export type OidcOutcome = { origin: string; code: string } | { origin: string | null; error: string };

/** A started sign-in: where to send the browser, and the cookie to set. */
export interface OidcStart {
  redirectTo: string;
  cookie: string;
}

/** A start or callback the gateway refuses, with a sentence for the person in the popup. */
export class OidcRefusal extends Error {}

/**
 * Signing in with the company's identity provider: authorization code with PKCE (openid-client).
 * The widget opens {@link OIDC_START_PATH} in a popup; the verifier, state and nonce ride in a
 * signed HttpOnly cookie (no server state, so any gateway of a cluster can take the callback);
 * the callback maps the ID token's verified e-mail to an active agent of the site and hands the
 * widget's window a one-time code by `postMessage` to the site's allowed origin only. The widget
 * exchanges the code over GraphQL (`redeemSignInCode`), so no token travels in a URL.
 */
export class OidcSignIn {
  private discovered: Promise<Configuration> | null = null;
  // Loaded on first use: a gateway without an identity provider never loads it.
  private lib: Promise<typeof import("openid-client")> | null = null;
  private readonly key: Uint8Array;
  private base: string;
  private readonly hasPublicUrl: boolean;

  constructor(
    private readonly config: OidcConfig,
    private readonly ds: DataSource,
    private readonly sites: SiteService,
    private readonly signIn: SignInService,
    private readonly clock: Clock,
    secret: string,
    publicUrl: string | null,
  ) {
    this.key = new TextEncoder().encode(`oidc:${secret}`);
    this.base = publicUrl ?? "http://127.0.0.1:4000";
    this.hasPublicUrl = publicUrl !== null;
  }

  /** The provider's name for the button. */
  get name(): string {
    return this.config.name;
  }

  /** Points the redirect URI at the gateway's own URL once it listens, when PUBLIC_URL is not set. */
  listening(url: string): void {
    if (!this.hasPublicUrl) this.base = url;
  }

  /** The URL the widget opens for a site (it adds `&origin=<its page's origin>`). */
  startUrl(siteKey: string): string {
    return `${this.base}${OIDC_START_PATH}?site=${encodeURIComponent(siteKey)}`;
  }

  /** The redirect URI to register at the identity provider. */
  get redirectUri(): string {
    return `${this.base}${OIDC_CALLBACK_PATH}`;
  }

  /** Begins a sign-in for a site's page at `origin` (one of the site's allowed origins). */
  async start(siteKey: string | null, origin: string | null): Promise<OidcStart> {
    if (!origin || !siteKey) throw new OidcRefusal("This sign-in window was opened without its site and page; close it and use the sign-in button again.");
    const { site } = await this.sites.resolvePublic(siteKey, origin).catch(() => {
      throw new OidcRefusal("This site does not accept sign-in from that page.");
    });
    const configuration = await this.configuration();
    const client = await this.openid();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const flow = await new SignJWT({ v: verifier, st: state, n: nonce, site: site.id, o: origin })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(now)
      .setExpirationTime(now + FLOW_SECONDS)
      .sign(this.key);
    const redirectTo = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: "openid email profile",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    const secure = this.base.startsWith("https:") ? "; Secure" : "";
    // Lax: the identity provider's redirect back is a top-level navigation, which carries it.
    return { redirectTo: redirectTo.href, cookie: `${OIDC_COOKIE}=${flow}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${FLOW_SECONDS}${secure}` };
  }

  /** Finishes a sign-in: the callback's full URL and the flow cookie; never throws. */
  async finish(callbackUrl: string, flowCookie: string | null): Promise<OidcOutcome> {
    let origin: string | null = null;
    try {
      if (!flowCookie) throw new OidcRefusal("This sign-in took too long or was started in another browser; sign in again.");
      const { payload } = await jwtVerify(flowCookie, this.key, { algorithms: ["HS256"], currentDate: this.clock.now() }).catch(() => {
        throw new OidcRefusal("This sign-in took too long; sign in again.");
      });
      origin = String(payload["o"]);
      const url = new URL(callbackUrl, this.base);
      if (url.searchParams.get("error")) throw new OidcRefusal(`The identity provider refused: ${url.searchParams.get("error_description") ?? url.searchParams.get("error")}.`);
      const client = await this.openid();
      const tokens = await client
        .authorizationCodeGrant(await this.configuration(), new URL(`${this.redirectUri}${url.search}`), {
          pkceCodeVerifier: String(payload["v"]),
          expectedState: String(payload["st"]),
          expectedNonce: String(payload["n"]),
          idTokenExpected: true,
        })
        .catch((err: unknown) => {
          throw new OidcRefusal(`The identity provider's answer could not be checked (${err instanceof Error ? err.message : "unknown error"}); sign in again.`);
        });
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcRefusal("The identity provider gave no ID token; sign in again.");
      // Many providers put the e-mail only in UserInfo (the ID token then carries just `sub`).
      const claims: Record<string, unknown> =
        typeof idClaims["email"] === "string" ? idClaims : await client.fetchUserInfo(await this.configuration(), tokens.access_token, idClaims.sub);
      const email = typeof claims["email"] === "string" ? claims["email"].trim().toLowerCase() : null;
      // An address the provider does not vouch for could be anyone's: only `email_verified: true` maps to an agent.
      if (!email || claims["email_verified"] !== true) throw new OidcRefusal("The identity provider did not give a verified e-mail address.");
      const agent = await this.ds.getRepository(AgentEntity).findOneBy({ siteId: String(payload["site"]), email, active: true });
      if (!agent) throw new OidcRefusal(`${email} is not an active agent of this desk; ask an admin to invite you.`);
      return { origin, code: await this.signIn.issueCode(agent) };
    } catch (error) {
      if (error instanceof OidcRefusal) return { origin, error: error.message };
      throw error;
    }
  }

  private openid(): Promise<typeof import("openid-client")> {
    return (this.lib ??= import("openid-client"));
  }

  private configuration(): Promise<Configuration> {
    const { issuer, clientId, clientSecret } = this.config;
    // Looked up on first use, and again after a failure: the provider need not be up when the gateway starts.
    this.discovered ??= this.openid()
      .then((client) =>
        client.discovery(new URL(issuer), clientId, undefined, clientSecret ? client.ClientSecretPost(clientSecret) : client.None(), {
          // config.ts lets http through only for a provider on this machine (development, tests).
          ...(issuer.startsWith("http:") ? { execute: [client.allowInsecureRequests] } : {}),
        }),
      )
      .catch((err: unknown) => {
        this.discovered = null;
        throw new OidcRefusal(`The identity provider at ${issuer} does not answer (${err instanceof Error ? err.message : "unknown error"}); try again later.`);
      });
    return this.discovered;
  }
}
