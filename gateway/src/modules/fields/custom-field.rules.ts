/**
 * Custom fields of a site: what a definition may say, and whether a report's values fit the
 * definitions in scope. The one place both rules live; the gateway's admin surface, the CLI and
 * the report path call these, and the widgets read the definitions from the schema.
 */
import { charCount } from "../tickets/field.rules.js";

/** The kinds of value a custom field holds. */
export enum CustomFieldType {
  TEXT = "TEXT",
  NUMBER = "NUMBER",
  DATE = "DATE",
  CHOICE = "CHOICE",
  MULTI_CHOICE = "MULTI_CHOICE",
  YES_NO = "YES_NO",
}

/** One allowed value of a CHOICE or MULTI_CHOICE field, with its labels. */
export interface FieldChoice {
  /** Stable: stored on tickets and filtered on; labels may change, the value never does. */
  value: string;
  id: string;
  en: string;
}

/** A field as the rules see it (stored or about to be). */
export interface FieldDefinition {
  key: string;
  type: CustomFieldType;
  labelId: string;
  labelEn: string;
  helpId: string | null;
  helpEn: string | null;
  required: boolean;
  choices: FieldChoice[];
  /** TEXT only: most characters (as the databases count them), at most {@link MAX_TEXT_LENGTH}. */
  maxLength: number | null;
  /** NUMBER only. */
  min: number | null;
  max: number | null;
  /** DATE only, YYYY-MM-DD. */
  minDate: string | null;
  maxDate: string | null;
  /** The services the field is asked for; null: every report. A list so request types can join it later. */
  serviceIds: string[] | null;
  retired: boolean;
}

/** One problem, naming the input field (`key`, `choices.1.value`, `fields.floor`…). */
export interface RuleProblem {
  field: string;
  message: string;
}

/** Longest TEXT value a definition may allow. */
export const MAX_TEXT_LENGTH = 1000;
/** A TEXT field's length when the definition gives none. */
export const DEFAULT_TEXT_LENGTH = 255;
/** Most fields a site may define (retired ones count: their values stay on tickets). */
export const MAX_FIELDS_PER_SITE = 50;
/** Most choices of one field. */
export const MAX_CHOICES = 50;
/** Longest label, help text and choice value / label, in characters. */
export const LABEL_LIMIT = 120;
export const HELP_LIMIT = 500;
export const CHOICE_VALUE_LIMIT = 64;

const KEY = /^[a-z][a-z0-9_-]{0,39}$/;
const CHOICE_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

