/** Days and times on the site's clock: the audit log's from/to filters take instants, its lines show the zone's time. */

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a day ("2026-12-01") starts in a time zone, as ISO text; with `end`, the last
 * millisecond of that day (the filter's `to` is inclusive). Null for text that is not a day.
 */
export function zonedDayBound(day: string, zone: string, end = false): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const midnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0));
  // The offset at the guess may differ from the offset at the answer across a DST change: look twice.
  let at = midnight - zoneOffset(midnight, zone);
  at = midnight - zoneOffset(at, zone);
  return new Date(end ? at - 1 : at).toISOString();
}

/** An instant as a date and time on the zone's clock (the reader's own when the zone is unknown here). */
export function zonedDateTime(iso: string, locale: string, zone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "medium" };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
  }
}
