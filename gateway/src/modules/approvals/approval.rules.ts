/**
 * Approval chains of request items (seed 004: a supervisor approves a client's work permit before
 * anything happens), pure: what a step's approvers are, the state of a chain from its decisions,
 * who may decide now and why anyone else may not. A chain is a list of steps taken in order; each
 * step names its approvers (a role, optionally of the ticket's group; a support group; or named
 * agents) and whether ANY_OF or ALL_OF them must approve. One rejection ends the chain.
 */
import { Role } from "../agents/role.js";
import type { FieldIssue } from "../tickets/refusal.js";

/** How many of a step's approvers must approve. */
export enum ApprovalRule {
  ANY_OF = "ANY_OF",
  ALL_OF = "ALL_OF",
}

/** Where a chain, or one of its steps, stands. */
export enum ApprovalState {
  /** Waiting on a decision. */
  PENDING = "PENDING",
  /** A later step of a chain whose earlier step is not yet approved. */
  WAITING = "WAITING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  /** The request was cancelled (or withdrawn) before its chain was decided: nobody is asked any more. */
  WITHDRAWN = "WITHDRAWN",
}

/** One decision an approver takes. */
export enum ApprovalDecision {
  APPROVE = "APPROVE",
  REJECT = "REJECT",
}

/** A step as an admin configures it on a service: exactly one of role, groupId or agentIds. */
export interface StepConfig {
  rule: ApprovalRule;
  /** Agents of this role approve; of the ticket's group when the ticket has one. */
  role: Role | null;
  /** The members of this support group approve. */
  groupId: string | null;
  /** These agents approve. */
  agentIds: string[];
}

/** A person in a chain. */
export interface Approver {
  id: string;
  name: string;
}

/** The roles asked, in this order, when nobody a step names can decide (approver-pool.rules). */
export type FallbackRole = Role.MANAGER | Role.ADMIN;

/**
 * A step as a ticket's chain keeps it: its approvers are resolved when the step starts (chains
 * stored before that have no `config` and `started`, and kept the approvers of the chain's start).
 */
export interface StepSnapshot {
  rule: ApprovalRule;
  /** What the step was configured as, for people to read ("Supervisor", a group's name, "Named approvers"). */
  label: { en: string; id: string };
  /** Who is asked: resolved when the step starts; those who leave the step's pool before deciding are dropped. */
  approvers: Approver[];
  /** The step as configured on the service when the chain started, resolved when the step starts. */
  config?: StepConfig;
  /** Whether the step has started (its approvers are resolved); absent: a chain stored before, started. */
  started?: boolean;
  /** Set when nobody the step names could decide and this role's agents were asked instead. */
  fallback?: FallbackRole | null;
}

/** A decision taken on a step. */
export interface DecisionRecord {
  step: number;
  approverId: string;
  approverName: string;
  decision: ApprovalDecision;
  reason: string | null;
  at: string;
}

/** The most steps a chain may have. */
export const MAX_STEPS = 5;
/** The most named approvers a step may have. */
export const MAX_NAMED_APPROVERS = 20;
/** The most characters of a decision's reason (a TEXT column; counted as the widget counts). */
export const MAX_REASON_LENGTH = 2000;

/** Every problem of a service's steps, named by field (`steps.0.role` …); empty when they are good. */
export function stepProblems(steps: readonly StepConfig[]): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (steps.length > MAX_STEPS) problems.push({ field: "steps", message: `A chain has at most ${MAX_STEPS} steps; got ${steps.length}.` });
  steps.forEach((s, i) => {
    const kinds = [s.role !== null, s.groupId !== null, s.agentIds.length > 0].filter(Boolean).length;
    if (kinds !== 1) problems.push({ field: `steps.${i}`, message: `Step ${i + 1} needs exactly one kind of approver: a role, a group or named agents; got ${kinds}.` });
    if (s.agentIds.length > MAX_NAMED_APPROVERS) problems.push({ field: `steps.${i}.agentIds`, message: `Step ${i + 1} names at most ${MAX_NAMED_APPROVERS} approvers; got ${s.agentIds.length}.` });
    if (new Set(s.agentIds).size !== s.agentIds.length) problems.push({ field: `steps.${i}.agentIds`, message: `Step ${i + 1} names an approver twice.` });
    if (s.role === Role.AGENT) problems.push({ field: `steps.${i}.role`, message: `Step ${i + 1}: approvals go to a SPECIALIST, SUPERVISOR, MANAGER or ADMIN, not to every AGENT.` });
  });
  return problems;
}

/** An agent as the approver pool reads it. */
export interface PoolAgent extends Approver {
  role: Role;
  groupId: string | null;
  active: boolean;
}

