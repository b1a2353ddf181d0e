/**
 * Business time (issue 10 item 5): a site's weekly hours in its own time zone, less its
 * holidays. The SLA clock counts only this time, so a P4 logged on Friday evening is due after
 * the weekend. Due times stay absolute instants (the earliest instant at which enough business
 * time has passed), so the stored columns and the SQL that compares them keep their meaning.
 *
 * Zone math is Intl's (the tz database Node ships): an instant's local date and offset come
 * from formatToParts, and a local wall time becomes an instant by the usual two-pass offset
 * correction. A wall time inside a DST gap becomes the instant after the gap; one in a fold
 * takes the earlier offset. A shift belongs to the day it starts on: a holiday cancels the
 * shifts that start on it, including the part of an overnight shift after midnight.
 */

/** Days of the week, as the CLI and the schema write them. */
export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
/** One day of the week. */
export type Weekday = (typeof WEEKDAYS)[number];

/** One stretch of working time on a day, in minutes from local midnight; `end` past 1440 runs into the next day. */
export interface Shift {
  start: number;
  end: number;
}

/** The working time of each weekday; a day without shifts is closed. */
export type WeeklyHours = Record<Weekday, Shift[]>;

/** Everything business time needs: where, which hours, which days off (local `YYYY-MM-DD`). */
export interface BusinessCalendar {
  timeZone: string;
  week: WeeklyHours;
  holidays: ReadonlySet<string>;
}

const DAY_MIN = 1440;
const MIN_MS = 60_000;
const DAY_MS = DAY_MIN * MIN_MS;
// A calendar with an hour a week and a year-long target would run for centuries; past this the
// due time is "not within any horizon that matters" and the search stops there.
const MAX_DAYS = 366 * 30;

// ───────────────────────── zone math ─────────────────────────

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The local wall clock of `ms` in a zone, read as if it were UTC (ms since epoch). */
function wallAsUtc(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of format(timeZone).formatToParts(new Date(ms))) if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p["year"]!, p["month"]! - 1, p["day"]!, p["hour"]!, p["minute"]!, p["second"]!);
}

/** The zone's offset from UTC at an instant, in ms (local minus UTC). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtc(whole, timeZone) - whole;
}

/** A civil date as days since 1970-01-01 (its UTC midnight / DAY_MS). */
type CivilDay = number;

/** The local civil day of an instant in a zone, as days since 1970-01-01 (recaps count periods in it too). */
export function civilDayOf(ms: number, timeZone: string): CivilDay {
  return Math.floor(wallAsUtc(ms, timeZone) / DAY_MS);
}

/** The instant a local wall time (civil day + minutes) names in a zone. */
export function instantOf(day: CivilDay, minute: number, timeZone: string): number {
  const wall = day * DAY_MS + minute * MIN_MS;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return second;
}

function weekdayOf(day: CivilDay): Weekday {
  // 1970-01-01 was a Thursday.
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
}

