import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { RecapPeriod } from "../recaps/recap.rules.js";
import { type Recap, RecapDimension, type RecapFigures } from "../recaps/recap.types.js";
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
});
