/**
 * The queue's view of the rules the gateway publishes in `deskDirectory`: the priority matrix, the
 * statuses with their lifecycle flags, and the closure codes. Nothing here knows a rule; it only
 * reads the gateway's lists, in the gateway's order.
 */
import type { DeskBootstrapQuery, Impact, Priority, TicketStatus, Urgency } from "../client/generated.js";
import type { Lang } from "../shared/locale.js";

type Directory = DeskBootstrapQuery["deskDirectory"];

/** A select option: value and label. */
export type Option = readonly [value: string, label: string];

/** The priority the gateway gives urgency × impact, from its matrix; undefined for a pair it does not list. */
export function priorityFrom(matrix: Directory["priorityMatrix"], urgency: string, impact: string): Priority | undefined {
  return matrix.find((c) => c.urgency === urgency && c.impact === impact)?.priority;
}

/** The urgency and impact levels of the matrix, each once, in the order the gateway lists them. */
export function matrixLevels(matrix: Directory["priorityMatrix"]): { urgencies: Urgency[]; impacts: Impact[] } {
  return { urgencies: [...new Set(matrix.map((c) => c.urgency))], impacts: [...new Set(matrix.map((c) => c.impact))] };
}

/** The statuses the queue shows by default (open ones) and those it lets an agent filter on (all but final ones), in lifecycle order. */
export function statusChoices(statuses: Directory["statuses"]): { open: TicketStatus[]; filterable: TicketStatus[] } {
  return { open: statuses.filter((s) => s.open).map((s) => s.status), filterable: statuses.filter((s) => !s.final).map((s) => s.status) };
}

/** The closure codes resolveTicket accepts, labelled in the reader's language. */
export function closureOptions(codes: Directory["closureCodes"], lang: Lang): Option[] {
  return codes.map((c): Option => [c.code, c.label[lang]]);
}

/** The priorities of the site's SLA policy, in its order (the priority filter's choices). */
export function priorities(policy: Directory["slaPolicy"]): Priority[] {
  return policy.map((p) => p.priority);
}

/** Display names of the directory's services, groups and agents by id; a sub-category reads "Parent › Child". */
export function directoryNames(d: Pick<Directory, "services" | "groups" | "agents" | "categories">): Map<string, string> {
  const names = new Map([...d.services, ...d.groups, ...d.agents].map((x): [string, string] => [x.id, x.name]));
  const byId = new Map(d.categories.map((c) => [c.id, c]));
  for (const c of d.categories) {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    names.set(c.id, parent ? `${parent.name} › ${c.name}` : c.name);
  }
  return names;
}

/** The reasons a PENDING ticket may wait on, labelled in the reader's language, in the gateway's order. */
export function pendingOptions(reasons: Directory["pendingReasons"], lang: Lang): Option[] {
  return reasons.map((r): Option => [r.reason, r.label[lang]]);
}

/** The label of a management level (Ticket.hierarchyLevel) in the reader's language; "" for none. */
export function managementLabel(levels: Directory["managementLevels"], level: number, lang: Lang): string {
  return levels.find((l) => l.level === level)?.label[lang] ?? "";
}

/** The site's active custom fields as the field filter's choices, labelled in the reader's language, in form order. */
export function fieldOptions(fields: Directory["customFields"], lang: Lang): Option[] {
  return fields.map((f): Option => [f.key, f.label[lang]]);
}

/** The values a CHOICE, MULTI_CHOICE or YES_NO field holds, labelled; yesNo: the reader's words for true and false. */
export function fieldValueOptions(field: Directory["customFields"][number], lang: Lang, yesNo: readonly [yes: string, no: string]): Option[] {
  // YES_NO is stored as true/false (CustomFieldValue.values); a choice as its value.
  if (field.type === "YES_NO") return [["true", yesNo[0]], ["false", yesNo[1]]];
  return field.choices.map((c): Option => [c.value, c.label[lang]]);
}
