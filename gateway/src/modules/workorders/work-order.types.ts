import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CostProposalStatus, PaymentMethod, PaymentStatus } from "./work-order.rules.js";

/** One line of a cost proposal. */
@ObjectType({ description: "A part or a piece of extra work, priced in whole rupiah." })
export class CostLineItem {
  @Field(() => String)
  description: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int, { description: "Rupiah per unit." })
  unitAmount: number;

  @Field(() => Int, { description: "quantity × unitAmount, in rupiah." })
  amount: number;
}

/** A cost the technician proposed and where the customer's decision stands. */
@ObjectType({ description: "An extra cost of a work order that the customer accepts or declines in the tracker." })
export class CostProposal {
  @Field(() => ID)
  id: string;

  @Field(() => [CostLineItem])
  lines: CostLineItem[];

  @Field(() => Int, { description: "Whole rupiah." })
  total: number;

  @Field(() => CostProposalStatus)
  status: CostProposalStatus;

  @Field(() => Date)
  proposedAt: Date;

  @Field(() => String, { description: "The technician who proposed it." })
  proposedBy: string;

  @Field(() => Date, { nullable: true, description: "When the customer accepted or declined it." })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The customer's words with their decision." })
  decisionNote: string | null;
}

/** Where the customer's payment stands. */
@ObjectType({ description: "A work order's payment as the desk recorded it." })
export class WorkOrderPayment {
  @Field(() => PaymentStatus)
  status: PaymentStatus;

  @Field(() => PaymentMethod, { nullable: true })
  method: PaymentMethod | null;

  @Field(() => Int, { nullable: true, description: "Whole rupiah received (PAID) or given back (REFUNDED)." })
  amount: number | null;

  @Field(() => Date, { nullable: true })
  recordedAt: Date | null;
}

/** A repair job's record (seed 003). */
@ObjectType({ description: "A WORK_ORDER ticket's job: the technician's findings, cost proposals and the payment. Nothing here is internal: the customer reads it in the tracker." })
export class WorkOrder {
  @Field(() => String, { nullable: true, description: "What the technician found." })
  findings: string | null;

  @Field(() => CostProposal, { nullable: true, description: "The newest cost proposal." })
  proposal: CostProposal | null;

  @Field(() => [CostProposal], { description: "Every proposal, newest first." })
  proposals: CostProposal[];

  @Field(() => Boolean, { description: "The customer may accept or decline the newest proposal now (decideCost)." })
  awaitingDecision: boolean;

  @Field(() => WorkOrderPayment)
  payment: WorkOrderPayment;

  @Field(() => Boolean, { description: "An accepted cost is not paid yet: the work order may not close." })
  paymentDue: boolean;
}

/** One line as the technician enters it. */
@InputType({ description: "A line item: description (max 200 characters), a whole quantity of 1–10000 and a whole unit amount in rupiah (0–2000000000)." })
export class CostLineInput {
  @Field(() => String)
  description: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Int)
  unitAmount: number;
}

/** A cost proposal as the technician sends it. */
@InputType({ description: "An extra cost for the customer to accept or decline; BAD_USER_INPUT names every bad line (lines.<i>.<field>)." })
export class ProposeCostInput {
  @Field(() => [CostLineInput], { description: "1–30 lines; the total is at most 2000000000 rupiah." })
  lines: CostLineInput[];

  @Field(() => String, { nullable: true, description: "What the technician found (max 5000 characters); kept on the work order." })
  findings?: string | null;
}

/** A payment as the desk records it. */
@InputType({ description: "The payment's status, method and amount; PAID and REFUNDED need a method and an amount." })
export class RecordPaymentInput {
  @Field(() => PaymentStatus)
  status: PaymentStatus;

  @Field(() => PaymentMethod, { nullable: true })
  method?: PaymentMethod | null;

  @Field(() => Int, { nullable: true, description: "Whole rupiah." })
  amount?: number | null;
}
