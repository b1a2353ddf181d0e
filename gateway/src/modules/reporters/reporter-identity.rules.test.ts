import { describe, expect, it } from "vitest";
import { contactMatches, identityFromClaims, identitySettingsProblems, linkUsable, phoneDigits, problemOfJoseCode, recoveryKeys } from "./reporter-identity.rules.js";

describe("reporter-identity.rules", () => {
  it.each([
    [{ sub: "u-1", exp: 1, name: " Budi ", email: "Budi@Contoh.Example" }, { subject: "u-1", name: "Budi", email: "budi@contoh.example" }],
    [{ sub: "u-2", exp: 1 }, { subject: "u-2", name: null, email: null }],
    [{ sub: "", exp: 1 }, "CLAIMS"],
    [{ sub: "x".repeat(256), exp: 1 }, "CLAIMS"],
    [{ exp: 1 }, "CLAIMS"],
    [{ sub: "u-3" }, "CLAIMS"],
    [{ sub: "u-4", exp: 1, name: 7 }, "CLAIMS"],
    [{ sub: "u-5", exp: 1, email: ["a"] }, "CLAIMS"],
  ])("reads the identity of %j", (claims, expected) => {
    expect(identityFromClaims(claims)).toEqual(expected);
  });

  it.each([
    ["ERR_JWT_EXPIRED", undefined, "EXPIRED"],
    ["ERR_JWT_CLAIM_VALIDATION_FAILED", "aud", "AUDIENCE"],
    ["ERR_JWT_CLAIM_VALIDATION_FAILED", "nbf", "NOT_YET_VALID"],
    ["ERR_JWT_CLAIM_VALIDATION_FAILED", "sub", "CLAIMS"],
    ["ERR_JWS_SIGNATURE_VERIFICATION_FAILED", undefined, "SIGNATURE"],
    ["ERR_JWKS_NO_MATCHING_KEY", undefined, "SIGNATURE"],
    ["ERR_JOSE_ALG_NOT_ALLOWED", undefined, "SIGNATURE"],
    ["ERR_JWKS_TIMEOUT", undefined, "KEYS_UNAVAILABLE"],
    ["ERR_JWS_INVALID", undefined, "MALFORMED"],
    ["ERR_JWT_INVALID", undefined, "MALFORMED"],
  ])("maps jose's %s (%s) to %s", (code, claim, problem) => {
    expect(problemOfJoseCode(code, claim)).toBe(problem);
  });

  it.each([
    [{ secret: "s".repeat(32) }, 0],
    [{ secret: "short" }, 1],
    [{ jwksUrl: "https://idp.example/jwks.json" }, 0],
    [{ jwksUrl: "ftp://idp.example/jwks.json" }, 1],
    [{ jwksUrl: "not a url" }, 1],
    [{ secret: null, jwksUrl: null }, 0],
  ])("judges identity settings %j with %i problems", (settings, count) => {
    expect(identitySettingsProblems(settings)).toHaveLength(count);
  });

  it.each([
    ["0812-3456-789", "628123456789"],
    ["+62 812 3456 789", "628123456789"],
    ["62812", "62812"],
  ])("reads phone %s as %s", (phone, digits) => {
    expect(phoneDigits(phone)).toBe(digits);
  });

  const ticket = { reporterEmail: "budi@contoh.example", reporterPhone: "0812 3456 789" };
  it.each([
    ["Budi@Contoh.Example ", true],
    ["siti@contoh.example", false],
    ["+62 812-3456-789", true],
    ["0812 3456 780", false],
    ["812", false],
    ["", false],
  ])("matches contact %j: %s", (contact, matches) => {
    expect(contactMatches(ticket, contact)).toBe(matches);
  });

  it.each([
    [{ reporterSubject: "u-1", reporterEmail: "a@b.c", reporterPhone: null }, ["SIGN_IN"]],
    [{ reporterSubject: null, reporterEmail: "a@b.c", reporterPhone: null }, ["CODE", "EMAIL"]],
    [{ reporterSubject: null, reporterEmail: "a@b.c", reporterPhone: "0812" }, ["CODE", "EMAIL", "PHONE"]],
    [{ reporterSubject: null, reporterEmail: null, reporterPhone: "0812" }, ["CODE", "TRACKING_TOKEN"]],
  ])("asks %j for %j", (t, keys) => {
    expect(recoveryKeys(t)).toEqual(keys);
  });

  const now = new Date("2026-01-01T10:00:00Z");
  it.each([
    [{ expiresAt: new Date("2026-01-01T10:30:00Z"), usedAt: null }, true],
    [{ expiresAt: new Date("2026-01-01T10:00:00Z"), usedAt: null }, false],
    [{ expiresAt: new Date("2026-01-01T10:30:00Z"), usedAt: new Date("2026-01-01T09:59:00Z") }, false],
  ])("a link %j is usable: %s", (link, usable) => {
    expect(linkUsable(link, now)).toBe(usable);
  });
});
