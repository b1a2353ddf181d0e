import { describe, expect, it } from "vitest";
import { IMPACT_HELP, PRIORITY_LABEL, URGENCY_HELP, priorityOf, priorityRank } from "./priority.rules.js";
import { Impact, Priority, Urgency } from "./ticket.enums.js";

describe("priorityOf", () => {
  // Seed 002, table 5: rows are urgency, columns are impact.
  it.each([
    [Urgency.HIGH, Impact.HIGH, Priority.P1],
    [Urgency.HIGH, Impact.MEDIUM, Priority.P2],
    [Urgency.HIGH, Impact.LOW, Priority.P3],
    [Urgency.MEDIUM, Impact.HIGH, Priority.P2],
    [Urgency.MEDIUM, Impact.MEDIUM, Priority.P3],
    [Urgency.MEDIUM, Impact.LOW, Priority.P4],
    [Urgency.LOW, Impact.HIGH, Priority.P3],
    [Urgency.LOW, Impact.MEDIUM, Priority.P4],
    [Urgency.LOW, Impact.LOW, Priority.P5],
  ])("rates %s urgency with %s impact as %s", (urgency, impact, expected) => {
    expect(priorityOf(urgency, impact)).toBe(expected);
  });
});

describe("PRIORITY_LABEL", () => {
  it.each([
    [Priority.P1, "Critical", "Kritis"],
    [Priority.P2, "High", "Tinggi"],
    [Priority.P3, "Medium", "Sedang"],
    [Priority.P4, "Low", "Rendah"],
    [Priority.P5, "Planning", "Perencanaan"],
  ])("names %s %s in English and %s in Indonesian", (priority, en, id) => {
    expect(PRIORITY_LABEL[priority]).toEqual({ en, id });
  });
});

describe("priorityRank", () => {
  it.each([
    [Priority.P1, 1],
    [Priority.P2, 2],
    [Priority.P3, 3],
    [Priority.P4, 4],
    [Priority.P5, 5],
  ])("ranks %s at %i", (priority, rank) => {
    expect(priorityRank(priority)).toBe(rank);
  });

  it("sorts priorities from most to least urgent", () => {
    const shuffled = [Priority.P4, Priority.P1, Priority.P5, Priority.P3, Priority.P2];
    const sorted = [...shuffled].sort((a, b) => priorityRank(a) - priorityRank(b));
    expect(sorted).toEqual([Priority.P1, Priority.P2, Priority.P3, Priority.P4, Priority.P5]);
  });
});

describe("URGENCY_HELP and IMPACT_HELP", () => {
  const helps = [
    ...Object.values(Urgency).map((u) => [`urgency ${u}`, URGENCY_HELP[u]] as const),
    ...Object.values(Impact).map((i) => [`impact ${i}`, IMPACT_HELP[i]] as const),
  ];

  it.each(helps)("gives %s the same number of points in English and Indonesian", (_, help) => {
    expect(help.en.length).toBeGreaterThan(0);
    expect(help.id.length).toBe(help.en.length);
  });

  it.each(helps)("words %s for any company, not the seed's post office", (_, help) => {
    for (const line of [...help.en, ...help.id]) {
      expect(line).not.toMatch(/Pos Indonesia|Balikpapan/i);
    }
  });
});