/**
 * The approvers of one step for one ticket, from the site's agents: a role's agents (of the
 * ticket's group when it has one, else the site's), a group's members, or the named agents;
 * inactive agents never. Named agents keep the order they were named in, others go by name.
 */
export function stepApprovers(step: StepConfig, ticketGroupId: string | null, agents: readonly PoolAgent[]): Approver[] {
  const active = agents.filter((a) => a.active);
  let chosen: PoolAgent[];
  if (step.agentIds.length) chosen = step.agentIds.map((id) => active.find((a) => a.id === id)).filter((a): a is PoolAgent => a !== undefined);
  else if (step.groupId) chosen = active.filter((a) => a.groupId === step.groupId).sort(byName);
  else chosen = active.filter((a) => a.role === step.role && (ticketGroupId === null || a.groupId === ticketGroupId)).sort(byName);
  return chosen.map(({ id, name }) => ({ id, name }));
}

function byName(a: Approver, b: Approver): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** Each step's state and the chain's, from the decisions so far. */
export interface ChainStatus {
  state: ApprovalState;
  /** The step waiting on decisions (0-based); null once the chain is decided. */
  current: number | null;
  steps: ApprovalState[];
}

/** Where a step stands from its decisions: rejected by one, approved by one (ANY_OF) or by every approver (ALL_OF). */
export function stepState(step: StepSnapshot, decisions: readonly DecisionRecord[]): ApprovalState.PENDING | ApprovalState.APPROVED | ApprovalState.REJECTED {
  if (decisions.some((d) => d.decision === ApprovalDecision.REJECT)) return ApprovalState.REJECTED;
  const approved = new Set(decisions.filter((d) => d.decision === ApprovalDecision.APPROVE).map((d) => d.approverId));
  if (step.rule === ApprovalRule.ANY_OF) return approved.size > 0 ? ApprovalState.APPROVED : ApprovalState.PENDING;
  return step.approvers.length > 0 && step.approvers.every((a) => approved.has(a.id)) ? ApprovalState.APPROVED : ApprovalState.PENDING;
}

/**
 * The state of a chain: its steps in order, the first not yet approved is current; a rejection
 * ends it. `withdrawn`: the request was cancelled before the chain was decided, so its undecided
 * steps read WITHDRAWN and nothing is current.
 */
export function chainStatus(steps: readonly StepSnapshot[], decisions: readonly DecisionRecord[], withdrawn = false): ChainStatus {
  const decided = decidedStatus(steps, decisions);
  if (!withdrawn || decided.state !== ApprovalState.PENDING) return decided;
  const undecided = (s: ApprovalState) => s === ApprovalState.PENDING || s === ApprovalState.WAITING;
  return { state: ApprovalState.WITHDRAWN, current: null, steps: decided.steps.map((s) => (undecided(s) ? ApprovalState.WITHDRAWN : s)) };
}

function decidedStatus(steps: readonly StepSnapshot[], decisions: readonly DecisionRecord[]): ChainStatus {
  const states: ApprovalState[] = [];
  let current: number | null = null;
  let state = ApprovalState.APPROVED;
  steps.forEach((step, i) => {
    if (state !== ApprovalState.APPROVED) {
      states.push(ApprovalState.WAITING);
      return;
    }
    const s = stepState(step, decisions.filter((d) => d.step === i));
    states.push(s);
    if (s === ApprovalState.PENDING) {
      current = i;
      state = ApprovalState.PENDING;
    } else if (s === ApprovalState.REJECTED) state = ApprovalState.REJECTED;
  });
  return { state, current, steps: states };
}

/** Who asked for what a chain approves: the agent who logged it, the reporter's e-mail. */
export interface Requester {
  loggedById: string | null;
  email: string | null;
}

/** Whether an agent is the requester: the agent who logged it, or the reporter by e-mail. */
export function isRequester(agent: { id: string; email: string }, requester: Requester): boolean {
  if (requester.loggedById === agent.id) return true;
  return requester.email !== null && requester.email.toLowerCase() === agent.email.toLowerCase();
}

/**
 * Why this agent may not decide on the chain now (the wording a CONFLICT or FORBIDDEN carries);
 * null when they may. Order matters: a decided chain says so before anything about the person.
 */
export function decisionRefusal(
  steps: readonly StepSnapshot[],
  decisions: readonly DecisionRecord[],
  agent: { id: string; email: string },
  requester: Requester,
): { code: "CONFLICT" | "FORBIDDEN"; message: string } | null {
  const status = chainStatus(steps, decisions);
  if (status.current === null) return { code: "CONFLICT", message: `This request is already ${status.state.toLowerCase()}; nothing is left to decide.` };
  if (isRequester(agent, requester)) return { code: "FORBIDDEN", message: "Nobody approves their own request: you asked for this one, so another approver must decide." };
  const step = steps[status.current]!;
  if (!step.approvers.some((a) => a.id === agent.id)) return { code: "FORBIDDEN", message: `You are not an approver of step ${status.current + 1} (${step.label.en}) of this request.` };
  if (decisions.some((d) => d.step === status.current && d.approverId === agent.id)) return { code: "CONFLICT", message: `You already approved step ${status.current + 1}; the other approvers of this step must decide too.` };
  return null;
}