/** The stored value of YES_NO's answers. */
export const YES = "true";
export const NO = "false";

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Everything wrong with a definition; `taken` holds the site's other keys. An empty list: it may be saved. */
export function definitionProblems(def: FieldDefinition, taken: ReadonlySet<string> = new Set()): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!KEY.test(def.key)) add("key", `key must be 1–40 of a-z 0-9 _ - starting with a letter, e.g. floor or asset_tag; got "${def.key}"`);
  else if (taken.has(def.key)) add("key", `key "${def.key}" is already a field of this site`);
  for (const [field, value] of [
    ["labelId", def.labelId],
    ["labelEn", def.labelEn],
  ] as const) {
    if (!value.trim()) add(field, `${field} is required`);
    else if (charCount(value) > LABEL_LIMIT) add(field, `${field} is too long: at most ${LABEL_LIMIT} characters`);
  }
  for (const [field, value] of [
    ["helpId", def.helpId],
    ["helpEn", def.helpEn],
  ] as const) {
    if (value !== null && charCount(value) > HELP_LIMIT) add(field, `${field} is too long: at most ${HELP_LIMIT} characters`);
  }
  const choice = def.type === CustomFieldType.CHOICE || def.type === CustomFieldType.MULTI_CHOICE;
  if (choice) {
    if (def.choices.length < 1) add("choices", `a ${def.type} field needs at least one choice`);
    if (def.choices.length > MAX_CHOICES) add("choices", `at most ${MAX_CHOICES} choices`);
    const seen = new Set<string>();
    def.choices.forEach((c, i) => {
      if (!CHOICE_VALUE.test(c.value)) add(`choices.${i}.value`, `a choice value is 1–64 of A-Z a-z 0-9 _ . - starting with a letter or digit; got "${c.value}"`);
      else if (seen.has(c.value)) add(`choices.${i}.value`, `choice value "${c.value}" is given twice`);
      seen.add(c.value);
      for (const lang of ["id", "en"] as const) {
        if (!c[lang].trim()) add(`choices.${i}.${lang}`, `choice "${c.value}" needs a label in ${lang === "id" ? "Indonesian" : "English"}`);
        else if (charCount(c[lang]) > LABEL_LIMIT) add(`choices.${i}.${lang}`, `a choice label is at most ${LABEL_LIMIT} characters`);
      }
    });
  } else if (def.choices.length) add("choices", `only CHOICE and MULTI_CHOICE fields have choices, not ${def.type}`);
  if (def.type === CustomFieldType.TEXT) {
    if (def.maxLength !== null && (!Number.isInteger(def.maxLength) || def.maxLength < 1 || def.maxLength > MAX_TEXT_LENGTH)) {
      add("maxLength", `maxLength must be 1 to ${MAX_TEXT_LENGTH}`);
    }
  } else if (def.maxLength !== null) add("maxLength", `only TEXT fields have a maxLength, not ${def.type}`);
  if (def.type === CustomFieldType.NUMBER) {
    for (const [field, n] of [
      ["min", def.min],
      ["max", def.max],
    ] as const) {
      if (n !== null && (!Number.isFinite(n) || !NUMBER.test(String(n)))) add(field, `${field} must be a number of at most 15 digits and 6 decimals`);
    }
    if (def.min !== null && def.max !== null && def.min > def.max) add("max", "max must not be below min");
  } else {
    if (def.min !== null) add("min", `only NUMBER fields have a min, not ${def.type}`);
    if (def.max !== null) add("max", `only NUMBER fields have a max, not ${def.type}`);
  }
  if (def.type === CustomFieldType.DATE) {
    for (const [field, d] of [
      ["minDate", def.minDate],
      ["maxDate", def.maxDate],
    ] as const) {
      if (d !== null && !isIsoDate(d)) add(field, `${field} must be a date written YYYY-MM-DD, got "${d}"`);
    }
    if (def.minDate && def.maxDate && isIsoDate(def.minDate) && isIsoDate(def.maxDate) && def.minDate > def.maxDate) add("maxDate", "maxDate must not be before minDate");
  } else {
    if (def.minDate !== null) add("minDate", `only DATE fields have a minDate, not ${def.type}`);
    if (def.maxDate !== null) add("maxDate", `only DATE fields have a maxDate, not ${def.type}`);
  }
  if (def.serviceIds !== null && !def.serviceIds.length) add("serviceIds", "serviceIds lists at least one service; leave it out (null) for every report");
  return problems;
}

/** Whether a field is asked for on a report about this service (null: no service chosen). */
export function inScope(def: Pick<FieldDefinition, "serviceIds" | "retired">, serviceId: string | null): boolean {
  if (def.retired) return false;
  return def.serviceIds === null || (serviceId !== null && def.serviceIds.includes(serviceId));
}

/** One value as a report sends it: MULTI_CHOICE repeats the key once per chosen value. */
export interface GivenValue {
  key: string;
  value: string;
}

/** A value to store: one row per value (a MULTI_CHOICE field gives several). */
export interface StoredValue {
  key: string;
  value: string;
}

/**
 * Checks a report's custom field values against the site's fields in scope for its service,
 * and returns the rows to store (canonical: trimmed text, numbers as written without noise,
 * MULTI_CHOICE deduplicated in the field's choice order). A value for an unknown, retired or
 * out-of-scope field is refused, never silently dropped: the form offered something the gateway
 * does not accept, and the reporter should hear it. Empty values count as not given. Without
 * `requireAll` (mail-in reports, which cannot answer a form's questions) required fields may be absent.
 */
