import { ArrayMaxSize, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Role } from "../agents/role.js";
import { Label } from "../tickets/label.type.js";
import { ApprovalDecision, ApprovalRule, ApprovalState, MAX_NAMED_APPROVERS, MAX_STEPS } from "./approval.rules.js";

registerEnumType(ApprovalRule, { name: "ApprovalRule", description: "How many of a step's approvers must approve: ANY_OF one of them, ALL_OF every one." });
registerEnumType(ApprovalState, {
  name: "ApprovalState",
  description: "Where an approval chain or step stands; WAITING: a later step whose earlier step is not approved yet; WITHDRAWN: the request was cancelled before it was decided.",
});
registerEnumType(ApprovalDecision, { name: "ApprovalDecision", description: "An approver's decision on the current step." });

/** One step as an admin configures it. */
@InputType({ description: "One approval step of a request item: exactly one of role, groupId or agentIds names its approvers." })
export class ApprovalStepInput {
  @Field(() => ApprovalRule)
  rule: ApprovalRule;

  @Field(() => Role, { nullable: true, description: "Agents of this role approve: of the ticket's support group when it has one, else the site's." })
  @IsOptional()
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: "The active members of this support group approve." })
  @IsOptional()
  groupId?: string | null;

  @Field(() => [ID], { nullable: true, description: `These agents approve (at most ${MAX_NAMED_APPROVERS}).` })
  @IsOptional()
  @ArrayMaxSize(100)
  agentIds?: string[] | null;
}

/** A service's steps as the admin set them. */
@ObjectType({ description: "One configured approval step of a request item." })
export class ApprovalStepConfig {
  @Field(() => ApprovalRule)
  rule: ApprovalRule;

  @Field(() => Role, { nullable: true })
  role: Role | null;

  @Field(() => ID, { nullable: true })
  groupId: string | null;

  @Field(() => [ID])
  agentIds: string[];
}

/** Something an admin is told about a step that saved. */
@ObjectType({ description: "A warning about an approval step that was saved: named by field (steps.<i>), with what it means." })
export class ApprovalStepWarning {
  @Field(() => String)
  field: string;

  @Field(() => String)
  message: string;
}

/** A service's approval configuration. */
@ObjectType({ description: `What a request item needs before the desk works it: its steps in order (none: no approval, at most ${MAX_STEPS}) and how long the approval document is valid.` })
export class ServiceApproval {
  @Field(() => ID)
  serviceId: string;

  @Field(() => [ApprovalStepConfig])
  steps: ApprovalStepConfig[];

  @Field(() => Int, { description: "Days the approval document (work permit) is valid from the final approval." })
  validDays: number;

  @Field(() => [ApprovalStepWarning], {
    description: "Steps nobody can decide as configured today (a role or group without an active agent): saved, but until someone is, the site's managers (then administrators) are asked instead.",
  })
  warnings: ApprovalStepWarning[];
}

/** A decision as shown. */
@ObjectType({ description: "One approver's decision on a step." })
export class ApprovalDecisionView {
  @Field(() => String, { description: "The approver's name." })
  approverName: string;

  @Field(() => ApprovalDecision)
  decision: ApprovalDecision;

  @Field(() => String, { nullable: true, description: "Why: required for a rejection; the requester reads it." })
  reason: string | null;

  @Field(() => Date)
  at: Date;
}

/** A step of a ticket's chain. */
@ObjectType({ description: "One step of a ticket's approval chain, with its decisions." })
export class ApprovalStepView {
  @Field(() => Int, { description: "1-based." })
  position: number;

  @Field(() => ApprovalRule)
  rule: ApprovalRule;

  @Field(() => Label, { description: "Who approves, as configured: a role, a group's name or named approvers." })
  label: Label;

  @Field(() => ApprovalState)
  state: ApprovalState;

  @Field(() => [String], { description: "Desk only (empty in the tracker): the names of the step's approvers, resolved when the step starts (empty before)." })
  approvers: string[];

  @Field(() => Role, { nullable: true, description: "Set when nobody the step names could decide it, so this role's agents (MANAGER, then ADMIN) were asked instead." })
  fallbackRole: Role | null;

  @Field(() => [ApprovalDecisionView])
  decisions: ApprovalDecisionView[];
}

/** A ticket's approval chain. */
@ObjectType({ description: "A request's approval chain: the steps in order and where it stands." })
export class ApprovalChain {
  @Field(() => ApprovalState)
  state: ApprovalState;

  @Field(() => Int, { nullable: true, description: "The step waiting on decisions (1-based); null once decided or withdrawn." })
  currentStep: number | null;

  @Field(() => [ApprovalStepView])
  steps: ApprovalStepView[];

  @Field(() => Date)
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Once approved: until when the approval document is valid." })
  validUntil: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Once approved: the path of the approval document (PDF) on the gateway, /documents/approval/<code>. The desk sends its bearer; a tracker adds ?siteKey=…&token=<tracking token>.",
  })
  documentUrl: string | null;
}

/** An approver's decision. */
@InputType({ description: "An approver's decision on the current step of a ticket's chain." })
export class DecideApprovalInput {
  @Field(() => ApprovalDecision)
  decision: ApprovalDecision;

  @Field(() => String, { nullable: true, description: "Required to reject; the requester reads it." })
  @IsOptional()
  @MaxLength(4000)
  reason?: string | null;
}
