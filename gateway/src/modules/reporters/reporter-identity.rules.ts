/**
 * Identified reporters and getting back in, as pure rules: what a verified reporter token must
 * claim, the sentence each refusal says, which contact on a ticket a lookup may match, what the
 * tracker will ask an anonymous reporter for, and how long and how often one-time links are given.
 * Imports nothing from jose, TypeORM or GraphQL.
 */

/** Who an identified reporter is, from the host site's verified token. */
export interface ReporterIdentity {
  /** The host site's user id (`sub`). */
  subject: string;
  /** `name`, or null when the token has none. */
  name: string | null;
  /** `email`, lower-cased, or null when the token has none. */
  email: string | null;
}

/** Why a reporter token is refused; each has one sentence in {@link TOKEN_PROBLEMS}. */
export type TokenProblem = "NOT_ACCEPTED" | "MALFORMED" | "SIGNATURE" | "EXPIRED" | "NOT_YET_VALID" | "AUDIENCE" | "CLAIMS" | "KEYS_UNAVAILABLE";

/** The message of each refusal: said to the widget's developer, so it names what to fix. */
export const TOKEN_PROBLEMS: Readonly<Record<TokenProblem, string>> = {
  NOT_ACCEPTED: "This site does not accept reporter tokens: an admin sets its secret or JWKS URL with `sigap site:identity`.",
  MALFORMED: "The reporter token is not a signed JWT (header.payload.signature).",
  SIGNATURE: "The reporter token's signature does not verify with this site's key; sign it with the site's secret or a key in its JWKS.",
  EXPIRED: "The reporter token has expired; the host page must sign a fresh one.",
  NOT_YET_VALID: "The reporter token is not valid yet (nbf or iat in the future); check the host server's clock.",
  AUDIENCE: "The reporter token was signed for another site: its aud must be this site's key.",
  CLAIMS: "The reporter token must carry sub (the user's id, at most 255 characters) and exp; name and email are strings when present.",
  KEYS_UNAVAILABLE: "The site's JWKS could not be fetched to verify the reporter token; try again shortly.",
};

/** Algorithms a reporter token may use: HS256 with the site's secret, or RS256/ES256 from its JWKS. */
export const SECRET_ALGORITHMS = ["HS256"] as const;
/** Public-key algorithms accepted from a site's JWKS. */
export const JWKS_ALGORITHMS = ["RS256", "ES256"] as const;

/** The shortest HS256 secret a site may set: 256 bits, as RFC 7518 asks of HS256 keys. */
export const MIN_SECRET_LENGTH = 32;

/** The identity in a verified token's claims, or the problem with them. */
export function identityFromClaims(claims: Record<string, unknown>): ReporterIdentity | TokenProblem {
  const { sub, name, email, exp } = claims;
  if (typeof sub !== "string" || !sub.trim() || sub.length > 255) return "CLAIMS";
  if (typeof exp !== "number") return "CLAIMS";
  if (name !== undefined && typeof name !== "string") return "CLAIMS";
  if (email !== undefined && typeof email !== "string") return "CLAIMS";
  const cleanName = typeof name === "string" && name.trim() ? name.trim().slice(0, 120) : null;
  const cleanEmail = typeof email === "string" && email.trim() ? email.trim().toLowerCase().slice(0, 254) : null;
  return { subject: sub, name: cleanName, email: cleanEmail };
}

/** The problem behind a jose error code (`err.code`); anything unknown is a bad signature or form. */
export function problemOfJoseCode(code: string | undefined, claim?: string): TokenProblem {
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return "EXPIRED";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      return claim === "aud" ? "AUDIENCE" : claim === "nbf" || claim === "iat" ? "NOT_YET_VALID" : "CLAIMS";
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
    case "ERR_JWKS_NO_MATCHING_KEY":
    case "ERR_JWKS_MULTIPLE_MATCHING_KEYS":
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return "SIGNATURE";
    case "ERR_JWKS_TIMEOUT":
    case "ERR_JWKS_INVALID":
      return "KEYS_UNAVAILABLE";
    case "ERR_JWT_INVALID":
    case "ERR_JWS_INVALID":
      return "MALFORMED";
    default:
      return "SIGNATURE";
  }
}

/** Problems with the identity settings a site is given; empty when they may be stored. */
export function identitySettingsProblems(settings: { secret?: string | null; jwksUrl?: string | null }): string[] {
  const problems: string[] = [];
  if (settings.secret != null && (settings.secret.length < MIN_SECRET_LENGTH || settings.secret.length > 200)) {
    problems.push(`the reporter-token secret must be ${MIN_SECRET_LENGTH}–200 characters (HS256 needs 256 bits), got ${settings.secret.length}`);
  }
  if (settings.jwksUrl != null) {
    let url: URL | null = null;
    try {
      url = new URL(settings.jwksUrl);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || settings.jwksUrl.length > 500) {
      problems.push(`the JWKS URL must be an http(s) URL of at most 500 characters, got "${settings.jwksUrl}"`);
    }
  }
  return problems;
}

/** A phone number as the lookup compares it: its digits, with a leading 0 read as Indonesia's +62. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("0") ? `62${digits.slice(1)}` : digits;
}

/** Whether what a reporter typed is the e-mail or phone given on the report. */
export function contactMatches(ticket: { reporterEmail: string | null; reporterPhone: string | null }, contact: string): boolean {
  const typed = contact.trim();
  if (!typed) return false;
  if (typed.includes("@")) return ticket.reporterEmail !== null && ticket.reporterEmail.toLowerCase() === typed.toLowerCase();
  const digits = phoneDigits(typed);
  return digits.length >= 6 && ticket.reporterPhone !== null && phoneDigits(ticket.reporterPhone) === digits;
}

/** What the tracker will ask for to open a ticket again. */
export type RecoveryKey = "SIGN_IN" | "CODE" | "EMAIL" | "PHONE" | "TRACKING_TOKEN";

/**
 * What the tracker asks of this reporter to open the ticket again: an identified reporter signs
 * in to the host site; an anonymous one gives the code and the e-mail or phone they reported with
 * (the link goes to the e-mail, so a phone alone opens nothing); without an e-mail only the token.
 */
export function recoveryKeys(ticket: { reporterSubject: string | null; reporterEmail: string | null; reporterPhone: string | null }): RecoveryKey[] {
  if (ticket.reporterSubject) return ["SIGN_IN"];
  if (!ticket.reporterEmail) return ["CODE", "TRACKING_TOKEN"];
  return ticket.reporterPhone ? ["CODE", "EMAIL", "PHONE"] : ["CODE", "EMAIL"];
}

/** How long a one-time link opens the ticket. */
export const LINK_TTL_MINUTES = 30;

/** At most this many links are mailed for one ticket per hour, whoever asks: no mail bombing. */
export const MAX_LINKS_PER_TICKET_PER_HOUR = 3;

/** Whether a link is still good at `now`: unused and not expired. */
export function linkUsable(link: { expiresAt: Date; usedAt: Date | null }, now: Date): boolean {
  return link.usedAt === null && link.expiresAt.getTime() > now.getTime();
}
