/**
 * The SLA escalation ladder (issue 9, seed 000's levels before and after the deadline, as GLPI
 * has them): per site and per target, steps at a share of the target's window, each firing
 * once. Which steps are due follows the ticket's own clock, so a pause moves them; what a step
 * does (its timeline entry, its escalation, whom it notifies) is decided here too.
 */
import { automaticEscalation, HIERARCHY, type AutoEscalationPatch, type AutoEscalationState } from "../tickets/escalation.rules.js";
import { EscalationKind, TicketEventKind, Visibility } from "../tickets/ticket.enums.js";
import type { EntryDraft } from "../tickets/timeline-entry.js";
import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from "./business-time.rules.js";
import type { SlaClock } from "./sla.rules.js";

/** The two targets a ladder climbs. */
export type LadderTarget = "RESPONSE" | "RESOLUTION";

/** Both targets, in the order their steps are listed. */
export const LADDER_TARGETS: readonly LadderTarget[] = Object.freeze(["RESPONSE", "RESOLUTION"]);

/** Whom a step notifies, by their relation to the ticket. */
export type LadderRecipient = "ASSIGNEE" | "GROUP" | "SUPERVISOR" | "MANAGER";

/** Every recipient kind, in the order a step lists them. */
export const LADDER_RECIPIENTS: readonly LadderRecipient[] = Object.freeze(["ASSIGNEE", "GROUP", "SUPERVISOR", "MANAGER"]);

/** One rung: at `share` % of the target's window, escalate (or not) and notify these people. */
export interface LadderStep {
  /** Percent of the target window, 1–1000; 100 is the due time itself. */
  share: number;
  /** Escalate one level (tickets/escalation.rules' automaticEscalation). */
  escalate: boolean;
  notify: LadderRecipient[];
}

/** A site's ladder: the steps of each target, shares ascending. */
export type SlaLadder = Record<LadderTarget, LadderStep[]>;

const DEFAULT_STEPS: readonly LadderStep[] = [
  { share: 50, escalate: false, notify: ["ASSIGNEE"] },
  { share: 75, escalate: false, notify: ["GROUP", "SUPERVISOR"] },
  { share: 100, escalate: true, notify: ["SUPERVISOR"] },
  { share: 150, escalate: false, notify: ["MANAGER"] },
];

/** The ladder of a site that has not set its own: 50 % the assignee, 75 % group and supervisor, 100 % escalate and the supervisor, 150 % the manager. */
export const DEFAULT_SLA_LADDER: SlaLadder = Object.freeze({
  RESPONSE: DEFAULT_STEPS.map((s) => ({ ...s, notify: [...s.notify] })),
  RESOLUTION: DEFAULT_STEPS.map((s) => ({ ...s, notify: [...s.notify] })),
});

const MIN_SHARE = 1;
const MAX_SHARE = 1000;

/** A site's ladder: its own targets over the default (a null column keeps the default). */
export function ladderOf(stored: Partial<SlaLadder> | null | undefined): SlaLadder {
  return { RESPONSE: stored?.RESPONSE ?? DEFAULT_SLA_LADDER.RESPONSE, RESOLUTION: stored?.RESOLUTION ?? DEFAULT_SLA_LADDER.RESOLUTION };
}

// ───────────────────────── the text form: 50:WARN_ASSIGNEE,100:ESCALATE+ALERT_SUPERVISOR ─────────────────────────

/** A step as the CLI shows and takes it, e.g. `75:WARN_GROUP+WARN_SUPERVISOR`; warnings before the due time, alerts after. */
export function formatStep(step: LadderStep): string {
  const verb = step.share < 100 ? "WARN_" : "ALERT_";
  return `${step.share}:${[...(step.escalate ? ["ESCALATE"] : []), ...step.notify.map((r) => verb + r)].join("+")}`;
}

/** A target's steps as one line, e.g. `50:WARN_ASSIGNEE,75:WARN_GROUP+WARN_SUPERVISOR`. */
export function formatSteps(steps: readonly LadderStep[]): string {
  return steps.map(formatStep).join(",");
}

/**
 * Reads a target's steps from text: comma-separated `share:ACTION+ACTION`, where an action is
 * ESCALATE or a recipient (ASSIGNEE, GROUP, SUPERVISOR, MANAGER) with or without a WARN_ or
 * ALERT_ prefix, in any case. An empty text is a ladder without steps. Every problem is named,
 * including those {@link validateSteps} finds.
 */
