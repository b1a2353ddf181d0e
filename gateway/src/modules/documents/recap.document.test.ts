import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { RecapPeriod } from "../recaps/recap.rules.js";
import { type Recap, RecapDimension, type RecapFigures } from "../recaps/recap.types.js";
import { PaymentMethod } from "../workorders/work-order.rules.js";
import { recapDocument, recapPeriodText, recapTitle } from "./recap.document.js";

// Only the figures the document reads matter here; the rest are null or zero.
const figures = (ticketsIn: number, resolved: number): RecapFigures => ({ ticketsIn, resolved, closed: 0, backlog: 2, satisfaction: [] }) as unknown as RecapFigures;

const recap: Recap = {
  from: new Date("2026-11-22T17:00:00Z"),
  to: new Date("2026-11-29T17:00:00Z"),
  firstDay: "2026-11-23",
  lastDay: "2026-11-29",
  timeZone: "Asia/Jakarta",
  totals: figures(12, 9),
  previous: figures(7, 7),
  breakdowns: [
    { dimension: RecapDimension.SERVICE, rows: [{ key: "s1", label: "Ipos", figures: figures(12, 9) }] },
    { dimension: RecapDimension.PRIORITY, rows: [] },
  ],
  trend: [],
  deflections: null,
  workOrders: null,
};

const ca = (count: number, amount: number) => ({ count, amount });
const workOrders = {
  workOrdersIn: 4,
  completed: 3,
  unpaidCompleted: 1,
  unpaidCompletedPaymentDue: 1,
  costsProposed: ca(3, 2_100_000),
  costsAccepted: ca(2, 1_800_000),
  costsDeclined: ca(1, 500_000),
  costsAwaiting: ca(1, 300_000),
  payments: [
    { method: PaymentMethod.TRANSFER, ...ca(1, 1_600_000) },
    { method: PaymentMethod.E_WALLET, ...ca(1, 250_000) },
    { method: PaymentMethod.CASH_ON_DELIVERY, ...ca(0, 0) },
  ],
  paid: ca(2, 1_850_000),
  refunded: ca(0, 0),
};

describe("recapDocument", () => {
  it.each([
    [RecapPeriod.WEEK, "en", "Weekly recap", "23 November 2026 – 29 November 2026"],
    [RecapPeriod.MONTH, "id", "Rekap bulanan", "23 November 2026 – 29 November 2026"],
  ] as const)("calls a %s recap in %s %j over %j", (period, lang, title, days) => {
    expect(recapTitle(period, lang)).toBe(title);
    expect(recapPeriodText(recap, lang)).toBe(days);
    expect(recapDocument(recap, { siteName: "PT Contoh", language: lang, period, scope: "Site" }).title).toBe(`${title} · PT Contoh`);
  });

  it.each([
    // language, text the document holds
    ["en", ["Tickets in", "12", "7"]],
    ["en", ["By service", "Ipos", "9"]],
    ["en", ["By priority", "No tickets in this period."]],
    ["id", ["Tiket masuk", "Per layanan", "Tidak ada tiket pada periode ini."]],
  ] as const)("in %s holds %j", (language, texts) => {
    const text = JSON.stringify(recapDocument(recap, { siteName: "PT Contoh", language, period: RecapPeriod.WEEK, scope: "Site" }));
    for (const t of texts) expect(text).toContain(t);
  });

  it("writes a figure the recap has none of as a dash, beside this and the previous period's values", () => {
    const doc = recapDocument(recap, { siteName: "PT Contoh", language: "en", period: RecapPeriod.WEEK, scope: "Site" });
    const headline = doc.blocks.find((b) => b.kind === "table");
    expect(headline?.kind === "table" && headline.rows[0]).toEqual(["Tickets in", "12", "7"]);
    expect(headline?.kind === "table" && headline.rows.find((r) => r[0] === "Satisfaction: service (mean)")).toEqual(["Satisfaction: service (mean)", "–", "–"]);
  });

  it.each([
    ["en", 3, [["Scope", "Site"], ["Reports solved by an article (no ticket made)", "3"]]],
    ["id", 0, [["Cakupan", "Site"], ["Laporan selesai lewat artikel (tanpa tiket)", "0"]]],
    ["en", null, [["Scope", "Site"]]],
  ] as const)("in %s names a site recap's %j deflections beside its scope (a group's recap has none)", (language, deflections, rows) => {
    const doc = recapDocument({ ...recap, deflections }, { siteName: "PT Contoh", language, period: RecapPeriod.WEEK, scope: "Site" });
    expect(doc.blocks[0]).toEqual({ kind: "fields", rows });
  });

  it("ends with the work orders' costs and payments only when the recap has work orders", () => {
    const meta = { siteName: "PT Contoh", language: "id", period: RecapPeriod.WEEK, scope: "Site" } as const;
    expect(JSON.stringify(recapDocument(recap, meta))).not.toContain("Work order");
    const doc = recapDocument({ ...recap, workOrders: { totals: workOrders, breakdowns: [{ dimension: RecapDimension.LOCATION, rows: [{ key: "Balikpapan Selatan", label: "Balikpapan Selatan", figures: workOrders }] }] } }, meta);
    const tables = doc.blocks.filter((b) => b.kind === "table");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => b.kind === "heading" && b.text)).toEqual(["Angka utama", "Per layanan", "Per prioritas", "Work order", "Work order · per kecamatan"]);
    const totals = tables.at(-2)!;
    expect(totals.kind === "table" && totals.rows.slice(0, 2)).toEqual([["Work order masuk", "4", "–"], ["Selesai dikerjakan", "3", "–"]]);
    expect(totals.kind === "table" && totals.rows.find((r) => r[0] === "Dibayar via transfer bank")).toEqual(["Dibayar via transfer bank", "1", "Rp\u00a01.600.000"]);
    const byPlace = tables.at(-1)!;
    expect(byPlace.kind === "table" && byPlace.rows).toEqual([["Balikpapan Selatan", "4", "3", "1", "Rp\u00a01.800.000", "Rp\u00a01.850.000"]]);
  });
});
