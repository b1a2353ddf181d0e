import { describe, expect, it } from "vitest";
import { systemNote, systemWroteText, type NoteSource } from "./system-note.rules.js";
import { TicketEventKind as K } from "./ticket.enums.js";

describe("systemNote", () => {
  it.each<[string, NoteSource, string | null, string | null]>([
    ["response target missed", { kind: K.AUTO_ESCALATED, data: { reason: "RESPONSE_TARGET_MISSED", escalationKind: "HIERARCHICAL" } }, "The response target passed without a response.", "Batas waktu tanggapan terlewati tanpa tanggapan."],
    ["resolution target missed, next line", { kind: K.AUTO_ESCALATED, data: { reason: "RESOLUTION_TARGET_MISSED", escalationKind: "FUNCTIONAL" } }, "The resolution target passed.", "Batas waktu penyelesaian terlewati."],
    ["resolution target missed at the last line", { kind: K.AUTO_ESCALATED, data: { reason: "RESOLUTION_TARGET_MISSED", escalationKind: "HIERARCHICAL" } }, "The resolution target passed at the highest support level.", "Batas waktu penyelesaian terlewati di lini dukungan tertinggi."],
    ["closed after 72 quiet hours", { kind: K.CLOSED, data: { reason: "AUTO_CLOSED", hours: 72 } }, "Closed automatically: no word from the reporter for 72 hours after resolution.", "Ditutup otomatis: tidak ada kabar dari pelapor selama 72 jam setelah penyelesaian."],
    ["closed after 1 quiet hour", { kind: K.CLOSED, data: { reason: "AUTO_CLOSED", hours: 1 } }, "Closed automatically: no word from the reporter for 1 hour after resolution.", "Ditutup otomatis: tidak ada kabar dari pelapor selama 1 jam setelah penyelesaian."],
    ["withdrawn", { kind: K.CANCELLED, data: { reason: "WITHDRAWN" } }, "Withdrawn by the reporter.", "Ditarik kembali oleh pelapor."],
    ["approval step to managers", { kind: K.APPROVAL_REQUESTED, data: { step: 2, fallbackRole: "MANAGER" } }, "Nobody step 2 names can decide it now, so the site's managers are asked instead.", "Tidak ada yang ditunjuk langkah 2 yang dapat memutuskan saat ini, jadi manajer situs yang diminta."],
    ["approval step to administrators", { kind: K.APPROVAL_REQUESTED, data: { step: 1, fallbackRole: "ADMIN" } }, "Nobody step 1 names can decide it now, so the site's administrators are asked instead.", "Tidak ada yang ditunjuk langkah 1 yang dapat memutuskan saat ini, jadi administrator situs yang diminta."],
    ["approval step asking its own approvers", { kind: K.APPROVAL_REQUESTED, data: { step: 1 } }, null, null],
    ["a hold's reason is the status's own label", { kind: K.STATUS_CHANGED, data: { reason: "REPORTER" } }, null, null],
    ["an agent's reply", { kind: K.AGENT_REPLY, data: null }, null, null],
  ])("%s", (_, entry, en, id) => {
    const note = systemNote(entry);
    expect(note?.en ?? null).toBe(en);
    expect(note?.id ?? null).toBe(id);
  });
});

describe("systemWroteText", () => {
  it.each<[string, NoteSource, boolean]>([
    ["the ladder's text says whom it alerted, and stays", { kind: K.AUTO_ESCALATED, data: { reason: "RESPONSE_TARGET_MISSED" } }, false],
    ["an approval fallback's English sentence is replaced", { kind: K.APPROVAL_REQUESTED, data: { fallbackRole: "MANAGER", step: 1 } }, true],
    ["a withdrawal's text is the reporter's own words", { kind: K.CANCELLED, data: { reason: "WITHDRAWN" } }, false],
    ["a person's reply stays", { kind: K.AGENT_REPLY, data: null }, false],
  ])("%s", (_, entry, replaced) => {
    expect(systemWroteText(entry)).toBe(replaced);
  });
});
