/**
 * The approval document (seed 004's work permit) as a PdfDocument, pure: the ticket and its
 * requester, what was approved (the service, the description, the report's field values), each
 * step's approver and time, and until when it is valid. Rendered by documents/pdf-document.
 */
import type { PdfBlock, PdfDocument } from "../documents/pdf-document.js";
import { ApprovalDecision, type DecisionRecord, type StepSnapshot } from "./approval.rules.js";

/** The document's language. */
export type DocumentLanguage = "id" | "en";

/** What the document says, read by the route. */
export interface ApprovalDocumentInput {
  site: { name: string; colour: string | null; timeZone: string };
  language: DocumentLanguage;
  ticket: { code: string; reporterName: string; reporterEmail: string | null; description: string; createdAt: Date };
  serviceName: string | null;
  /** The report's custom field values, label and display text in the document's language. */
  fields: ReadonlyArray<readonly [string, string]>;
  steps: readonly StepSnapshot[];
  decisions: readonly DecisionRecord[];
  approvedAt: Date;
  validUntil: Date;
}

const TEXT = {
  en: {
    title: "Approval",
    subtitle: (code: string) => `Work permit for request ${code}`,
    request: "Request",
    code: "Ticket",
    requester: "Requester",
    email: "E-mail",
    service: "Request item",
    requestedAt: "Requested",
    description: "What was requested",
    approvals: "Approvals",
    columns: ["Step", "Approver", "Decided", "Note"],
    validity: "Validity",
    approvedAt: "Approved",
    validUntil: "Valid until",
    footer: (code: string) => `This document approves request ${code} only, until the date above.`,
  },
  id: {
    title: "Persetujuan",
    subtitle: (code: string) => `Izin kerja untuk permintaan ${code}`,
    request: "Permintaan",
    code: "Tiket",
    requester: "Pemohon",
    email: "E-mail",
    service: "Jenis permintaan",
    requestedAt: "Diajukan",
    description: "Yang diminta",
    approvals: "Persetujuan",
    columns: ["Tahap", "Penyetuju", "Diputuskan", "Catatan"],
    validity: "Masa berlaku",
    approvedAt: "Disetujui",
    validUntil: "Berlaku sampai",
    footer: (code: string) => `Dokumen ini hanya menyetujui permintaan ${code}, sampai tanggal di atas.`,
  },
} as const;

/** A date and time in the site's zone, as people there read it. */
export function documentTime(at: Date, language: DocumentLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone }).format(at);
}

/** The approval document of an approved chain. */
export function approvalDocument(input: ApprovalDocumentInput): PdfDocument {
  const t = TEXT[input.language];
  const when = (d: Date) => documentTime(d, input.language, input.site.timeZone);
  const request: Array<readonly [string, string]> = [
    [t.code, input.ticket.code],
    [t.requester, input.ticket.reporterName],
    ...(input.ticket.reporterEmail ? [[t.email, input.ticket.reporterEmail] as const] : []),
    ...(input.serviceName ? [[t.service, input.serviceName] as const] : []),
    [t.requestedAt, when(input.ticket.createdAt)],
    ...input.fields,
  ];
  const rows = input.decisions
    .filter((d) => d.decision === ApprovalDecision.APPROVE)
    .map((d) => [`${d.step + 1}. ${input.steps[d.step]?.label[input.language] ?? ""}`, d.approverName, when(new Date(d.at)), d.reason ?? ""]);
  const blocks: PdfBlock[] = [
    { kind: "heading", text: t.request },
    { kind: "fields", rows: request },
    { kind: "heading", text: t.description },
    { kind: "paragraph", text: input.ticket.description },
    { kind: "heading", text: t.approvals },
    { kind: "table", columns: t.columns, rows },
    { kind: "heading", text: t.validity },
    { kind: "fields", rows: [[t.approvedAt, when(input.approvedAt)], [t.validUntil, when(input.validUntil)]] },
  ];
  return {
    title: t.title,
    subtitle: t.subtitle(input.ticket.code),
    brand: { name: input.site.name, colour: input.site.colour },
    language: input.language,
    blocks,
    footer: t.footer(input.ticket.code),
  };
}
