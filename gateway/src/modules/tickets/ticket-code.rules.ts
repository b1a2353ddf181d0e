const UNIT_PATTERN = /^[0-9A-Z]{1,6}$/;
const DAY_KEY_PATTERN = /^(\d{4})(\d{2})(\d{2})$/;
// Phones and word processors turn a typed "-" into one of these, so all of them count as a dash.
const SEPARATOR = String.raw`(?:\s*[.\-\u2010-\u2015\u2212]\s*|\s+)`;
const CODE_PATTERN = new RegExp(String.raw`^([0-9A-Z]{1,6})${SEPARATOR}(\d{2})(\d{2})(\d{4})${SEPARATOR}(\d{3,})$`);

// Building a DateTimeFormat is costly compared with using one, and codes are minted per ticket.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

// Zones change offset only on whole minutes, so one minute has one day: remember the last per zone.
const lastDay = new Map<string, { minute: number; key: string }>();

/** "YYYYMMDD" of the calendar day that `at` falls on in an IANA time zone; throws RangeError for an unknown zone. */
export function dayKey(at: Date, timeZone: string): string {
  const minute = Math.floor(at.getTime() / 60_000);
  const last = lastDay.get(timeZone);
  if (last?.minute === minute) return last.key;
  const key = computeDayKey(at, timeZone);
  lastDay.set(timeZone, { minute, key });
  return key;
}

function computeDayKey(at: Date, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const value = parts.find((p) => p.type === type)?.value;
    if (value === undefined) throw new RangeError(`Cannot read the ${type} of ${at.toISOString()} in ${timeZone}.`);
    return value;
  };
  return `${part("year").padStart(4, "0")}${part("month")}${part("day")}`;
}

/** Whether `day` (YYYYMMDD) is a real calendar date. */
export function isValidDayKey(day: string): boolean {
  const match = DAY_KEY_PATTERN.exec(day);
  if (!match) return false;
  const [, year, month, date] = match.map(Number);
  if (year === undefined || month === undefined || date === undefined) return false;
  // Date rolls 31 February over into March, so a round trip exposes impossible dates.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, date);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === date;
}

function isValidSequence(sequence: number): boolean {
  return Number.isSafeInteger(sequence) && sequence >= 1;
}

/** The canonical code `unit.DDMMYYYY.sequence`, the sequence zero-padded to at least 3 digits; throws RangeError on bad parts. */
export function formatTicketCode(unit: string, day: string, sequence: number): string {
  if (!isValidSequence(sequence)) {
    throw new RangeError(`Sequence must be a whole number from 1, got ${String(sequence)}.`);
  }
  return `${ticketCodePrefix(unit, day)}${String(sequence).padStart(SEQUENCE_DIGITS, "0")}`;
}

/** The fewest digits a code's sequence is written with (zero-padded). */
export const SEQUENCE_DIGITS = 3;

/**
 * What a code of the unit's day says before its sequence (`unit.DDMMYYYY.`): the database
 * writes a report's code from it and the sequence it takes at commit (tickets/ticket-codes.ts),
 * by the same rule as {@link formatTicketCode}; throws RangeError on bad parts.
 */
export function ticketCodePrefix(unit: string, day: string): string {
  if (!isValidUnitCode(unit)) {
    throw new RangeError(`Unit code must be 1 to 6 digits or uppercase letters, got ${JSON.stringify(unit)}.`);
  }
  if (!isValidDayKey(day)) {
    throw new RangeError(`Day must be a real calendar date written YYYYMMDD, got ${JSON.stringify(day)}.`);
  }
  return `${unit}.${day.slice(6, 8)}${day.slice(4, 6)}${day.slice(0, 4)}.`;
}

/**
 * The parts of a ticket code, or null when it is not one; accepts dashes or spaces for the dots
 * (codes are read aloud and retyped) but nothing else that differs from the canonical form.
 */
export function parseTicketCode(code: string): { unit: string; day: string; sequence: number } | null {
  const match = CODE_PATTERN.exec(code.trim());
  if (!match) return null;
  const [, unit = "", dd = "", mm = "", yyyy = "", digits = ""] = match;
  const day = `${yyyy}${mm}${dd}`;
  const sequence = Number(digits);
  if (!isValidDayKey(day) || !isValidSequence(sequence)) return null;
  // "0003" and "003" would name the same ticket; only the form we issue is accepted.
  if (digits !== String(sequence).padStart(3, "0")) return null;
  return { unit, day, sequence };
}

/** The canonical `unit.DDMMYYYY.sequence` form of a code, or null when it is not a ticket code. */
export function normalizeTicketCode(code: string): string | null {
  const parts = parseTicketCode(code);
  return parts && formatTicketCode(parts.unit, parts.day, parts.sequence);
}

/** Whether a unit code is 1–6 digits or uppercase letters, short enough to read aloud. */
export function isValidUnitCode(unit: string): boolean {
  return UNIT_PATTERN.test(unit);
}

/** Whether the runtime knows this IANA time zone, so dayKey can use it. */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.trim() === "") return false;
  try {
    dayFormat(tz);
    return true;
  } catch {
    return false;
  }
}