export function parseSteps(target: LadderTarget, text: string): { steps: LadderStep[]; problems: string[] } {
  const steps: LadderStep[] = [];
  const problems: string[] = [];
  const parts = text.split(",").map((p) => p.trim()).filter((p) => p !== "");
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*%?\s*:\s*(.+)$/.exec(part);
    if (!m) {
      problems.push(`${target} step "${part}" must look like 50:WARN_ASSIGNEE (a share in percent, a colon, actions joined by +).`);
      continue;
    }
    const step: LadderStep = { share: Number(m[1]), escalate: false, notify: [] };
    for (const raw of m[2]!.split("+").map((a) => a.trim().toUpperCase())) {
      if (raw === "ESCALATE") {
        step.escalate = true;
        continue;
      }
      const who = raw.replace(/^(WARN|ALERT)_/, "");
      if ((LADDER_RECIPIENTS as readonly string[]).includes(who)) {
        if (!step.notify.includes(who as LadderRecipient)) step.notify.push(who as LadderRecipient);
      } else {
        problems.push(`${target} step "${part}": "${raw}" is not an action; use ESCALATE, WARN_ASSIGNEE, WARN_GROUP, WARN_SUPERVISOR or ALERT_MANAGER (WARN_ and ALERT_ mean the same).`);
      }
    }
    steps.push(step);
  }
  if (!problems.length) problems.push(...validateSteps(target, steps));
  return { steps, problems };
}

/** Every problem with one target's steps as a sentence for the admin; empty when valid. */
export function validateSteps(target: LadderTarget, steps: unknown): string[] {
  if (!Array.isArray(steps)) return [`The ${target} ladder must be a list of steps, got ${JSON.stringify(steps) ?? String(steps)}.`];
  const problems: string[] = [];
  let previous: number | undefined;
  steps.forEach((raw: unknown, i) => {
    const n = i + 1;
    const s = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<Record<keyof LadderStep, unknown>>;
    const share = s.share;
    if (typeof share !== "number" || !Number.isInteger(share) || share < MIN_SHARE || share > MAX_SHARE) {
      problems.push(`${target} step ${n}: the share must be a whole percent from ${MIN_SHARE} to ${MAX_SHARE} of the target, got ${JSON.stringify(share) ?? "nothing"}.`);
    } else {
      if (previous !== undefined && share <= previous) {
        problems.push(`${target} step ${n} (${share} %) must come later than step ${n - 1} (${previous} %): shares go up along the ladder, each once.`);
      }
      previous = share;
    }
    if (typeof s.escalate !== "boolean") problems.push(`${target} step ${n}: escalate must be true or false.`);
    const notify = s.notify;
    if (!Array.isArray(notify) || notify.some((r) => !(LADDER_RECIPIENTS as readonly unknown[]).includes(r))) {
      problems.push(`${target} step ${n}: notify must list some of ${LADDER_RECIPIENTS.join(", ")}, got ${JSON.stringify(notify) ?? "nothing"}.`);
    } else if (s.escalate === false && notify.length === 0) {
      problems.push(`${target} step ${n} does nothing: give it ESCALATE or someone to notify.`);
    }
  });
  return problems;
}

// ───────────────────────── when steps are due ─────────────────────────

/** The part of a ticket the ladder reads: its SLA clock, whether it is open, and the steps fired. */
export interface LadderState extends SlaClock, AutoEscalationState {
  createdAt: Date;
  isOpen: boolean;
  /** Share of the highest RESPONSE step fired; 0 none. */
  ladderResponseShare: number;
  /** Share of the highest RESOLUTION step fired; 0 none. */
  ladderResolutionShare: number;
  /** The ticket's agent: a line-up escalation is told to them, else to the group. */
  assigneeId: string | null;
}

/** A step whose time has come. */
export interface DueStep {
  target: LadderTarget;
  /** 1-based position of the step in its target's ladder. */
  position: number;
  step: LadderStep;
  /** When the step came due. */
  at: Date;
  /** The target's due time the step was measured against. */
  dueAt: Date;
}

