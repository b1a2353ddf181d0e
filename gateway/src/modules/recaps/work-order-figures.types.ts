/** The recap's work-order part as GraphQL serves it (definitions in work-order-figures.rules.ts). */
import { Field, Float, Int, ObjectType } from "type-graphql";
import { PaymentMethod } from "../workorders/work-order.rules.js";
import { RecapDimension } from "./recap.types.js";

/** A count with its sum in rupiah. */
@ObjectType({ description: "A count and its sum in whole rupiah." })
export class RecapCountAmount {
  @Field(() => Int)
  count: number;

  @Field(() => Float, { description: "Whole rupiah (a Float because a period's sum may pass GraphQL Int's 2^31)." })
  amount: number;
}

/** One payment method's payments in the period. */
@ObjectType({ description: "The PAID payments recorded in the period with one method." })
export class RecapMethodPayments extends RecapCountAmount {
  @Field(() => PaymentMethod)
  method: PaymentMethod;
}

/** A recap's work-order figures, for the scope or one breakdown row. */
@ObjectType({ description: "Work-order figures of a period (seed 003); definitions in gateway/src/modules/recaps/work-order-figures.rules.ts." })
export class RecapWorkOrderFigures {
  @Field(() => Int, { description: "Work orders created in the period." })
  workOrdersIn: number;

  @Field(() => Int, { description: "Work orders resolved in the period." })
  completed: number;

  @Field(() => Int, { description: "Completed in the period and not PAID as they stand now." })
  unpaidCompleted: number;

  @Field(() => Int, { description: "Of the unpaid completed jobs, those whose customer accepted an extra cost (payment due)." })
  unpaidCompletedPaymentDue: number;

  @Field(() => RecapCountAmount, { description: "Extra costs proposed in the period." })
  costsProposed: RecapCountAmount;

  @Field(() => RecapCountAmount, { description: "Extra costs the customer accepted in the period." })
  costsAccepted: RecapCountAmount;

  @Field(() => RecapCountAmount, { description: "Extra costs the customer declined in the period." })
  costsDeclined: RecapCountAmount;

  @Field(() => RecapCountAmount, { description: "Extra costs proposed before the period's end and not decided by then." })
  costsAwaiting: RecapCountAmount;

  @Field(() => [RecapMethodPayments], { description: "PAID payments recorded in the period, by method (every method, zeros too)." })
  payments: RecapMethodPayments[];

  @Field(() => RecapCountAmount, { description: "PAID payments recorded in the period, all methods." })
  paid: RecapCountAmount;

  @Field(() => RecapCountAmount, { description: "Refunds recorded in the period." })
  refunded: RecapCountAmount;
}

/** One row of a work-order breakdown. */
@ObjectType({ description: "One row of a work-order breakdown (key null: none set)." })
export class RecapWorkOrderRow {
  @Field(() => String, { nullable: true })
  key: string | null;

  @Field(() => String)
  label: string;

  @Field(() => RecapWorkOrderFigures)
  figures: RecapWorkOrderFigures;
}

/** The work-order figures by one dimension. */
@ObjectType({ description: "The period's work-order figures by one of the recap's dimensions." })
export class RecapWorkOrderBreakdown {
  @Field(() => RecapDimension)
  dimension: RecapDimension;

  @Field(() => [RecapWorkOrderRow])
  rows: RecapWorkOrderRow[];
}

/** The recap's work-order part. */
@ObjectType({ description: "A recap's work-order part: totals, and breakdowns by kecamatan, group, service or technician when the recap asks for them." })
export class RecapWorkOrders {
  @Field(() => RecapWorkOrderFigures)
  totals: RecapWorkOrderFigures;

  @Field(() => [RecapWorkOrderBreakdown], { description: "One per dimension asked for among LOCATION, GROUP, SERVICE and AGENT, in the order asked." })
  breakdowns: RecapWorkOrderBreakdown[];
}
