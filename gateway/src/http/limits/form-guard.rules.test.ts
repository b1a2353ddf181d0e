import { describe, expect, it } from "vitest";
import { checkForm, FORM_TOKEN_TTL_SECONDS, signFormToken, type FormCheck } from "./form-guard.rules.js";

const SECRET = "s".repeat(40);
const SITE = "site-1";
const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
const token = signFormToken(SECRET, SITE, T0);
const base: FormCheck = { secret: SECRET, siteId: SITE, nowMs: T0 + 10_000, fromBrowser: true, token, website: null, minFillSeconds: 3 };

describe("form-guard.rules", () => {
  it.each<[string, Partial<FormCheck>, ReturnType<typeof checkForm>]>([
    ["a browser report sent 10 s after loading the form", {}, { ok: true }],
    ["a browser report sent exactly at the minimum fill time", { nowMs: T0 + 3000 }, { ok: true }],
    ["a report sent 1 s after loading", { nowMs: T0 + 1000 }, { ok: false, problem: "too-fast", retryAfter: 2 }],
    ["a report sent at once", { nowMs: T0 }, { ok: false, problem: "too-fast", retryAfter: 3 }],
    ["a report when the site needs no fill time", { nowMs: T0, minFillSeconds: 0 }, { ok: true }],
    ["a token from a clock ahead of ours", { nowMs: T0 - 60_000 }, { ok: false, problem: "too-fast", retryAfter: 3 }],
    ["a filled honeypot", { website: "http://spam.example" }, { ok: false, problem: "honeypot" }],
    ["a filled honeypot from a server", { website: "x", fromBrowser: false, token: null }, { ok: false, problem: "honeypot" }],
    ["a browser report without a token", { token: null }, { ok: false, problem: "missing" }],
    ["a server report without a token", { token: null, fromBrowser: false }, { ok: true }],
    ["another site's token", { siteId: "site-2" }, { ok: false, problem: "forged" }],
    ["a token signed with another secret", { secret: "t".repeat(40) }, { ok: false, problem: "forged" }],
    ["a token with its time changed", { token: token.replace(/^f1\.[0-9a-z]+/, `f1.${Math.floor((T0 - 60_000) / 1000).toString(36)}`) }, { ok: false, problem: "forged" }],
    ["garbage", { token: "hello" }, { ok: false, problem: "forged" }],
    ["an expired token", { nowMs: T0 + FORM_TOKEN_TTL_SECONDS * 1000 + 1 }, { ok: false, problem: "expired" }],
  ])("judges %s", (_name, change, verdict) => {
    expect(checkForm({ ...base, ...change })).toEqual(verdict);
  });
});
