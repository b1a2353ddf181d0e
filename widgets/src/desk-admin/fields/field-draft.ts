import type { CustomFieldInput, CustomFieldType, FieldsAdminQuery } from "../../client/generated.js";

/** A saved field as the section reads it. */
export type AdminField = FieldsAdminQuery["customFields"][number];

/** One choice row of the form, as typed. */
export interface ChoiceDraft {
  value: string;
  id: string;
  en: string;
}

/** A limit input of the form, by the input's name in CustomFieldInput. */
export type LimitName = "maxLength" | "min" | "max" | "minDate" | "maxDate";

/**
 * What the form offers for each type, as schema/sigap.graphql documents CustomFieldInput ("TEXT only",
 * "NUMBER only", "DATE only", "CHOICE and MULTI_CHOICE only"): a Record over the generated enum, so a new
 * type fails the type check here. The ranges themselves are the gateway's, refused beside the input.
 */
export const TYPE_FORM: Record<CustomFieldType, { limits: readonly LimitName[]; choices: boolean }> = {
  TEXT: { limits: ["maxLength"], choices: false },
  NUMBER: { limits: ["min", "max"], choices: false },
  DATE: { limits: ["minDate", "maxDate"], choices: false },
  YES_NO: { limits: [], choices: false },
  CHOICE: { limits: [], choices: true },
  MULTI_CHOICE: { limits: [], choices: true },
};

/** The types in the order the form lists them. */
export const TYPES = Object.keys(TYPE_FORM) as CustomFieldType[];

/** The form's typed text, turned into the gateway's input: only what the type takes is sent, blanks as null. */
export function toFieldInput(
  id: string | null,
  type: CustomFieldType,
  text: (name: string) => string,
  choices: readonly ChoiceDraft[],
  serviceIds: readonly string[] | null,
): CustomFieldInput {
  const form = TYPE_FORM[type];
  const limit = (name: LimitName): string | null => (form.limits.includes(name) && text(name) ? text(name) : null);
  const number = (name: LimitName): number | null => (limit(name) === null ? null : Number(limit(name)));
  return {
    id,
    key: text("key"),
    type,
    labelId: text("labelId"),
    labelEn: text("labelEn"),
    helpId: text("helpId") || null,
    helpEn: text("helpEn") || null,
    required: text("required") === "on",
    maxLength: number("maxLength"),
    min: number("min"),
    max: number("max"),
    minDate: limit("minDate"),
    maxDate: limit("maxDate"),
    choices: form.choices ? choices.map((c) => ({ value: c.value.trim(), labelId: c.id.trim(), labelEn: c.en.trim() })) : null,
    serviceIds: serviceIds ? [...serviceIds] : null,
  };
}

/** A saved field's choices as rows to edit; one empty row for a new choice field. */
export function choiceDrafts(field: AdminField | null): ChoiceDraft[] {
  const rows = (field?.choices ?? []).map((c) => ({ value: c.value, id: c.label.id, en: c.label.en }));
  return rows.length ? rows : [{ value: "", id: "", en: "" }];
}

/** The ids with the one at `at` swapped with its neighbour `by` away. */
export function moved(ids: readonly string[], at: number, by: -1 | 1): string[] {
  const next = [...ids];
  if (at + by < 0 || at + by >= next.length) return next;
  [next[at], next[at + by]] = [next[at + by]!, next[at]!];
  return next;
}
