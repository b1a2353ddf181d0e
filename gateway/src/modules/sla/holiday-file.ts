/**
 * Holiday files (`gateway/data/holidays-*.json`): holidays as data a site imports with
 * `sigap site:holidays --import`. The shipped `id` file lists Indonesia's national holidays and
 * cuti bersama with where each year's dates come from; provisional dates are flagged.
 */
import { readFile } from "node:fs/promises";
import { isIsoDate } from "./business-time.rules.js";
import type { Holiday } from "./business-hours.service.js";

/** One listed day: a national holiday or a collective leave day (cuti bersama), possibly an estimate. */
export interface HolidayFileEntry extends Holiday {
  kind: "NATIONAL" | "CUTI_BERSAMA";
  provisional?: boolean;
}

/** What an import takes from a file. */
export interface HolidaySelection {
  holidays: HolidayFileEntry[];
  /** Days that are estimates, to be checked against the official decree. */
  provisional: HolidayFileEntry[];
  /** Where the selected years' dates come from, per year. */
  sources: Record<string, string>;
}

/** The shipped files by name; `--import` also takes a path to a file of the same shape. */
export const BUNDLED_HOLIDAY_FILES: Readonly<Record<string, URL>> = Object.freeze({
  // src/modules/sla and dist/modules/sla both sit three levels under gateway/.
  id: new URL("../../../data/holidays-id.json", import.meta.url),
});

/** Reads a holiday file's entries of some years (all when none), national ones only unless cuti bersama are asked for; throws a sentence on a bad file. */
export function selectHolidays(json: unknown, options: { years?: readonly number[]; cutiBersama?: boolean } = {}): HolidaySelection {
  const doc = (typeof json === "object" && json !== null ? json : {}) as { holidays?: unknown; sources?: unknown };
  if (!Array.isArray(doc.holidays)) throw new Error("A holiday file must have a \"holidays\" list.");
  const holidays: HolidayFileEntry[] = [];
  doc.holidays.forEach((raw: unknown, i) => {
    const e = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<Record<keyof HolidayFileEntry, unknown>>;
    if (typeof e.day !== "string" || !isIsoDate(e.day) || typeof e.name !== "string" || (e.kind !== "NATIONAL" && e.kind !== "CUTI_BERSAMA")) {
      throw new Error(`Holiday ${i + 1} of the file needs a day (YYYY-MM-DD), a name and a kind (NATIONAL or CUTI_BERSAMA).`);
    }
    if (options.years?.length && !options.years.includes(Number(e.day.slice(0, 4)))) return;
    if (e.kind === "CUTI_BERSAMA" && !options.cutiBersama) return;
    holidays.push({ day: e.day, name: e.name, kind: e.kind, ...(e.provisional === true ? { provisional: true } : {}) });
  });
  const allSources = (typeof doc.sources === "object" && doc.sources !== null ? doc.sources : {}) as Record<string, unknown>;
  const years = [...new Set(holidays.map((h) => h.day.slice(0, 4)))];
  const sources = Object.fromEntries(years.map((y) => [y, typeof allSources[y] === "string" ? allSources[y] : "not stated"]));
  return { holidays, provisional: holidays.filter((h) => h.provisional), sources };
}

/** Reads a bundled file by name (`id`) or a file by path. */
export async function readHolidayFile(nameOrPath: string): Promise<unknown> {
  const bundled = BUNDLED_HOLIDAY_FILES[nameOrPath];
  return JSON.parse(await readFile(bundled ?? nameOrPath, "utf8")) as unknown;
}
