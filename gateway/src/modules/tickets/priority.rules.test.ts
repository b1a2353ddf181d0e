import { describe, expect, it } from "vitest";
import {
  DEFAULT_PRIORITY_MATRIX,
  formatMatrixRow,
  IMPACT_HELP,
  matrixFromCells,
  matrixProblems,
  parseMatrixRows,
  PRIORITY_LABEL,
  priorityMatrix,
  priorityOf,
  priorityRank,
  URGENCY_HELP,
  type MatrixProblem,
  type PriorityCell,
  type PriorityMatrix,
} from "./priority.rules.js";
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

/** A matrix written as rows of urgency HIGH, MEDIUM, LOW; each row the priorities of impact HIGH, MEDIUM, LOW. */
function matrix(rows: [string, string, string]): PriorityMatrix {
  const [h, m, l] = rows.map((r) => r.split(",") as [Priority, Priority, Priority]);
  const row = (r: [Priority, Priority, Priority]) => ({ [Impact.HIGH]: r[0], [Impact.MEDIUM]: r[1], [Impact.LOW]: r[2] });
  return { [Urgency.HIGH]: row(h!), [Urgency.MEDIUM]: row(m!), [Urgency.LOW]: row(l!) };
}

describe("a site's own matrix", () => {
  const own = matrix(["P1,P1,P2", "P2,P3,P4", "P3,P4,P5"]);

  it("rates by the site's matrix where it has one, else by seed 002's", () => {
    expect(priorityOf(Urgency.HIGH, Impact.MEDIUM, own)).toBe(Priority.P1);
    expect(priorityOf(Urgency.HIGH, Impact.MEDIUM, null)).toBe(Priority.P2);
  });

  it("lists all nine cells, urgency HIGH first, then impact HIGH first", () => {
    expect(priorityMatrix(own).map((c) => `${c.urgency}.${c.impact}=${c.priority}`)).toEqual([
      "HIGH.HIGH=P1", "HIGH.MEDIUM=P1", "HIGH.LOW=P2", "MEDIUM.HIGH=P2", "MEDIUM.MEDIUM=P3", "MEDIUM.LOW=P4", "LOW.HIGH=P3", "LOW.MEDIUM=P4", "LOW.LOW=P5",
    ]);
  });
});

describe("matrixProblems", () => {
  it.each<[string, [string, string, string]]>([
    ["seed 002's table 5", ["P1,P2,P3", "P2,P3,P4", "P3,P4,P5"]],
    ["a flat matrix", ["P3,P3,P3", "P3,P3,P3", "P3,P3,P3"]],
    ["a matrix that rates by urgency only", ["P1,P1,P1", "P3,P3,P3", "P5,P5,P5"]],
  ])("accepts %s", (_, rows) => {
    expect(matrixProblems(matrix(rows))).toEqual([]);
  });

  it.each<[string, [string, string, string], MatrixProblem[]]>([
    [
      "a higher urgency with a lower priority",
      ["P1,P2,P4", "P2,P3,P3", "P3,P4,P5"],
      [{ field: "HIGH.LOW", message: "urgency HIGH × impact LOW (P4) is less urgent than urgency MEDIUM × impact LOW (P3); a higher urgency may not give a lower priority." }],
    ],
    [
      "a higher impact with a lower priority",
      ["P1,P2,P3", "P2,P3,P4", "P5,P4,P5"],
      [{ field: "LOW.HIGH", message: "urgency LOW × impact HIGH (P5) is less urgent than urgency LOW × impact MEDIUM (P4); a higher impact may not give a lower priority." }],
    ],
  ])("refuses %s, naming the cell", (_, rows, problems) => {
    expect(matrixProblems(matrix(rows))).toEqual(problems);
  });

  it("names every cell of an upside-down matrix that outranks a less pressing neighbour", () => {
    expect(matrixProblems(matrix(["P5,P5,P5", "P3,P3,P3", "P1,P1,P1"])).map((p) => p.field)).toEqual(["HIGH.HIGH", "HIGH.MEDIUM", "HIGH.LOW", "MEDIUM.HIGH", "MEDIUM.MEDIUM", "MEDIUM.LOW"]);
  });
});

describe("matrixFromCells", () => {
  const all = priorityMatrix(null);

  it("reads nine cells in any order", () => {
    expect(matrixFromCells([...all].reverse())).toEqual({ matrix: DEFAULT_PRIORITY_MATRIX, problems: [] });
  });

  it.each<[string, PriorityCell[], string[]]>([
    ["a cell left out", all.slice(1), ["HIGH.HIGH"]],
    ["a cell given twice", [...all, { urgency: Urgency.LOW, impact: Impact.LOW, priority: Priority.P4 }], ["LOW.LOW"]],
    ["nothing", [], all.map((c) => `${c.urgency}.${c.impact}`)],
  ])("names %s", (_, cells, fields) => {
    expect(matrixFromCells(cells).problems.map((p) => p.field)).toEqual(fields);
  });
});

describe("parseMatrixRows and formatMatrixRow", () => {
  it("reads one row per urgency, the priorities of impact HIGH, MEDIUM, LOW", () => {
    const { cells, problems } = parseMatrixRows(["HIGH=P1,P1,P2", "medium = P2, P3, P4", "LOW=P3,P4,P5"]);
    expect(problems).toEqual([]);
    expect(matrixFromCells(cells).matrix).toEqual(matrix(["P1,P1,P2", "P2,P3,P4", "P3,P4,P5"]));
  });

  it.each(["HIGH=P1,P2", "URGENT=P1,P2,P3", "HIGH=P1,P2,P6", "P1,P2,P3"])("names the row %s that is not of that form", (row) => {
    expect(parseMatrixRows([row]).problems).toHaveLength(1);
  });

  it("writes a row as the CLI reads it", () => {
    expect(formatMatrixRow(null, Urgency.MEDIUM)).toBe("P2,P3,P4");
  });
});
