/** The queue's filters as a form holds them, and as the gateway's QueueFilter takes them. */
import type { CustomFieldType, Priority, QueueFilter, QueueView, TicketStatus, TicketType } from "../../client/generated.js";

/** The filter form's values. */
export interface QueueFilters {
  /** The built-in view the other filters narrow (the views part sets it), "" for none. */
  view: QueueView | "";
  statuses: TicketStatus[];
  priority: string;
  /** A ticket type (DeskDirectory.ticketTypes), "" for any. */
  type: string;
  groupId: string;
  assigneeId: string;
  breached: boolean;
  /** A custom field's key (DeskDirectory.customFields), "" for none. */
  fieldKey: string;
  /** The value that field must hold, as the gateway stores it. */
  fieldValue: string;
  /** The search term (QueueFilter.search), "" for none; set by the search box, not the form. */
  search: string;
}

/** No filter set (the shell fills in the open statuses once the directory names them). */
export const NO_FILTERS: QueueFilters = { view: "", statuses: [], priority: "", type: "", groupId: "", assigneeId: "", breached: false, fieldKey: "", fieldValue: "", search: "" };

/** How the value of a field filter is picked: from the field's choices, or typed. */
export type FieldValueControl = "select" | "date" | "text";

/** The value control that fits a field type: its stored values are a closed list for choices and YES_NO. */
export function fieldValueControl(type: CustomFieldType): FieldValueControl {
  if (type === "CHOICE" || type === "MULTI_CHOICE" || type === "YES_NO") return "select";
  // A date input gives YYYY-MM-DD, as the gateway stores a DATE.
  return type === "DATE" ? "date" : "text";
}

/**
 * The filters of a submitted filter form. A field picked anew drops the value chosen for the one
 * before (before: the filters until this change), since that value means nothing for it.
 */
export function filtersFrom(data: Pick<FormData, "get" | "getAll" | "has">, before: QueueFilters = NO_FILTERS): QueueFilters {
  const fieldKey = String(data.get("fieldKey") ?? "");
  return {
    view: before.view,
    statuses: data.getAll("status").map(String) as TicketStatus[],
    priority: String(data.get("priority") ?? ""),
    type: String(data.get("type") ?? ""),
    groupId: String(data.get("groupId") ?? ""),
    assigneeId: String(data.get("assigneeId") ?? ""),
    breached: data.has("breached"),
    fieldKey,
    fieldValue: fieldKey && fieldKey === before.fieldKey ? String(data.get("fieldValue") ?? "").trim() : "",
    search: before.search,
  };
}

/**
 * The gateway's QueueFilter for these filters; an empty choice filters nothing, and a field without a value neither (the gateway wants both).
 * A search leaves the statuses out, so it finds closed and cancelled tickets too.
 */
export function queueFilter(f: QueueFilters): QueueFilter {
  const byField = Boolean(f.fieldKey && f.fieldValue);
  return {
    view: f.view || null,
    statuses: f.statuses.length && !f.search ? f.statuses : null,
    priorities: f.priority ? [f.priority as Priority] : null,
    types: f.type ? [f.type as TicketType] : null,
    groupId: f.groupId || null,
    assigneeId: f.assigneeId || null,
    breached: f.breached ? true : null,
    fieldKey: byField ? f.fieldKey : null,
    fieldValue: byField ? f.fieldValue : null,
    search: f.search || null,
  };
}

/** The filters without a field filter on a key the site no longer lists (retired, or another site's after a new sign-in). */
export function withKnownField(f: QueueFilters, keys: readonly string[]): QueueFilters {
  return !f.fieldKey || keys.includes(f.fieldKey) ? f : { ...f, fieldKey: "", fieldValue: "" };
}

/** How many filters besides the statuses are set (shown on the phone's "Filters" button). */
export function filterCount(f: QueueFilters): number {
  return [f.priority, f.type, f.groupId, f.assigneeId, f.breached, f.fieldKey && f.fieldValue].filter(Boolean).length;
}
