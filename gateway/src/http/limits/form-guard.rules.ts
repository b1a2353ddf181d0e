/**
 * The report form's guard against scripted submissions: a signed token saying when the form was
 * loaded (so a browser report sent sooner than a person could fill the form is refused) and a
 * honeypot field a person never sees. Pure: the secret and the time are passed in.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a loaded form stays submittable. @default 2 hours */
export const FORM_TOKEN_TTL_SECONDS = 2 * 3600;

const VERSION = "f1";

function mac(secret: string, siteId: string, issuedAt: string): Buffer {
  // The purpose string keeps this MAC from ever matching one the same secret makes elsewhere.
  return createHmac("sha256", secret).update(`sigap-form\n${siteId}\n${issuedAt}`).digest().subarray(0, 18);
}

/** A form token for a site, issued at `issuedAtMs`: `f1.<seconds base36>.<mac>`. */
export function signFormToken(secret: string, siteId: string, issuedAtMs: number): string {
  const issuedAt = Math.floor(issuedAtMs / 1000).toString(36);
  return `${VERSION}.${issuedAt}.${mac(secret, siteId, issuedAt).toString("base64url")}`;
}

/** What the guard makes of a report. */
export type FormVerdict =
  | { ok: true }
  | { ok: false; problem: "honeypot" | "missing" | "forged" | "expired" }
  | { ok: false; problem: "too-fast"; retryAfter: number };

/** What the guard looks at. */
export interface FormCheck {
  secret: string;
  siteId: string;
  nowMs: number;
  /** An Origin header came with the request: a browser sent it, so the form's token is required. */
  fromBrowser: boolean;
  token: string | null | undefined;
  /** The honeypot field. */
  website: string | null | undefined;
  minFillSeconds: number;
  /** @default FORM_TOKEN_TTL_SECONDS */
  maxAgeSeconds?: number;
}

/**
 * Judges a report: a filled honeypot is refused from anyone; a token, when sent, must be this
 * site's, unexpired and old enough; browsers must send one. Callers without an Origin (servers,
 * the e-mail bridge) need none.
 */
export function checkForm(c: FormCheck): FormVerdict {
  if (c.website) return { ok: false, problem: "honeypot" };
  if (!c.token) return c.fromBrowser ? { ok: false, problem: "missing" } : { ok: true };
  const parts = c.token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION || !/^[0-9a-z]{1,11}$/.test(parts[1]!)) return { ok: false, problem: "forged" };
  const given = Buffer.from(parts[2]!, "base64url");
  const expected = mac(c.secret, c.siteId, parts[1]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "forged" };
  const ageMs = c.nowMs - Number.parseInt(parts[1]!, 36) * 1000;
  if (ageMs > (c.maxAgeSeconds ?? FORM_TOKEN_TTL_SECONDS) * 1000) return { ok: false, problem: "expired" };
  // A token from the future (clock skew between gateways) counts as just issued.
  const waitMs = c.minFillSeconds * 1000 - Math.max(0, ageMs);
  if (waitMs > 0) return { ok: false, problem: "too-fast", retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
  return { ok: true };
}