function isoOf(day: CivilDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The shifts starting on one civil day as instants, in order; none on a holiday. */
function shiftsOn(cal: BusinessCalendar, day: CivilDay): Array<[number, number]> {
  const shifts = cal.week[weekdayOf(day)];
  if (!shifts.length || cal.holidays.has(isoOf(day))) return [];
  return shifts.map((s) => [instantOf(day, s.start, cal.timeZone), instantOf(day + Math.floor(s.end / DAY_MIN), s.end % DAY_MIN, cal.timeZone)]);
}

// ───────────────────────── arithmetic ─────────────────────────

/**
 * The earliest instant at which `ms` of business time has passed since `from`; without a
 * calendar (24×7) plain addition. Zero or less returns `from`.
 */
export function addBusinessTime(cal: BusinessCalendar | null, from: Date, ms: number): Date {
  if (!cal) return new Date(from.getTime() + ms);
  if (ms <= 0) return new Date(from.getTime());
  let cursor = from.getTime();
  let remaining = ms;
  // From the day before: an overnight shift that began yesterday may still be running.
  const first = civilDayOf(cursor, cal.timeZone) - 1;
  for (let day = first; day < first + MAX_DAYS; day++) {
    for (const [a, b] of shiftsOn(cal, day)) {
      const start = Math.max(a, cursor);
      if (b <= start) continue;
      if (b - start >= remaining) return new Date(start + remaining);
      remaining -= b - start;
      cursor = b;
    }
  }
  return new Date(cursor + remaining + MAX_DAYS * DAY_MS);
}

/** Business time from `from` to `to` in ms; 0 when `to` is not later. Without a calendar, plain difference. */
export function businessTimeBetween(cal: BusinessCalendar | null, from: Date, to: Date): number {
  const a0 = from.getTime();
  const b0 = to.getTime();
  if (b0 <= a0) return 0;
  if (!cal) return b0 - a0;
  let total = 0;
  let cursor = a0;
  const last = civilDayOf(b0, cal.timeZone);
  for (let day = civilDayOf(a0, cal.timeZone) - 1; day <= last; day++) {
    for (const [a, b] of shiftsOn(cal, day)) {
      const start = Math.max(a, cursor);
      const end = Math.min(b, b0);
      if (end <= start) continue;
      total += end - start;
      cursor = end;
    }
  }
  return total;
}

/** Business time from `from` to `to`, negative when `to` is earlier: "time left" until a due instant. */
export function businessTimeUntil(cal: BusinessCalendar | null, now: Date, due: Date): number {
  return due.getTime() >= now.getTime() ? businessTimeBetween(cal, now, due) : 0 - businessTimeBetween(cal, due, now) || 0;
}

/** Whether business time is running at `at`, and the next instant that changes (null without a calendar: always running). */
export function clockAt(cal: BusinessCalendar | null, at: Date): { running: boolean; changesAt: Date | null } {
  if (!cal) return { running: true, changesAt: null };
  const t = at.getTime();
  const first = civilDayOf(t, cal.timeZone) - 1;
  for (let day = first; day < first + MAX_DAYS; day++) {
    for (const [a, b] of shiftsOn(cal, day)) {
      if (b <= t) continue;
      return a <= t ? { running: true, changesAt: new Date(b) } : { running: false, changesAt: new Date(a) };
    }
  }
  return { running: false, changesAt: null };
}

// ───────────────────────── the text form: MON-FRI 08:00-17:00; SAT 08:00-12:00 ─────────────────────────

/** A week with every day closed. */
export function closedWeek(): WeeklyHours {
  return { MON: [], TUE: [], WED: [], THU: [], FRI: [], SAT: [], SUN: [] };
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Shifts as `08:00-12:00,13:00-17:00`; an overnight end is written as the next day's time. */
export function formatShifts(shifts: readonly Shift[]): string {
  return shifts.map((s) => `${hhmm(s.start)}-${hhmm(s.end > DAY_MIN ? s.end - DAY_MIN : s.end)}`).join(",");
}

/** A week as one line, runs of equal days joined: `MON-FRI 08:00-17:00; SAT 08:00-12:00`; closed days left out. */
export function formatWeeklyHours(week: WeeklyHours): string {
  const groups: string[] = [];
  let i = 0;
  while (i < WEEKDAYS.length) {
    const text = formatShifts(week[WEEKDAYS[i]!]);
    let j = i;
    while (j + 1 < WEEKDAYS.length && formatShifts(week[WEEKDAYS[j + 1]!]) === text) j++;
    if (text) groups.push(`${WEEKDAYS[i]}${j > i ? `-${WEEKDAYS[j]}` : ""} ${text}`);
    i = j + 1;
  }
  return groups.join("; ");
}

function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

function parseDays(text: string): Weekday[] | null {
  const days: Weekday[] = [];
  for (const raw of text.split(",")) {
    const range = raw.trim().toUpperCase().split("-").map((d) => d.trim().slice(0, 3));
    const idx = range.map((d) => WEEKDAYS.indexOf(d as Weekday));
    if (idx.some((k) => k < 0) || idx.length > 2) return null;
    const [from, to = from] = idx as [number, number?];
    // MON-FRI, or a wrap such as FRI-MON.
    for (let k = from; ; k = (k + 1) % 7) {
      if (!days.includes(WEEKDAYS[k]!)) days.push(WEEKDAYS[k]!);
      if (k === to) break;
    }
  }
  return days;
}

/**
 * Reads a week from text: groups joined by `;`, each days then shifts, e.g.
 * `MON-FRI 08:00-12:00,13:00-17:00; SAT 08:00-12:00`. A shift whose end is not after its start
 * runs overnight (`22:00-06:00`); `00:00-24:00` is the whole day. Days not named are closed.
 * Every problem is named, including those {@link validateWeeklyHours} finds.
 */
export function parseWeeklyHours(text: string): { week: WeeklyHours; problems: string[] } {
  const week = closedWeek();
  const problems: string[] = [];
  const groups = text.split(";").map((g) => g.trim()).filter((g) => g !== "");
  if (!groups.length) problems.push(`Give the hours as days and times, e.g. "MON-FRI 08:00-17:00; SAT 08:00-12:00".`);
  for (const group of groups) {
    const m = /^([A-Za-z,\-\s]+?)\s+(\d.*)$/.exec(group);
    const days = m ? parseDays(m[1]!) : null;
    if (!m || !days) {
      problems.push(`"${group}" must be days then times, e.g. "MON-FRI 08:00-17:00" (days: ${WEEKDAYS.join(", ")}).`);
      continue;
    }
    for (const range of m[2]!.split(",").map((r) => r.trim()).filter((r) => r !== "")) {
      const [a, b, ...rest] = range.split("-");
      const start = a === undefined ? null : parseTime(a);
      const end = b === undefined ? null : parseTime(b);
      if (start === null || end === null || rest.length || start >= DAY_MIN) {
        problems.push(`"${range}" in "${group}" must be a time range such as 08:00-17:00 (24-hour clock; 22:00-06:00 runs overnight).`);
        continue;
      }
      const shift = { start, end: end > start ? end : end + DAY_MIN };
      for (const d of days) week[d].push({ ...shift });
    }
  }
  for (const d of WEEKDAYS) week[d].sort((x, y) => x.start - y.start);
  if (!problems.length) problems.push(...validateWeeklyHours(week));
  return { week, problems };
}

/** Every problem with a week as a sentence for the admin; empty when valid. Overlaps are checked across midnight and from Sunday into Monday. */
export function validateWeeklyHours(week: unknown): string[] {
  const problems: string[] = [];
  if (typeof week !== "object" || week === null) return [`The weekly hours must list the shifts of each day, got ${JSON.stringify(week) ?? "nothing"}.`];
  const w = week as Partial<Record<Weekday, unknown>>;
  const spans: Array<{ day: Weekday; from: number; to: number }> = [];
  WEEKDAYS.forEach((day, i) => {
    const shifts = w[day] ?? [];
    if (!Array.isArray(shifts)) {
      problems.push(`${day}: the shifts must be a list, got ${JSON.stringify(shifts)}.`);
      return;
    }
    for (const s of shifts as Array<Partial<Shift> | null>) {
      const start = s?.start;
      const end = s?.end;
      if (typeof start !== "number" || typeof end !== "number" || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= DAY_MIN || end <= start || end - start > DAY_MIN) {
        problems.push(`${day}: a shift must start within the day and last from one minute to 24 hours, got ${JSON.stringify(s)}.`);
        continue;
      }
      spans.push({ day, from: i * DAY_MIN + start, to: i * DAY_MIN + end });
    }
  });
  if (!problems.length && !spans.length) problems.push("The weekly hours have no open time at all; to count every hour, remove the hours instead (24×7).");
  const WEEK = 7 * DAY_MIN;
  // Each span and its copy one week later, so Sunday's overnight shift meets Monday's.
  const all = [...spans, ...spans.map((s) => ({ ...s, from: s.from + WEEK, to: s.to + WEEK }))].sort((x, y) => x.from - y.from);
  for (let k = 1; k < all.length; k++) {
    const prev = all[k - 1]!;
    const cur = all[k]!;
    if (cur.from < prev.to && prev.from < WEEK) {
      problems.push(`${prev.day} ${hhmm(prev.from % DAY_MIN)}-${hhmm(prev.to % DAY_MIN)} overlaps ${cur.day} ${hhmm(cur.from % DAY_MIN)}: shifts may not overlap.`);
    }
  }
  return problems;
}

// ───────────────────────── holidays ─────────────────────────

/** Whether a text is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
