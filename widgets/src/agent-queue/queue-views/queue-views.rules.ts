/** How the views part reads the gateway's views: keys, shown counts, and a saved view's filters as the filter form holds them. */
import type { QueueView, QueueViewsQuery } from "../../client/generated.js";
import { NO_FILTERS, type QueueFilters } from "../queue-filters/queue-filters.rules.js";

/** One entry of the views list as the gateway sends it. */
export type ViewEntry = QueueViewsQuery["queueViews"][number];

/** A saved view as the gateway sends it. */
export type SavedView = QueueViewsQuery["savedQueueViews"][number];

/** The key of an entry, as the gateway remembers a choice: the view's name, or `saved:<id>`. */
export function entryKey(e: Pick<ViewEntry, "view" | "savedViewId">): string {
  return e.view ?? `saved:${e.savedViewId}`;
}

/** A count as the list shows it: `999+` when the gateway stopped counting at its cap. */
export function countText(e: Pick<ViewEntry, "count" | "capped">): string {
  return e.capped ? `${e.count}+` : String(e.count);
}

/** The filters a choice sets: a built-in view alone, or a saved view's filters (null: the choice names no view the gateway listed). */
export function filtersFor(key: string, saved: readonly SavedView[]): QueueFilters | null {
  if (!key.startsWith("saved:")) return { ...NO_FILTERS, view: key as QueueView };
  const s = saved.find((v) => `saved:${v.id}` === key);
  if (!s) return null;
  const f = s.filter;
  return {
    view: f.view ?? "",
    statuses: f.statuses ?? [],
    // The form picks one priority; a saved view has the one it was saved with.
    priority: f.priorities?.[0] ?? "",
    // Likewise one type.
    type: f.types?.[0] ?? "",
    groupId: f.groupId ?? "",
    assigneeId: f.assigneeId ?? "",
    breached: f.breached === true,
    fieldKey: f.fieldKey ?? "",
    fieldValue: f.fieldValue ?? "",
    search: f.search ?? "",
  };
}
