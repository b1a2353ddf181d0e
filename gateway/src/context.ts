import type { AgentEntity } from "./modules/agents/agent.entity.js";
import type { Role } from "./modules/agents/role.js";
import type { SiteEntity } from "./modules/sites/site.entity.js";
import type { SlaPolicy } from "./modules/sla/sla.rules.js";
import type { Services } from "./services.js";

/** What every resolver gets: the services and who is asking. */
export interface SigapContext {
  services: Services;
  /** The site a public widget speaks for, checked against its allowed origins. */
  publicSite(): Promise<{ site: SiteEntity; policy: SlaPolicy }>;
  /** The signed-in desk member. */
  agent(): Promise<AgentEntity>;
  /**
   * The role desk reads and the auth checker answer for: the signed-in agent's, or, in a shared
   * execution of a queue subscription, the role its `subscribe` checked (the feed's scope).
   */
  deskRole(): Promise<Role>;
}

/** Credentials as they arrived, over HTTP headers or WebSocket connection params. */
export interface Credentials {
  siteKey: string | null;
  origin: string | null;
  bearer: string | null;
}

/** No credentials: the context of shared subscription executions. */
export const NO_CREDENTIALS: Credentials = Object.freeze({ siteKey: null, origin: null, bearer: null });

/** Builds a request's context; each credential is checked once, when first needed. `viewer` is a shared execution's checked role. */
export function createContext(services: Services, creds: Credentials, viewer: Role | null = null): SigapContext {
  let site: ReturnType<SigapContext["publicSite"]> | undefined;
  let agent: Promise<AgentEntity> | undefined;
  const ctx: SigapContext = {
    services,
    publicSite: () => (site ??= services.sites.resolvePublic(creds.siteKey, creds.origin)),
    agent: () => (agent ??= services.agents.authenticate(creds.bearer)),
    deskRole: async () => viewer ?? (await ctx.agent()).role,
  };
  return ctx;
}

/** Reads the bearer token out of an Authorization header value. */
export function bearerOf(header: string | undefined | null): string | null {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m ? m[1]! : null;
}
