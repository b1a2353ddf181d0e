/** The queue's filters as a form holds them, and as the gateway's QueueFilter takes them. */
import type { Priority, QueueFilter, TicketStatus } from "../../client/generated.js";

/** The filter form's values. */
export interface QueueFilters {
  statuses: TicketStatus[];
  priority: string;
  groupId: string;
  assigneeId: string;
  breached: boolean;
}

/** No filter set (the shell fills in the open statuses once the directory names them). */
export const NO_FILTERS: QueueFilters = { statuses: [], priority: "", groupId: "", assigneeId: "", breached: false };

/** The filters of a submitted filter form. */
export function filtersFrom(data: Pick<FormData, "get" | "getAll" | "has">): QueueFilters {
  return {
    statuses: data.getAll("status").map(String) as TicketStatus[],
    priority: String(data.get("priority") ?? ""),
    groupId: String(data.get("groupId") ?? ""),
    assigneeId: String(data.get("assigneeId") ?? ""),
    breached: data.has("breached"),
  };
}

/** The gateway's QueueFilter for these filters; an empty choice filters nothing. */
export function queueFilter(f: QueueFilters): QueueFilter {
  return {
    statuses: f.statuses.length ? f.statuses : null,
    priorities: f.priority ? [f.priority as Priority] : null,
    groupId: f.groupId || null,
    assigneeId: f.assigneeId || null,
    breached: f.breached ? true : null,
  };
}

/** How many filters besides the statuses are set (shown on the phone's "Filters" button). */
export function filterCount(f: QueueFilters): number {
  return [f.priority, f.groupId, f.assigneeId, f.breached].filter(Boolean).length;
}
