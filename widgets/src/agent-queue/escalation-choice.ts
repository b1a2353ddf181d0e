/**
 * The escalate form's choices for one ticket, from `Ticket.escalationTargets`: the levels above
 * the current one, their labels, the groups of a support level and the people a management level
 * may go to. The gateway says what is reachable; the form only offers it.
 */
import type { DeskTicketFieldsFragment, EscalationKind } from "../client/generated.js";
import type { Lang } from "../shared/locale.js";
import type { Option } from "./desk-directory.js";

type Targets = DeskTicketFieldsFragment["escalationTargets"];

/** What the escalate form offers for one kind and the level picked so far. */
export interface EscalationChoice {
  /** The levels reachable now, labelled in the reader's language. */
  levels: Option[];
  /** The level in effect: the one picked if still reachable, else the first; undefined when none is. */
  level: number | undefined;
  /** Groups of the chosen support level (functional only). */
  groups: Option[];
  /** The people the chosen management level may go to; undefined for functional escalation (any active agent). */
  people: Option[] | undefined;
}

/** The choices for `kind`, keeping `picked` when it is still one of the reachable levels. */
export function escalationChoice(targets: Targets, kind: EscalationKind, picked: number, lang: Lang): EscalationChoice {
  const list = kind === "FUNCTIONAL" ? targets.functional : targets.hierarchical;
  const chosen = list.find((t) => t.level === picked) ?? list[0];
  return {
    levels: list.map((t): Option => [String(t.level), t.label[lang]]),
    level: chosen?.level,
    groups: chosen && "groups" in chosen ? chosen.groups.map((g): Option => [g.id, g.name]) : [],
    people: chosen && "agents" in chosen ? chosen.agents.filter((a) => a.active).map((a): Option => [a.id, a.name]) : undefined,
  };
}
