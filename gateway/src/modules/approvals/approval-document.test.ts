import { describe, expect, it } from "vitest";
import { ApprovalDecision, ApprovalRule, type DecisionRecord } from "./approval.rules.js";
import { approvalDocument, type ApprovalDocumentInput } from "./approval-document.js";

const steps = [
  { rule: ApprovalRule.ANY_OF, label: { en: "Supervisor", id: "Supervisor" }, approvers: [{ id: "s", name: "Sari" }] },
  { rule: ApprovalRule.ALL_OF, label: { en: "Named approvers", id: "Penyetuju yang ditunjuk" }, approvers: [{ id: "m", name: "Mira" }] },
];
const decision = (step: number, name: string, at: string, reason: string | null = null): DecisionRecord => ({ step, approverId: name, approverName: name, decision: ApprovalDecision.APPROVE, reason, at });
const input = (language: "id" | "en", email: string | null = "ops@klien.example"): ApprovalDocumentInput => ({
  site: { name: "PT Kalapa Technology", colour: null, timeZone: "Asia/Jakarta" },
  language,
  ticket: { code: "01.05012026.001", reporterName: "PT Klien", reporterEmail: email, description: "Visit rack B12", createdAt: new Date("2026-01-05T01:00:00Z") },
  serviceName: "Data centre access",
  fields: [["Branch", "Cibitung"]],
  steps,
  decisions: [decision(0, "Sari", "2026-01-05T03:00:00.000Z", "Escort at lobby"), decision(1, "Mira", "2026-01-05T04:30:00.000Z")],
  approvedAt: new Date("2026-01-05T04:30:00Z"),
  validUntil: new Date("2026-01-08T04:30:00Z"),
});

describe("approvalDocument", () => {
  it.each([
    ["en", "Approval", "Work permit for request 01.05012026.001", ["Request", "What was requested", "Approvals", "Validity"], "1. Supervisor", "8 January 2026 at 11:30"],
    ["id", "Persetujuan", "Izin kerja untuk permintaan 01.05012026.001", ["Permintaan", "Yang diminta", "Persetujuan", "Masa berlaku"], "1. Supervisor", "8 Januari 2026 pukul 11.30"],
  ] as const)("in %s: %s, %s, sections %j, step %s, valid until %s (site time)", (language, title, subtitle, headings, step, until) => {
    const doc = approvalDocument(input(language));
    expect(doc).toMatchObject({ title, subtitle, language, brand: { name: "PT Kalapa Technology" } });
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)).toEqual(headings);
    const table = doc.blocks.find((b) => b.kind === "table") as { rows: ReadonlyArray<readonly string[]> };
    expect(table.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      [step, "Sari", "Escort at lobby"],
      [language === "en" ? "2. Named approvers" : "2. Penyetuju yang ditunjuk", "Mira", ""],
    ]);
    const validity = doc.blocks.at(-1) as { rows: ReadonlyArray<readonly string[]> };
    expect(validity.rows[1]![1]).toBe(until);
  });

  it.each([
    ["with an e-mail", "ops@klien.example", ["Ticket", "Requester", "E-mail", "Request item", "Requested", "Branch"]],
    ["without one", null, ["Ticket", "Requester", "Request item", "Requested", "Branch"]],
  ])("lists the request's fields %s", (_name, email, labels) => {
    const fields = approvalDocument(input("en", email)).blocks[1] as { rows: ReadonlyArray<readonly string[]> };
    expect(fields.rows.map((r) => r[0])).toEqual(labels);
  });
});
