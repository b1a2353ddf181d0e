import type { ValueTransformer } from "typeorm";

/** Both drivers give back BIGINT as a string; the values we keep in them fit a JS number. */
export const bigintAsNumber: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null ? null : Number(v)),
};

/** Millisecond timestamps on MySQL (`DATETIME(3)`); SQLite keeps the milliseconds in its text form. */
export const TIMESTAMP = { type: "datetime", precision: 3 } as const;

/** A timestamp as a raw query returns it: a Date from mysql2 (zone Z), or SQLite's UTC text "YYYY-MM-DD HH:MM:SS.sss". */
export function rawInstant(v: Date | string): Date {
  return v instanceof Date ? v : new Date(`${v.replace(" ", "T")}Z`);
}
