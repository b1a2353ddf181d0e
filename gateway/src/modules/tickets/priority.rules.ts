import { Impact, Priority, Urgency } from "./ticket.enums.js";

/** A site's urgency × impact matrix: the priority of each pair. */
export type PriorityMatrix = Record<Urgency, Record<Impact, Priority>>;

/**
 * The urgency × impact matrix of seed 002, table 5, kept as a literal so the code reads like
 * the table it comes from; every site uses it until it sets its own.
 */
export const DEFAULT_PRIORITY_MATRIX: Readonly<Record<Urgency, Readonly<Record<Impact, Priority>>>> = {
  [Urgency.HIGH]: { [Impact.HIGH]: Priority.P1, [Impact.MEDIUM]: Priority.P2, [Impact.LOW]: Priority.P3 },
  [Urgency.MEDIUM]: { [Impact.HIGH]: Priority.P2, [Impact.MEDIUM]: Priority.P3, [Impact.LOW]: Priority.P4 },
  [Urgency.LOW]: { [Impact.HIGH]: Priority.P3, [Impact.MEDIUM]: Priority.P4, [Impact.LOW]: Priority.P5 },
};

/** The priority of an incident from its urgency and impact, by the site's matrix (null: seed 002, table 5). */
export function priorityOf(urgency: Urgency, impact: Impact, matrix: PriorityMatrix | null = null): Priority {
  return (matrix ?? DEFAULT_PRIORITY_MATRIX)[urgency][impact];
}

/** Display names of each priority in English and Indonesian (seed 002, "Keterangan kode prioritas"). */
export const PRIORITY_LABEL: Record<Priority, { en: string; id: string }> = {
  [Priority.P1]: { en: "Critical", id: "Kritis" },
  [Priority.P2]: { en: "High", id: "Tinggi" },
  [Priority.P3]: { en: "Medium", id: "Sedang" },
  [Priority.P4]: { en: "Low", id: "Rendah" },
  [Priority.P5]: { en: "Planning", id: "Perencanaan" },
};

const PRIORITY_RANK: Readonly<Record<Priority, number>> = {
  [Priority.P1]: 1,
  [Priority.P2]: 2,
  [Priority.P3]: 3,
  [Priority.P4]: 4,
  [Priority.P5]: 5,
};

/** Sort key of a priority: 1 for P1 … 5 for P5, lower is more urgent. */
export function priorityRank(p: Priority): number {
  return PRIORITY_RANK[p];
}

/**
 * Help text for each urgency level (seed 002, table 3), worded for any company rather than the
 * seed's Balikpapan post office.
 */
export const URGENCY_HELP: Record<Urgency, { en: string[]; id: string[] }> = {
  [Urgency.HIGH]: {
    en: [
      "The service is unavailable.",
      "The IT equipment that supports the service cannot be used.",
      "The request or report comes from the head of the office or a head of division.",
    ],
    id: [
      "Layanan tidak tersedia.",
      "Perangkat TI pendukung layanan tidak dapat digunakan.",
      "Permintaan atau laporan gangguan diajukan oleh pimpinan kantor atau kepala bidang.",
    ],
  },
  [Urgency.MEDIUM]: {
    en: [
      "The service is available only for short, unpredictable periods.",
      "The IT equipment that supports the service can be used only in a limited way.",
      "The request or report comes from an employee.",
    ],
    id: [
      "Layanan hanya tersedia sebentar dan tidak menentu.",
      "Perangkat TI pendukung layanan hanya dapat digunakan secara terbatas.",
      "Permintaan atau laporan gangguan diajukan oleh karyawan.",
    ],
  },
  [Urgency.LOW]: {
    en: [
      "The IT equipment that supports the service can still be used.",
      "The service is available but not at its best, which holds up some activities.",
    ],
    id: [
      "Perangkat TI pendukung layanan masih dapat digunakan.",
      "Layanan tersedia tetapi tidak maksimal sehingga menghambat beberapa aktivitas tertentu.",
    ],
  },
};

/** Help text for each impact level (seed 002, table 4), worded for any company. */
export const IMPACT_HELP: Record<Impact, { en: string[]; id: string[] }> = {
  [Impact.HIGH]: {
    en: [
      "It can disrupt a core business process.",
      "Many users or employees cannot finish their work.",
      "It can disrupt a business-critical function.",
    ],
    id: [
      "Dapat mengganggu proses bisnis utama.",
      "Banyak pengguna atau karyawan tidak dapat menyelesaikan pekerjaan.",
      "Dapat mengganggu fungsi bisnis yang kritis.",
    ],
  },
  [Impact.MEDIUM]: {
    en: [
      "Users cannot carry out a particular business function as expected, but can still get it done another way.",
    ],
    id: [
      "Pengguna tidak dapat menjalankan fungsi bisnis tertentu sebagaimana mestinya, tetapi masih bisa dikerjakan dengan cara lain.",
    ],
  },
  [Impact.LOW]: {
    en: ["It holds up the work of a single user or employee."],
    id: ["Menghambat pekerjaan pengguna atau karyawan secara perorangan."],
  },
};

/** One cell of the urgency × impact matrix. */
export interface PriorityCell {
  urgency: Urgency;
  impact: Impact;
  priority: Priority;
}

