import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS } from "../../http/limits/limits.rules.js";
import { keyStanding, liveKeys, originList, overlapProblem, overridesFrom, parseOrigin, RATE_LIMIT_KEYS, rateLimitRows, uploadLimitProblems } from "./site-access.rules.js";

const NOW = new Date("2026-11-30T05:00:00Z");
const site = (validUntil: string | null) => ({ siteKey: "pk_new", previousSiteKey: validUntil ? "pk_old" : null, previousKeyValidUntil: validUntil ? new Date(validUntil) : null });

describe("keyStanding", () => {
  it.each<[string, ReturnType<typeof site>, string, "current" | "previous" | null]>([
    ["the current key", site(null), "pk_new", "current"],
    ["the previous key within its overlap", site("2026-11-30T06:00:00Z"), "pk_old", "previous"],
    ["the previous key a millisecond before it ends", site("2026-11-30T05:00:00.001Z"), "pk_old", "previous"],
    ["the previous key the instant it ends", site("2026-11-30T05:00:00Z"), "pk_old", null],
    ["the previous key after its overlap", site("2026-11-30T04:00:00Z"), "pk_old", null],
    ["an unknown key", site("2026-11-30T06:00:00Z"), "pk_other", null],
  ])("%s", (_, s, key, expected) => {
    expect(keyStanding(s, key, NOW)).toBe(expected);
  });

  it("lists the live keys, current first", () => {
    expect(liveKeys(site("2026-11-30T06:00:00Z"), NOW)).toEqual(["pk_new", "pk_old"]);
    expect(liveKeys(site("2026-11-30T04:00:00Z"), NOW)).toEqual(["pk_new"]);
  });
});

describe("overlapProblem", () => {
  it.each<[number, boolean]>([[0, true], [24, true], [720, true], [721, false], [-1, false], [1.5, false]])("overlap %d ok: %s", (hours, ok) => {
    expect(overlapProblem(hours) === null).toBe(ok);
  });
});

describe("parseOrigin", () => {
  it.each<[string, string | null]>([
    ["https://company.example", "https://company.example"],
    ["https://company.example/", "https://company.example"],
    ["HTTPS://Company.Example:8443", "https://company.example:8443"],
    ["https://company.example:443", "https://company.example"],
    ["http://localhost:5173", "http://localhost:5173"],
    ["http://127.0.0.1:4000", "http://127.0.0.1:4000"],
    ["http://[::1]:4000", "http://[::1]:4000"],
    ["http://company.example", null],
    ["https://company.example/portal", null],
    ["https://company.example/?a=1", null],
    ["https://company.example#x", null],
    ["https://user@company.example", null],
    ["ftp://company.example", null],
    ["company.example", null],
    ["", null],
  ])("%s → %s", (given, expected) => {
    const parsed = parseOrigin(given);
    expect("origin" in parsed ? parsed.origin : null).toBe(expected);
  });

  it("normalizes a list, drops duplicates and names each bad origin", () => {
    const { value, problems } = originList(["https://a.example/", "https://A.example", "http://b.example", "https://c.example/x"]);
    expect(value).toEqual(["https://a.example"]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/must use https/), expect.stringMatching(/no path/)]);
  });
});

describe("uploadLimitProblems", () => {
  const CAP = 25 * 1024 * 1024;
  it.each<[string, Parameters<typeof uploadLimitProblems>[0], string[]]>([
    ["good limits", { maxUploadBytes: CAP, maxAttachmentsPerTicket: 20, allowedUploadTypes: ["image/png", "text/plain", "application/pdf"] }, []],
    ["no files at all", { maxAttachmentsPerTicket: 0 }, []],
    ["a file past the cap", { maxUploadBytes: CAP + 1 }, ["maxUploadBytes"]],
    ["a zero size", { maxUploadBytes: 0 }, ["maxUploadBytes"]],
    ["21 files", { maxAttachmentsPerTicket: 21 }, ["maxAttachmentsPerTicket"]],
    ["a type the sniffer cannot name", { allowedUploadTypes: ["image/png", "text/html"] }, ["allowedUploadTypes"]],
    ["a program", { allowedUploadTypes: ["application/x-msdownload"] }, ["allowedUploadTypes"]],
    ["no types", { allowedUploadTypes: [] }, ["allowedUploadTypes"]],
  ])("%s", (_, patch, fields) => {
    expect(uploadLimitProblems(patch, CAP).map((p) => p.field)).toEqual(fields);
  });
});

describe("rate limit rows", () => {
  it("shows every overridable setting with the deployment's value and the site's own", () => {
    const rows = rateLimitRows({ reports: { perAddress: { points: 50, seconds: 3600 } } }, { reports: { perSite: { points: 10, seconds: 60 } }, formMinSeconds: 0 });
    expect(rows.map((r) => r.key)).toEqual(RATE_LIMIT_KEYS);
    expect(rows).toHaveLength(16);
    expect(rows[0]).toEqual({ key: "reports.perAddress", default: { points: 50, seconds: 3600 }, override: null });
    expect(rows[1]).toEqual({ key: "reports.perSite", default: DEFAULT_RATE_LIMITS.reports.perSite, override: { points: 10, seconds: 60 } });
    expect(rows.at(-1)).toEqual({ key: "formMinSeconds", default: { points: null, seconds: 3 }, override: { points: null, seconds: 0 } });
  });

  it.each<[string, Parameters<typeof overridesFrom>[0], unknown, number]>([
    ["nothing: back to the deployment's", [], null, 0],
    ["a budget and the fill time", [{ key: "reports.perAddress", points: 40, seconds: 3600 }, { key: "formMinSeconds", seconds: 5 }], { reports: { perAddress: { points: 40, seconds: 3600 } }, formMinSeconds: 5 }, 0],
    ["both scopes of one limit", [{ key: "uploads.perAddress", points: 1, seconds: 60 }, { key: "uploads.perSite", points: 9, seconds: 60 }], { uploads: { perAddress: { points: 1, seconds: 60 }, perSite: { points: 9, seconds: 60 } } }, 0],
    ["an unknown key", [{ key: "reports.perPlanet", points: 1, seconds: 1 }], null, 1],
    ["a key twice", [{ key: "formMinSeconds", seconds: 1 }, { key: "formMinSeconds", seconds: 2 }], { formMinSeconds: 1 }, 1],
    ["a budget without points", [{ key: "reports.perSite", seconds: 60 }], null, 1],
    ["points on the fill time", [{ key: "formMinSeconds", points: 3, seconds: 3 }], null, 1],
    ["a fill time past an hour", [{ key: "formMinSeconds", seconds: 3601 }], null, 1],
    ["zero points", [{ key: "reports.perSite", points: 0, seconds: 60 }], null, 1],
    ["a window past 31 days", [{ key: "reports.perSite", points: 1, seconds: 31 * 86400 + 1 }], null, 1],
  ])("%s", (_, rows, value, problems) => {
    const out = overridesFrom(rows);
    expect(out.value).toEqual(value);
    expect(out.problems).toHaveLength(problems);
  });
});
