import { describe, expect, it } from "vitest";
import { auditChange, REDACTED, REPORTER_ACTOR_NAME, reporterActor } from "./audit.rules.js";

describe("auditChange", () => {
  it.each([
    ["keeps only the fields that differ", { name: "A", level: 1 }, { name: "B", level: 1 }, { before: { name: "A" }, after: { name: "B" } }],
    ["ignores fields the change does not carry", { name: "A", level: 1 }, { level: 2 }, { before: { level: 1 }, after: { level: 2 } }],
    ["compares lists and objects by value", { origins: ["a", "b"] }, { origins: ["a", "b"] }, null],
    ["records a creation with no before", null, { name: "Jaringan", level: 2 }, { before: null, after: { name: "Jaringan", level: 2 } }],
    ["records a removal with no after", { name: "Jaringan" }, null, { before: { name: "Jaringan" }, after: null }],
    ["treats a missing before value as null", {}, { logoUrl: "https://x/l.png" }, { before: { logoUrl: null }, after: { logoUrl: "https://x/l.png" } }],
    ["never writes a secret's value", { reporterJwtSecret: null }, { reporterJwtSecret: "s3cret" }, { before: { reporterJwtSecret: null }, after: { reporterJwtSecret: REDACTED } }],
    ["writes dates as ISO text", { validUntil: null }, { validUntil: new Date("2027-01-02T03:04:05Z") }, { before: { validUntil: null }, after: { validUntil: "2027-01-02T03:04:05.000Z" } }],
    ["says nothing changed when nothing did", { active: true }, { active: true }, null],
  ])("%s", (_name, before, after, expected) => {
    expect(auditChange(before as Record<string, unknown> | null, after as Record<string, unknown> | null)).toEqual(expected);
  });
});

describe("reporterActor", () => {
  it("names no person: the trail keeps no personal data an erasure would have to reach", () => {
    expect(reporterActor()).toEqual({ kind: "REPORTER", id: null, name: REPORTER_ACTOR_NAME, ip: null });
  });
});