// HIGH first: a cell's more pressing neighbours come before it.
const LEVELS_U: readonly Urgency[] = [Urgency.HIGH, Urgency.MEDIUM, Urgency.LOW];
const LEVELS_I: readonly Impact[] = [Impact.HIGH, Impact.MEDIUM, Impact.LOW];

/** All nine cells of the site's matrix (null: seed 002, table 5), urgency HIGH first, then impact HIGH first. */
export function priorityMatrix(matrix: PriorityMatrix | null = null): PriorityCell[] {
  return LEVELS_U.flatMap((urgency) => LEVELS_I.map((impact) => ({ urgency, impact, priority: priorityOf(urgency, impact, matrix) })));
}

/** One problem with a matrix: the cell it concerns (`HIGH.LOW`: urgency HIGH, impact LOW) and a sentence for the admin. */
export interface MatrixProblem {
  field: string;
  message: string;
}

const cellName = (urgency: string, impact: string): string => `${urgency}.${impact}`;
const describeCell = (urgency: string, impact: string, priority?: Priority): string =>
  `urgency ${urgency} × impact ${impact}${priority ? ` (${priority})` : ""}`;

/**
 * A matrix from a list of cells that must give each urgency × impact pair exactly once, with a
 * priority P1–P5; the problems name the cells given twice, left out or unknown. Its order is
 * checked by {@link matrixProblems}.
 */
export function matrixFromCells(cells: readonly PriorityCell[]): { matrix: PriorityMatrix; problems: MatrixProblem[] } {
  const problems: MatrixProblem[] = [];
  const matrix: Partial<Record<Urgency, Partial<Record<Impact, Priority>>>> = {};
  for (const c of cells) {
    const known = LEVELS_U.includes(c.urgency) && LEVELS_I.includes(c.impact);
    if (!known || !Object.values(Priority).includes(c.priority)) {
      problems.push({ field: cellName(String(c.urgency), String(c.impact)), message: `${describeCell(String(c.urgency), String(c.impact))} → ${String(c.priority)} is not a cell of the matrix: urgency and impact are HIGH, MEDIUM or LOW, priority P1 to P5.` });
      continue;
    }
    const row = (matrix[c.urgency] ??= {});
    if (row[c.impact]) problems.push({ field: cellName(c.urgency, c.impact), message: `${describeCell(c.urgency, c.impact)} is given twice; give each cell once.` });
    else row[c.impact] = c.priority;
  }
  for (const u of LEVELS_U) {
    for (const i of LEVELS_I) {
      if (!matrix[u]?.[i]) problems.push({ field: cellName(u, i), message: `${describeCell(u, i)} is missing; a matrix gives all nine cells.` });
    }
  }
  return { matrix: matrix as PriorityMatrix, problems };
}

/**
 * Every cell that breaks the matrix's order, named: a higher urgency (same impact) or a higher
 * impact (same urgency) never gives a less urgent priority. The cell named is the more pressing
 * one, which gets the lower priority; the message names its neighbour too.
 */
export function matrixProblems(matrix: PriorityMatrix): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  for (const [ui, u] of LEVELS_U.entries()) {
    for (const [ii, i] of LEVELS_I.entries()) {
      const p = matrix[u][i];
      const lessPressing: Array<[Urgency, Impact, string]> = [];
      if (ui + 1 < LEVELS_U.length) lessPressing.push([LEVELS_U[ui + 1]!, i, "urgency"]);
      if (ii + 1 < LEVELS_I.length) lessPressing.push([u, LEVELS_I[ii + 1]!, "impact"]);
      for (const [lu, li, axis] of lessPressing) {
        const q = matrix[lu][li];
        if (priorityRank(p) > priorityRank(q)) {
          problems.push({
            field: cellName(u, i),
            message: `${describeCell(u, i, p)} is less urgent than ${describeCell(lu, li, q)}; a higher ${axis} may not give a lower priority.`,
          });
        }
      }
    }
  }
  return problems;
}

/** A matrix as `sigap site:matrix` writes a row: the priorities of impact HIGH, MEDIUM, LOW, e.g. `P1,P2,P3`. */
export function formatMatrixRow(matrix: PriorityMatrix | null, urgency: Urgency): string {
  return LEVELS_I.map((i) => priorityOf(urgency, i, matrix)).join(",");
}

/**
 * Parses `sigap site:matrix HIGH=P1,P2,P3 MEDIUM=… LOW=…` (one row per urgency, priorities for
 * impact HIGH, MEDIUM, LOW) into cells, naming each row that is not of that form.
 */
export function parseMatrixRows(items: readonly string[]): { cells: PriorityCell[]; problems: MatrixProblem[] } {
  const cells: PriorityCell[] = [];
  const problems: MatrixProblem[] = [];
  for (const item of items) {
    const match = /^\s*(HIGH|MEDIUM|LOW)\s*=\s*(P[1-5])\s*,\s*(P[1-5])\s*,\s*(P[1-5])\s*$/i.exec(item);
    if (!match) {
      problems.push({ field: item.split("=")[0]?.trim().toUpperCase() || "rows", message: `"${item}" must look like HIGH=P1,P2,P3 (an urgency, then the priorities of impact HIGH, MEDIUM and LOW)` });
      continue;
    }
    const urgency = match[1]!.toUpperCase() as Urgency;
    for (const [k, impact] of LEVELS_I.entries()) cells.push({ urgency, impact, priority: match[k + 2]!.toUpperCase() as Priority });
  }
  return { cells, problems };
}