/** Whether this agent is asked to decide now: what `myApprovals` lists. */
export function awaitsDecisionBy(steps: readonly StepSnapshot[], decisions: readonly DecisionRecord[], agent: { id: string; email: string }, requester: Requester): boolean {
  return decisionRefusal(steps, decisions, agent, requester) === null;
}

/**
 * The approvers of a chain's steps with the requester left out (nobody approves their own
 * request, so an ALL_OF step cannot wait for them).
 */
export function withoutRequester(steps: readonly StepSnapshot[], isThem: (a: Approver) => boolean): StepSnapshot[] {
  return steps.map((s) => ({ ...s, approvers: s.approvers.filter((a) => !isThem(a)) }));
}

/** The people to ask now: the current step's approvers who have not decided. */
export function approversToAsk(steps: readonly StepSnapshot[], decisions: readonly DecisionRecord[]): Approver[] {
  const { current } = chainStatus(steps, decisions);
  if (current === null) return [];
  const decided = new Set(decisions.filter((d) => d.step === current).map((d) => d.approverId));
  return steps[current]!.approvers.filter((a) => !decided.has(a.id));
}

/** Why a decision's reason is refused; a rejection must say why (the requester reads it). */
export function reasonProblem(decision: ApprovalDecision, reason: string | null): FieldIssue | null {
  const text = reason?.trim() ?? "";
  if (decision === ApprovalDecision.REJECT && !text) return { field: "reason", message: "reason is required to reject: the requester reads it." };
  if (text.length > MAX_REASON_LENGTH) return { field: "reason", message: `reason is at most ${MAX_REASON_LENGTH} characters; got ${text.length}.` };
  return null;
}

/** Labels of the roles a step may name, for the chain and the document. */
export const ROLE_LABEL: Readonly<Record<Role, { en: string; id: string }>> = Object.freeze({
  [Role.AGENT]: { en: "Agent", id: "Agen" },
  [Role.SPECIALIST]: { en: "Specialist", id: "Spesialis" },
  [Role.SUPERVISOR]: { en: "Supervisor", id: "Supervisor" },
  [Role.MANAGER]: { en: "Manager", id: "Manajer" },
  [Role.ADMIN]: { en: "Administrator", id: "Administrator" },
});

/** What a step is called where it is shown: its role ("Supervisor of the group"), its group's name, or "Named approvers". */
export function stepLabel(step: StepConfig, groupName: string | null): { en: string; id: string } {
  if (step.role) return { en: ROLE_LABEL[step.role].en, id: ROLE_LABEL[step.role].id };
  if (step.groupId) return { en: groupName ?? "Group", id: groupName ?? "Grup" };
  return { en: "Named approvers", id: "Penyetuju yang ditunjuk" };
}

/**
 * Steps as `sigap service:approval --steps` writes them: steps separated by `;`, each
 * `<ANY_OF|ALL_OF>:<role=ROLE|group=<id>|agents=<id>,<id>>`, e.g.
 * `ANY_OF:role=SUPERVISOR;ALL_OF:agents=a1,a2`. An empty text is no steps. Bad parts are named
 * in `problems` (field `steps.<i>`); {@link stepProblems} checks the rest.
 */
export function parseSteps(text: string): { steps: StepConfig[]; problems: FieldIssue[] } {
  const steps: StepConfig[] = [];
  const problems: FieldIssue[] = [];
  const parts = text.split(";").map((p) => p.trim()).filter(Boolean);
  parts.forEach((part, i) => {
    const [ruleText = "", who = ""] = part.split(":", 2).map((x) => x.trim());
    const rule = Object.values(ApprovalRule).find((r) => r === ruleText.toUpperCase());
    const [kind = "", value = ""] = who.split("=", 2).map((x) => x.trim());
    const role = kind === "role" ? Object.values(Role).find((r) => r === value.toUpperCase()) : undefined;
    if (!rule || !["role", "group", "agents"].includes(kind) || !value || (kind === "role" && !role)) {
      problems.push({ field: `steps.${i}`, message: `Step ${i + 1} "${part}" must look like ANY_OF:role=SUPERVISOR, ALL_OF:group=<id> or ANY_OF:agents=<id>,<id>.` });
      return;
    }
    steps.push({ rule, role: role ?? null, groupId: kind === "group" ? value : null, agentIds: kind === "agents" ? value.split(",").map((a) => a.trim()).filter(Boolean) : [] });
  });
  return { steps, problems };
}
