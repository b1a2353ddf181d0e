import { describe, expect, it } from "vitest";
import { ANONYMIZED_NAME, erasureRefusal, reporterKeyProblems, reporterMatches, retentionCutoff, scrubbedWebhookBody } from "./privacy.rules.js";

describe("retentionCutoff", () => {
  it.each([
    ["counts whole calendar months back", "2026-11-30T04:00:00.000Z", 6, "2026-05-30T04:00:00.000Z"],
    ["crosses a year", "2026-02-15T00:00:00.000Z", 3, "2025-11-15T00:00:00.000Z"],
    ["ends a shorter month on its last day", "2026-03-31T12:00:00.000Z", 1, "2026-02-28T12:00:00.000Z"],
    ["keeps ten years", "2026-01-01T00:00:00.000Z", 120, "2016-01-01T00:00:00.000Z"],
  ])("%s", (_name, now, months, expected) => {
    expect(retentionCutoff(new Date(now), months).toISOString()).toBe(expected);
  });
});

describe("reporterMatches", () => {
  const ticket = { reporterEmail: "budi@contoh.example", reporterPhone: "0812 3456 789" };
  it.each([
    ["the e-mail in any case", { email: "Budi@Contoh.Example" }, true],
    ["the phone written another way", { phone: "+62 812-3456-789" }, true],
    ["either of the two", { email: "other@contoh.example", phone: "081234567 89" }, true],
    ["not another e-mail", { email: "budi@contoh.exampl" }, false],
    ["not another phone", { phone: "0812 3456 788" }, false],
    ["not an empty key", {}, false],
  ])("matches %s: %s", (_name, key, expected) => {
    expect(reporterMatches(ticket, key)).toBe(expected);
  });
});

describe("reporterKeyProblems", () => {
  it.each([
    ["nothing given", {}, ["email"]],
    ["a bad e-mail", { email: "budi" }, ["email"]],
    ["a short phone", { phone: "123" }, ["phone"]],
    ["an e-mail", { email: "budi@contoh.example" }, []],
    ["a phone", { phone: "0812 3456 789" }, []],
  ])("names the fields of %s", (_name, key, fields) => {
    expect(reporterKeyProblems(key).map((p) => p.field)).toEqual(fields);
  });
});

describe("erasureRefusal", () => {
  it.each([
    ["goes ahead without open tickets", [], false, false],
    ["refuses open tickets", ["02-2611-0001"], false, true],
    ["goes ahead when told to include open tickets", ["02-2611-0001"], true, false],
  ])("%s", (_name, open, includeOpen, refused) => {
    const r = erasureRefusal(open, includeOpen);
    expect(r !== null).toBe(refused);
    if (r) for (const code of open) expect(r).toContain(code);
  });
});

describe("scrubbedWebhookBody", () => {
  const ticket = { id: "t1", code: "01.30112026.001", reporter: { name: "Budi", phone: "0812", email: "budi@contoh.example" }, description: "Printer macet" };
  it.each([
    [
      "a reporter's entry: the reporter and the entry's name go, the text stays",
      { version: 1, type: "ticket.message_added", data: { ticket, entry: { actorKind: "REPORTER", actorName: "Budi", body: "Sudah saya restart" }, detail: {} } },
      { version: 1, type: "ticket.message_added", data: { ticket: { ...ticket, reporter: { name: ANONYMIZED_NAME, phone: null, email: null } }, entry: { actorKind: "REPORTER", actorName: ANONYMIZED_NAME, body: "Sudah saya restart" }, detail: {} } },
    ],
    [
      "an agent's entry keeps the agent's name",
      { version: 1, data: { ticket, entry: { actorKind: "AGENT", actorName: "Sari" }, detail: { from: "NEW" } } },
      { version: 1, data: { ticket: { ...ticket, reporter: { name: ANONYMIZED_NAME, phone: null, email: null } }, entry: { actorKind: "AGENT", actorName: "Sari" }, detail: { from: "NEW" } } },
    ],
    ["an SLA step without an entry", { data: { ticket, entry: null } }, { data: { ticket: { ...ticket, reporter: { name: ANONYMIZED_NAME, phone: null, email: null } }, entry: null } }],
    ["a body that is not a ticket's event", { template: "receipt", to: "x@y.z" }, { template: "receipt", to: "x@y.z" }],
    ["an emptied body", {}, {}],
  ])("%s", (_what, body, scrubbed) => {
    expect(scrubbedWebhookBody(body)).toEqual(scrubbed);
  });
});
