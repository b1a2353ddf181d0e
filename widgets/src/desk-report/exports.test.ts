import { describe, expect, it } from "vitest";
import { exportUrl } from "./exports.js";

describe("exportUrl", () => {
  it.each<[string, "tickets.csv" | "recap.csv", Record<string, string | null>, string]>([
    ["https://desk.example/graphql", "recap.csv", { period: "DAY", from: "2026-11-29T17:00:00.000Z", to: null, lang: "id" }, "https://desk.example/exports/recap.csv?period=DAY&from=2026-11-29T17%3A00%3A00.000Z&lang=id"],
    ["/graphql", "tickets.csv", { from: "a", to: "b" }, "https://portal.example/exports/tickets.csv?from=a&to=b"],
    ["https://desk.example/sigap/graphql", "tickets.csv", {}, "https://desk.example/sigap/exports/tickets.csv"],
  ])("%s → %s %j is %s", (endpoint, file, params, expected) => {
    expect(exportUrl(endpoint, file, params, "https://portal.example/intranet/report.html")).toBe(expected);
  });
});