const FIRED: Record<LadderTarget, "ladderResponseShare" | "ladderResolutionShare"> = { RESPONSE: "ladderResponseShare", RESOLUTION: "ladderResolutionShare" };

/** Whether a target's clock still runs toward its steps: response until the first reply, resolution until resolved. */
function targetRunning(t: LadderState, target: LadderTarget): boolean {
  return target === "RESPONSE" ? t.firstRespondedAt === null : t.resolvedAt === null;
}

function dueAtOf(t: LadderState, target: LadderTarget): Date {
  return target === "RESPONSE" ? t.responseDueAt : t.resolutionDueAt;
}

/**
 * When a step of `share` % comes due on the ticket's clock: the window is the target's length
 * (the due time less logging, less the pauses that moved it), and the step sits at its share of
 * that window, measured back from the due time. So a pause, which moves the resolution due time
 * by its length, moves every later resolution step by the same; a reclassification, which moves
 * the due time, moves them with it. The response clock never pauses (sla.rules' retarget).
 * Window and share count the business time of the ticket's calendar (none: 24×7), so a step at
 * 50 % comes when half the business time has passed, not half the wall time.
 */
export function stepInstant(t: LadderState, target: LadderTarget, share: number, calendar: BusinessCalendar | null = null): Date {
  const paused = target === "RESOLUTION" ? t.pausedMs : 0;
  const window = Math.max(0, businessTimeBetween(calendar, t.createdAt, dueAtOf(t, target)) - paused);
  // Measured from logging with the pauses added: the same instant as "back from the due time".
  return addBusinessTime(calendar, t.createdAt, paused + Math.round((window * share) / 100));
}

/** Steps not yet fired on a running target, in ladder order; a step at or below the highest fired share counts as passed. */
function pendingSteps(t: LadderState, ladder: SlaLadder, target: LadderTarget): Array<{ position: number; step: LadderStep }> {
  if (!targetRunning(t, target)) return [];
  const fired = t[FIRED[target]];
  return ladder[target].map((step, i) => ({ position: i + 1, step })).filter(({ step }) => step.share > fired);
}

/**
 * Steps due at `now`, earliest first: an open ticket whose clock runs (a paused ticket fires
 * nothing), steps past their instant (the instant itself is still on time, as for breaches)
 * and above the share already fired for their target.
 */
export function dueSteps(t: LadderState, ladder: SlaLadder, now: Date, calendar: BusinessCalendar | null = null): DueStep[] {
  if (!t.isOpen || t.pausedAt !== null) return [];
  const due: DueStep[] = [];
  for (const target of LADDER_TARGETS) {
    for (const { position, step } of pendingSteps(t, ladder, target)) {
      const at = stepInstant(t, target, step.share, calendar);
      if (now.getTime() > at.getTime()) due.push({ target, position, step, at, dueAt: dueAtOf(t, target) });
    }
  }
  return due.sort((a, b) => a.at.getTime() - b.at.getTime() || LADDER_TARGETS.indexOf(a.target) - LADDER_TARGETS.indexOf(b.target));
}

/**
 * When the ticket's next step comes due, for the sweep's index (`next_ladder_at`); null when
 * none can: closed, resolved, paused (resuming recomputes it), or every step fired.
 */
export function nextLadderAt(t: LadderState, ladder: SlaLadder, calendar: BusinessCalendar | null = null): Date | null {
  if (!t.isOpen || t.pausedAt !== null) return null;
  let next: number | null = null;
  for (const target of LADDER_TARGETS) {
    const first = pendingSteps(t, ladder, target)[0];
    if (!first) continue;
    const at = stepInstant(t, target, first.step.share, calendar).getTime();
    if (next === null || at < next) next = at;
  }
  return next === null ? null : new Date(next);
}

// ───────────────────────── what a step does ─────────────────────────

/** The people a step reaches, by kind, as resolved for this ticket (names, for the desk's entry). */
export type ReachedPeople = Partial<Record<LadderRecipient, readonly string[]>>;

/** What firing one step changes: the ticket's fields, its timeline entry, and its event's type and detail. */
export interface StepEffect {
  patch: AutoEscalationPatch & Partial<Pick<LadderState, "ladderResponseShare" | "ladderResolutionShare">>;
  entry: EntryDraft;
  eventType: "sla.warning" | "sla.breached";
  detail: { target: LadderTarget; step: number; share: number; dueAt: string; action: string; notify: LadderRecipient[] };
}

