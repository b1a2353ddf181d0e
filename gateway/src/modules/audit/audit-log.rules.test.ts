import { describe, expect, it } from "vitest";
import { actionMatch, auditPageProblems, decodeAuditCursor, encodeAuditCursor } from "./audit-log.rules.js";

describe("actionMatch", () => {
  it.each([
    ["site.", { prefix: "site." }],
    ["site.*", { prefix: "site." }],
    ["ticket.assign", { exact: "ticket.assign" }],
    [" Agent.Create ", { exact: "agent.create" }],
  ])("reads %s", (text, expected) => {
    expect(actionMatch(text)).toEqual(expected);
  });
});

describe("audit cursor", () => {
  it("gives back what it was given", () => {
    const c = { at: new Date("2026-11-30T04:00:00.123Z"), id: "42" };
    expect(decodeAuditCursor(encodeAuditCursor(c))).toEqual(c);
  });
  it.each([["not base64 json", "%%%"], ["a queue cursor", Buffer.from(JSON.stringify(["DUE_TIME", 1, 2, 3, "x"])).toString("base64url")], ["a bad id", Buffer.from(JSON.stringify([1, "1 OR 1"])).toString("base64url")]])(
    "refuses %s",
    (_name, text) => {
      expect(decodeAuditCursor(text)).toBeNull();
    },
  );
});

describe("auditPageProblems", () => {
  it.each([
    ["a page of 50", { first: 50 }, []],
    ["a page of 201", { first: 201 }, ["first"]],
    ["a page of 0", { first: 0 }, ["first"]],
    ["to before from", { first: 10, from: new Date("2026-02-01"), to: new Date("2026-01-01") }, ["filter.to"]],
    ["a foreign cursor", { first: 10, after: "nope" }, ["after"]],
  ])("names the fields of %s", (_name, q, fields) => {
    expect(auditPageProblems(q).map((p) => p.field)).toEqual(fields);
  });
});