export function checkValues(
  defs: readonly FieldDefinition[],
  serviceId: string | null,
  given: readonly GivenValue[],
  requireAll = true,
): { rows: StoredValue[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const byKey = new Map<string, string[]>();
  for (const g of given) {
    const v = g.value.trim();
    const list = byKey.get(g.key) ?? [];
    if (v) list.push(v);
    byKey.set(g.key, list);
  }
  const known = new Map(defs.map((d) => [d.key, d]));
  for (const key of byKey.keys()) {
    const def = known.get(key);
    if (!def) problems.push({ field: `fields.${key}`, message: `"${key}" is not a field of this site` });
    else if (def.retired) problems.push({ field: `fields.${key}`, message: `${def.labelEn} is no longer asked for` });
    else if (!inScope(def, serviceId)) problems.push({ field: `fields.${key}`, message: `${def.labelEn} is not asked for ${serviceId ? "this service" : "a report without a service"}` });
  }
  const rows: StoredValue[] = [];
  for (const def of defs) {
    if (!inScope(def, serviceId)) continue;
    const values = byKey.get(def.key) ?? [];
    const field = `fields.${def.key}`;
    if (!values.length) {
      if (def.required && requireAll) problems.push({ field, message: `${def.labelEn} is required` });
      continue;
    }
    if (def.type !== CustomFieldType.MULTI_CHOICE && values.length > 1) {
      problems.push({ field, message: `${def.labelEn} takes one value, got ${values.length}` });
      continue;
    }
    const problem = valueProblem(def, values);
    if (problem) {
      problems.push({ field, message: problem });
      continue;
    }
    for (const value of canonical(def, values)) rows.push({ key: def.key, value });
  }
  return { rows, problems };
}

function valueProblem(def: FieldDefinition, values: string[]): string | null {
  const v = values[0]!;
  switch (def.type) {
    case CustomFieldType.TEXT: {
      const max = def.maxLength ?? DEFAULT_TEXT_LENGTH;
      return charCount(v) > max ? `${def.labelEn} is too long: at most ${max} characters` : null;
    }
    case CustomFieldType.NUMBER: {
      if (!NUMBER.test(v)) return `${def.labelEn} must be a number, like 12 or 3.5`;
      const n = Number(v);
      if (def.min !== null && n < def.min) return `${def.labelEn} must be at least ${def.min}`;
      if (def.max !== null && n > def.max) return `${def.labelEn} must be at most ${def.max}`;
      return null;
    }
    case CustomFieldType.DATE:
      if (!isIsoDate(v)) return `${def.labelEn} must be a date written YYYY-MM-DD`;
      if (def.minDate && v < def.minDate) return `${def.labelEn} must be on or after ${def.minDate}`;
      if (def.maxDate && v > def.maxDate) return `${def.labelEn} must be on or before ${def.maxDate}`;
      return null;
    case CustomFieldType.CHOICE:
    case CustomFieldType.MULTI_CHOICE: {
      const bad = values.find((x) => !def.choices.some((c) => c.value === x));
      return bad === undefined ? null : `${def.labelEn}: "${bad}" is not one of ${def.choices.map((c) => c.value).join(", ")}`;
    }
    case CustomFieldType.YES_NO:
      return v === YES || v === NO ? null : `${def.labelEn} must be true or false`;
  }
}

function canonical(def: FieldDefinition, values: string[]): string[] {
  if (def.type === CustomFieldType.NUMBER) return [String(Number(values[0]))];
  if (def.type === CustomFieldType.MULTI_CHOICE) return def.choices.map((c) => c.value).filter((v) => values.includes(v));
  return values;
}

/** A stored value in words, per language: a choice's label, Ya/Yes for YES_NO, else the value itself. */
export function displayValue(def: Pick<FieldDefinition, "type" | "choices">, value: string): { id: string; en: string } {
  if (def.type === CustomFieldType.YES_NO) return value === YES ? { id: "Ya", en: "Yes" } : { id: "Tidak", en: "No" };
  const choice = def.choices.find((c) => c.value === value);
  // A choice removed since the report keeps showing what was chosen.
  return choice ? { id: choice.id, en: choice.en } : { id: value, en: value };
}
