import type { Logger } from "pino";
import type { AgentEntity } from "./modules/agents/agent.entity.js";
import type { Role } from "./modules/agents/role.js";
import type { ReporterIdentity } from "./modules/reporters/reporter-identity.rules.js";
import type { SiteEntity } from "./modules/sites/site.entity.js";
import type { SitePolicies } from "./modules/sla/sla-policy.rules.js";
import type { Services } from "./services.js";

/** What every resolver gets: the services and who is asking. */
export interface SigapContext {
  services: Services;
  /** The site a public widget speaks for, checked against its allowed origins. */
  publicSite(): Promise<{ site: SiteEntity; policies: SitePolicies }>;
  /**
   * The identified reporter of a public request: null without a reporter token; a bad, expired
   * or foreign token is UNAUTHENTICATED, never anonymous.
   */
  reporter(): Promise<ReporterIdentity | null>;
  /** The signed-in desk member. */
  agent(): Promise<AgentEntity>;
  /**
   * The role desk reads and the auth checker answer for: the signed-in agent's, or, in a shared
   * execution of a queue subscription, the role its `subscribe` checked (the feed's scope).
   */
  deskRole(): Promise<Role>;
  /** A shared execution of a subscription: no one agent asks, so per-agent fields answer for the desk as a whole. */
  shared: boolean;
  /** The request behind this context: its id, its TCP peer and a logger that names it. */
  request: RequestInfo;
}

/** What the transport knows about a request, for logs, limits and metrics. */
export interface RequestInfo {
  /** The request id, also sent back in `X-Request-Id`; empty for contexts no request made. */
  id: string;
  /** The client's address behind any trusted proxies (TRUST_PROXY), as the limiter counts it; null when unknown. */
  clientAddress: string | null;
  /** The `X-Forwarded-For` header as received: believe it only behind a trusted proxy. */
  forwardedFor: string | null;
  /** A logger whose every line carries the request id. */
  log: Logger;
}

/** Credentials as they arrived, over HTTP headers or WebSocket connection params. */
export interface Credentials {
  siteKey: string | null;
  origin: string | null;
  bearer: string | null;
  /** The host site's signed reporter token (`X-Sigap-Reporter-Token`, or `reporterToken` over WebSocket). */
  reporterToken?: string | null;
}

/** No credentials: the context of shared subscription executions. */
export const NO_CREDENTIALS: Credentials = Object.freeze({ siteKey: null, origin: null, bearer: null });

/**
 * Builds a request's context; each credential is checked once, when first needed. `request` is
 * the transport's view of the request; `viewer` is a shared execution's checked role.
 */
export function createContext(services: Services, creds: Credentials, request?: RequestInfo, viewer: Role | null = null): SigapContext {
  return new RequestContext(services, creds, request ?? { id: "", clientAddress: null, forwardedFor: null, log: services.log }, viewer);
}

/**
 * A class, not an object of closures: an idle subscription keeps its context as long as it
 * lasts, and thousands of them share these methods instead of holding five closures each.
 */
class RequestContext implements SigapContext {
  readonly shared: boolean;
  private site: ReturnType<SigapContext["publicSite"]> | undefined;
  private signedIn: Promise<AgentEntity> | undefined;
  private identified: Promise<ReporterIdentity | null> | undefined;

  constructor(
    readonly services: Services,
    private readonly creds: Credentials,
    readonly request: RequestInfo,
    private readonly viewer: Role | null,
  ) {
    this.shared = viewer !== null;
  }

  publicSite(): ReturnType<SigapContext["publicSite"]> {
    return (this.site ??= this.services.sites.resolvePublic(this.creds.siteKey, this.creds.origin));
  }

  reporter(): Promise<ReporterIdentity | null> {
    const token = this.creds.reporterToken;
    return (this.identified ??= token ? this.publicSite().then(({ site }) => this.services.reporterTokens.verify(site, token)) : Promise.resolve(null));
  }

  agent(): Promise<AgentEntity> {
    return (this.signedIn ??= this.services.agents.authenticate(this.creds.bearer));
  }

  async deskRole(): Promise<Role> {
    return this.viewer ?? (await this.agent()).role;
  }
}

/** Reads the bearer token out of an Authorization header value. */
export function bearerOf(header: string | undefined | null): string | null {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m ? m[1]! : null;
}
