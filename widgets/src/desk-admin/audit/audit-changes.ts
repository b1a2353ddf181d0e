/** How an audit line's beforeJson/afterJson read as "field: before → after" rows. */

/** One changed field of an audit line: its values as text, null where that side has none. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A recorded value as a reader sees it: text as is, lists joined, nested objects as compact JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) return value.map(valueText).join(", ");
  return JSON.stringify(value);
}

function parsed(json: string | null): Record<string, unknown> | string | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : json;
  } catch {
    // Not an object: shown whole rather than dropped.
    return json;
  }
}

/**
 * The changed fields of an audit line, in the order the gateway recorded them (after's first,
 * then any only before had). A side that is not a JSON object is one row with an empty field name.
 */
export function fieldChanges(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const [before, after] = [parsed(beforeJson), parsed(afterJson)];
  if (typeof before === "string" || typeof after === "string") {
    const side = (v: typeof before) => (v === null ? null : typeof v === "string" ? v : JSON.stringify(v));
    return [{ field: "", before: side(before), after: side(after) }];
  }
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  return fields.map((field) => ({
    field,
    before: before && field in before ? valueText(before[field]) : null,
    after: after && field in after ? valueText(after[field]) : null,
  }));
}
