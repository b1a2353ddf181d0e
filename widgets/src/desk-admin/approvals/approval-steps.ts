/**
 * The approvals section's draft of a service's steps: what the form edits (one kind of approver
 * per step, chosen by a radio) and the `ApprovalStepInput` it sends. Whether a step is valid is
 * the gateway's to say (`setServiceApproval` names `steps.<i>.<field>`): nothing is checked here.
 */
import type { FieldProblem } from "../../client/graphql-error.js";
import type { ApprovalRule, ApprovalStepInput, Role } from "../../client/generated.js";
import { placeProblems } from "../admin-form.js";

/** Who approves a step: agents of a role, a support group's members, or named agents. */
export type ApproverKind = "role" | "group" | "agents";

/** The approver kinds, in the order the form offers them. */
export const APPROVER_KINDS: readonly ApproverKind[] = ["role", "group", "agents"];

/** One step as the form edits it: the choices of every kind are kept while another is picked, and only the picked one is sent. */
export interface StepDraft {
  rule: ApprovalRule;
  kind: ApproverKind;
  role: Role;
  groupId: string;
  agentIds: string[];
}

/** A step as the gateway returns it. */
export interface StepConfig {
  rule: ApprovalRule;
  role: Role | null;
  groupId: string | null;
  agentIds: readonly string[];
}

/** A new step: any one supervisor approves (the seeds' usual step). */
export function newStep(): StepDraft {
  return { rule: "ANY_OF", kind: "role", role: "SUPERVISOR", groupId: "", agentIds: [] };
}

/** The draft of a configured step. */
export function stepDraft(s: StepConfig): StepDraft {
  const kind: ApproverKind = s.role ? "role" : s.groupId ? "group" : "agents";
  return { rule: s.rule, kind, role: s.role ?? "SUPERVISOR", groupId: s.groupId ?? "", agentIds: [...s.agentIds] };
}

/** What `setServiceApproval` takes for a draft: its rule and the picked kind's approvers only. */
export function stepInput(d: StepDraft): ApprovalStepInput {
  if (d.kind === "role") return { rule: d.rule, role: d.role };
  if (d.kind === "group") return { rule: d.rule, groupId: d.groupId || null };
  return { rule: d.rule, agentIds: d.agentIds };
}

/** The fields a chain of `count` steps shows, most precise first (a problem goes beside the first that its path starts with). */
export function stepFields(count: number): string[] {
  const each = Array.from({ length: count }, (_, i) => [`steps.${i}.role`, `steps.${i}.groupId`, `steps.${i}.agentIds`, `steps.${i}`]);
  return [...each.flat(), "steps", "validDays", "serviceId"];
}

/** The gateway's warnings (`steps.<i>`) on a chain of `count` steps: by step, and those that name no step shown for the whole form. */
export function placeWarnings(warnings: readonly FieldProblem[], count: number): { byField: Record<string, string>; general: string[] } {
  return placeProblems(warnings, Array.from({ length: count }, (_, i) => `steps.${i}`));
}
