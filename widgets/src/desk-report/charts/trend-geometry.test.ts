import { describe, expect, it } from "vitest";
import { CHART, trendGeometry } from "./trend-geometry.js";

const base = CHART.height - CHART.bottom;

describe("trendGeometry", () => {
  it("draws two bars a step from the zero line, in proportion, and the backlog as a line through each step", () => {
    const g = trendGeometry([
      { start: "a", ticketsIn: 4, resolved: 2, backlog: 1 },
      { start: "b", ticketsIn: 0, resolved: 4, backlog: 3 },
    ]);
    expect(g.bars).toHaveLength(2);
    const [first, second] = g.bars as [(typeof g.bars)[0], (typeof g.bars)[0]];
    expect(first.in.y + first.in.height).toBeCloseTo(base);
    expect(first.in.height).toBeCloseTo(first.resolved.height * 2);
    expect(second.in.height).toBe(0);
    expect(second.x).toBeGreaterThan(first.x);
    expect(g.backlog).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
  });

  it.each<[number, number[]]>([
    [0, [0, 1]], // counts are whole: no ticks between
    [37, [0, 10, 20, 30, 40]],
  ])("a largest count of %s gives the ticks %j", (max, ticks) => {
    expect(trendGeometry([{ start: "a", ticketsIn: max, resolved: 0, backlog: 0 }]).ticks.map((t) => t.value)).toEqual(ticks);
  });
});
