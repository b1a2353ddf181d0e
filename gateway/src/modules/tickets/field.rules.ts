/**
 * Text field limits and patterns, counted as the databases count them: MariaDB's utf8mb4
 * VARCHAR(n) holds n characters (code points) and SQLite's length() counts the same, while a
 * JavaScript string's `length` counts UTF-16 units (an emoji is 2). Every TEXT column Sigap writes
 * has a limit of at most 5,000 characters, which at 4 bytes each (20,000 bytes) fits TEXT's
 * 65,535 bytes: a long value is refused here, never cut and never a "Data too long" from the driver.
 */

/** Longest reply, note, reason or resolution, in characters. */
export const TEXT_LIMIT = 5000;

/** Characters in a string as the databases count them (code points, not UTF-16 units). */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** One field's limits, as the gateway validates it and as the report form is told (`PublicSite.reportFields`). */
export interface FieldRule {
  field: string;
  /** Fewest characters, when the field is given. */
  minLength: number | null;
  maxLength: number;
  /** A pattern the whole value must match, or null. */
  pattern: RegExp | null;
  /** What the pattern allows, in words: "may contain only …". */
  patternHint: string | null;
  /** Required by the gateway itself. */
  required: boolean;
}

function rule(field: string, maxLength: number, extra: Partial<FieldRule> = {}): FieldRule {
  return { field, minLength: null, maxLength, pattern: null, patternHint: null, required: false, ...extra };
}

/** The report form's text fields (seed 002, figure 9), in form order; the input validation reads them. */
export const REPORT_FIELD_RULES: readonly FieldRule[] = Object.freeze([
  rule("reporterName", 120, { minLength: 1, required: true }),
  rule("reporterPhone", 40, { minLength: 6, pattern: /^\+?[0-9 ().-]*$/, patternHint: "digits, spaces and + ( ) . -" }),
  rule("reporterEmail", 254, { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, patternHint: "an e-mail address like name@example.com" }),
  rule("location", 255),
  rule("kelurahan", 80),
  rule("kecamatan", 80),
  rule("problemType", 120),
  rule("description", TEXT_LIMIT, { minLength: 1, required: true }),
  rule("systemState", 2000),
  rule("stepsTried", 2000),
]);

/** The rule of one report field by name. */
export function reportFieldRule(field: string): FieldRule {
  const found = REPORT_FIELD_RULES.find((r) => r.field === field);
  if (!found) throw new Error(`No report field rule for ${field}`);
  return found;
}

/** What is wrong with a value under a rule, as a sentence naming the field; null when it is fine. */
export function fieldProblem(r: FieldRule, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return r.required ? `${r.field} is required` : null;
  // UTF-16 units bound code points from above (and twice them from below): most values need no count.
  const n = value.length <= r.maxLength && (r.minLength === null || value.length >= 2 * r.minLength) ? Math.min(value.length, r.maxLength) : charCount(value);
  if (r.required && !value.trim()) return `${r.field} is required`;
  if (r.minLength !== null && n < r.minLength) return `${r.field} is too short: at least ${r.minLength} character${r.minLength === 1 ? "" : "s"}`;
  if (n > r.maxLength) return `${r.field} is too long: at most ${r.maxLength} characters`;
  if (r.pattern && !r.pattern.test(value)) {
    return r.patternHint?.startsWith("digits") ? `${r.field} may contain only ${r.patternHint}` : `${r.field} must be ${r.patternHint}`;
  }
  return null;
}

/** A free text field's problem (required or not, at most `max` characters); null when it is fine. */
export function textProblem(field: string, value: string | null | undefined, max = TEXT_LIMIT, required = false): string | null {
  return fieldProblem(rule(field, max, { required, minLength: required ? 1 : null }), value);
}
