import { describe, expect, it } from "vitest";
import { formatRupiah, workOrderDocument, type WorkOrderSheet } from "./work-order.document.js";
import { CostProposalStatus, PaymentMethod, PaymentStatus } from "./work-order.rules.js";

const sheet = (over: Partial<WorkOrderSheet> = {}): WorkOrderSheet => ({
  siteName: "Servis Elektronik Balikpapan",
  language: "id",
  code: "01.30112026.001",
  status: "Sedang dikerjakan",
  createdAt: "30 Nov 2026 09.00",
  customer: { name: "Rina Marlina", phone: "0812 555 0101", email: null, address: "Jl. Sudirman 5, Balikpapan Selatan" },
  service: "Servis AC",
  description: "AC tidak dingin",
  technician: "Agus Teknisi",
  findings: "Kompresor mati",
  proposal: { lines: [{ description: "Kompresor AC 1 PK", quantity: 1, unitAmount: 1_250_000 }, { description: "Freon R32 (kg)", quantity: 2, unitAmount: 175_000 }], total: 1_600_000, status: CostProposalStatus.ACCEPTED },
  payment: { status: PaymentStatus.PAID, method: PaymentMethod.TRANSFER, amount: 1_600_000 },
  printedAt: "30 Nov 2026 12.00",
  ...over,
});

describe("workOrderDocument", () => {
  it("prints seed 003's job with its cost lines and total in rupiah", () => {
    const doc = workOrderDocument(sheet());
    expect(doc.title).toBe("Perintah kerja 01.30112026.001");
    expect(doc.blocks).toContainEqual({
      kind: "table",
      columns: ["Uraian", "Jml", "Harga satuan", "Jumlah"],
      rows: [
        ["Kompresor AC 1 PK", "1", "Rp\u00a01.250.000", "Rp\u00a01.250.000"],
        ["Freon R32 (kg)", "2", "Rp\u00a0175.000", "Rp\u00a0350.000"],
        ["Total", "", "", "Rp\u00a01.600.000"],
      ],
    });
    expect(doc.blocks).toContainEqual({ kind: "heading", text: "Biaya tambahan (disetujui pelanggan)" });
    expect(doc.blocks).toContainEqual({ kind: "fields", rows: [["Status", "Lunas"], ["Metode", "Transfer bank"], ["Jumlah", "Rp\u00a01.600.000"]] });
  });

  it.each([
    ["no findings and no cost", { findings: null, proposal: null }, ["Pekerjaan", "Pelanggan", "Kerusakan", "Pembayaran"]],
    ["in English", { language: "en" as const }, ["Job", "Customer", "Fault", "What the technician found", "Extra cost (accepted by the customer)", "Payment"]],
  ])("heads the sections of a job with %s", (_, over, headings) => {
    expect(workOrderDocument(sheet(over)).blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)).toEqual(headings);
  });

  it.each([
    ["id", 0, "Rp\u00a00"],
    ["en", 1_600_000, "IDR\u00a01,600,000"],
  ] as const)("writes rupiah in %s", (language, amount, text) => {
    expect(formatRupiah(language, amount)).toBe(text);
  });
});
