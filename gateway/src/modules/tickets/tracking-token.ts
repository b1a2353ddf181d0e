import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** SHA-256 of a string, in hex: how tracking tokens and report fingerprints are stored. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Compares two hex digests in constant time. */
export function safeEqualHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}

/** Whether a tracking token is the one whose hash a ticket stores. */
export function tokenOpens(trackingTokenHash: string, token: string): boolean {
  return safeEqualHex(trackingTokenHash, sha256(token));
}

/** A fresh random tracking token. */
export function randomToken(): string {
  return randomBytes(18).toString("base64url");
}

/** The tracking token of a keyed report is derived, so a retry can be answered without storing it. */
export function derivedToken(secret: string, siteId: string, key: string): string {
  return createHmac("sha256", secret).update(`track:${siteId}:${key}`).digest().subarray(0, 18).toString("base64url");
}