const WHO: Record<LadderRecipient, string> = { ASSIGNEE: "the assignee", GROUP: "the group", SUPERVISOR: "the supervisor", MANAGER: "the manager" };

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[], conjunction = "and"): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** "the supervisor (Sari) has been alerted by e-mail" — only what was really enqueued, names only where the desk reads. */
function reachedSentence(notify: readonly LadderRecipient[], reached: ReachedPeople, named: boolean, verb: string): string {
  const parts: string[] = [];
  const nobody: string[] = [];
  for (const r of notify) {
    const people = reached[r] ?? [];
    if (!people.length) nobody.push(WHO[r]);
    else parts.push(named ? `${WHO[r]} (${people.join(", ")})` : WHO[r]);
  }
  const out: string[] = [];
  if (parts.length) out.push(`${listed(parts)} ${parts.length === 1 ? "has" : "have"} been ${verb} by e-mail.`);
  if (nobody.length) out.push(`Nobody to notify as ${listed(nobody, "or")}.`);
  return out.map((sentence) => sentence.charAt(0).toUpperCase() + sentence.slice(1)).join(" ");
}

/**
 * Whom a due step mails, each kind once: the people the site's step names and, when it
 * escalates, whoever the escalation goes to (the supervisor, or the manager at management level
 * 2; for a line up, the ticket's agent, else its group). The ladder is the one place that decides
 * who hears of a step: the desk's mail leaves the step's AUTO_ESCALATED entry alone
 * (notifications/mail.rules' deskMailsEntry), so a step is one mail a person. Read before the
 * step's patch, like {@link stepEffect}.
 */
export function stepRecipients(t: LadderState, due: DueStep): LadderRecipient[] {
  const out = [...due.step.notify];
  if (due.step.escalate) {
    const data = automaticEscalation(t, due.target, due.at).entry.data ?? {};
    const told: LadderRecipient =
      data["escalationKind"] === EscalationKind.FUNCTIONAL ? (t.assigneeId ? "ASSIGNEE" : "GROUP") : Number(data["hierarchyLevel"]) >= HIERARCHY.MANAGER ? "MANAGER" : "SUPERVISOR";
    if (!out.includes(told)) out.push(told);
  }
  return out;
}

/**
 * What a due step does. An escalation step records the automatic escalation (a PUBLIC
 * AUTO_ESCALATED entry that names nobody, which the reporter sees redacted) and says who was
 * alerted; a step that only notifies records an INTERNAL entry naming the people mailed, since
 * it changes nothing the reporter waits on. Before 100 % it raises sla.warning, from 100 % on
 * sla.breached.
 */
export function stepEffect(t: LadderState, due: DueStep, now: Date, reached: ReachedPeople): StepEffect {
  const { target, step } = due;
  const window = target === "RESPONSE" ? "response" : "resolution";
  const notify = stepRecipients(t, due);
  const detail = { target, step: due.position, share: step.share, dueAt: due.dueAt.toISOString(), action: formatStep(step).replace(/^\d+:/, ""), notify };
  const fired = { [FIRED[target]]: step.share };
  const eventType = step.share < 100 ? "sla.warning" : "sla.breached";
  const verb = step.share < 100 ? "warned" : "alerted";
  if (step.escalate) {
    const escalation = automaticEscalation(t, target, now);
    const told = reachedSentence(notify, reached, false, verb);
    return {
      patch: { ...escalation.patch, ...fired },
      entry: { ...escalation.entry, body: told || null },
      eventType,
      detail,
    };
  }
  const when = step.share < 100 ? `${step.share} % of the ${window} time has passed` : `the ${window} target is ${step.share - 100} % of its window overdue`;
  return {
    patch: fired,
    entry: {
      kind: TicketEventKind.INTERNAL_NOTE,
      visibility: Visibility.INTERNAL,
      body: `SLA ${step.share < 100 ? "warning" : "alert"}: ${when} (due ${due.dueAt.toISOString()}). ${reachedSentence(notify, reached, true, verb)}`.trim(),
      data: { reason: `SLA_${target}_${step.share}` },
    },
    eventType,
    detail,
  };
}
