import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { SigapError, unauthenticated } from "../../errors.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { liveKeys } from "../sites/site-access.rules.js";
import { identityFromClaims, JWKS_ALGORITHMS, problemOfJoseCode, SECRET_ALGORITHMS, TOKEN_PROBLEMS, type ReporterIdentity, type TokenProblem } from "./reporter-identity.rules.js";

/**
 * Verifies the reporter tokens host sites sign for their signed-in users: HS256 with the site's
 * secret, or RS256/ES256 against the site's JWKS. One remote key set per JWKS URL is kept for
 * the process (jose caches its keys and refetches on an unknown `kid`, at most every 30 s).
 * Every refusal of a token is UNAUTHENTICATED with a sentence from reporter-identity.rules.
 */
export class ReporterTokens {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly now: () => Date) {}

  /** The identity a token proves for this site; throws UNAUTHENTICATED for any bad token. */
  async verify(site: SiteEntity, token: string): Promise<ReporterIdentity> {
    if (!site.reporterJwtSecret && !site.reporterJwksUrl) throw refuse("NOT_ACCEPTED");
    // A rotated key stays an audience while it still opens the site: host sites re-sign with the new key during the overlap.
    const now = this.now();
    const options = { audience: liveKeys(site, now), requiredClaims: ["sub", "exp"], currentDate: now };
    let payload: JWTPayload;
    try {
      payload = site.reporterJwtSecret
        ? (await jwtVerify(token, new TextEncoder().encode(site.reporterJwtSecret), { ...options, algorithms: [...SECRET_ALGORITHMS] })).payload
        : (await jwtVerify(token, this.keySet(site.reporterJwksUrl!), { ...options, algorithms: [...JWKS_ALGORITHMS] })).payload;
    } catch (error) {
      const e = error as { code?: string; claim?: string };
      // A missing sub or exp is a claims problem, whatever jose calls it.
      if (e.code === "ERR_JWT_CLAIM_VALIDATION_FAILED" && (e.claim === "sub" || e.claim === "exp")) throw refuse("CLAIMS");
      // Not a jose error: the JWKS fetch itself failed (refused connection, DNS).
      throw refuse(typeof e.code === "string" && e.code.startsWith("ERR_") ? problemOfJoseCode(e.code, e.claim) : site.reporterJwksUrl ? "KEYS_UNAVAILABLE" : "MALFORMED");
    }
    const identity = identityFromClaims(payload as Record<string, unknown>);
    if (typeof identity === "string") throw refuse(identity);
    return identity;
  }

  private keySet(url: string): JWTVerifyGetKey {
    let set = this.keySets.get(url);
    if (!set) this.keySets.set(url, (set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000 })));
    return set;
  }
}

/** UNAUTHENTICATED for a bad token; SERVICE_UNAVAILABLE when the site's JWKS cannot be read, which is no fault of the token. */
function refuse(problem: TokenProblem): SigapError {
  return problem === "KEYS_UNAVAILABLE" ? new SigapError("SERVICE_UNAVAILABLE", TOKEN_PROBLEMS[problem]) : unauthenticated(TOKEN_PROBLEMS[problem]);
}
