import type { QueueFilter } from "../tickets/desk.inputs.js";
import type { QueueView } from "../tickets/queue-views.rules.js";
import type { Priority, TicketStatus, TicketType } from "../tickets/ticket.enums.js";

/** A queue filter as a saved view stores it: only the fields that were set. */
export interface SavedFilter {
  view?: QueueView;
  statuses?: TicketStatus[];
  priorities?: Priority[];
  types?: TicketType[];
  groupId?: string;
  assigneeId?: string;
  breached?: boolean;
  fieldKey?: string;
  fieldValue?: string;
  search?: string;
}

/** The set fields of a queue filter, trimmed, as stored. */
export function toSavedFilter(f: QueueFilter): SavedFilter {
  const out: SavedFilter = {};
  if (f.view) out.view = f.view;
  if (f.statuses?.length) out.statuses = [...new Set(f.statuses)];
  if (f.priorities?.length) out.priorities = [...new Set(f.priorities)];
  if (f.types?.length) out.types = [...new Set(f.types)];
  if (f.groupId) out.groupId = f.groupId;
  if (f.assigneeId) out.assigneeId = f.assigneeId;
  if (f.breached != null) out.breached = f.breached;
  if (f.fieldKey) out.fieldKey = f.fieldKey.trim();
  if (f.fieldValue != null) out.fieldValue = f.fieldValue.trim();
  if (f.search != null) out.search = f.search.trim();
  return out;
}
