import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DeclinedCostOutcome } from "../workorders/work-order.rules.js";
import { AssignmentStrategy } from "./assignment.rules.js";

/** A routing rule as admins see it. */
@ObjectType({ description: "Sends a new work order (or, where the site opts in, an incident) whose every given condition holds to a technician group; rules are tried by position, the first match wins." })
export class RoutingRule {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "0 is tried first." })
  position: number;

  @Field(() => String, { nullable: true, description: "The ticket's kecamatan (or branch), compared without case; null: any." })
  region: string | null;

  @Field(() => ID, { nullable: true, description: "The service reported; null: any." })
  serviceId: string | null;

  @Field(() => ID, { nullable: true, description: "The ticket's category; null: any." })
  categoryId: string | null;

  @Field(() => String, { nullable: true, description: "A skill the assigned technician must list; null: any member of the group." })
  skill: string | null;

  @Field(() => ID, { description: "The technician group (support group) the ticket goes to." })
  groupId: string;
}

/** One rule as setRoutingRules takes it. */
@InputType({ description: "A routing rule; blank conditions match anything." })
export class RoutingRuleInput {
  @Field(() => String, { nullable: true, description: "A kecamatan or branch, at most 60 characters." })
  region?: string | null;

  @Field(() => ID, { nullable: true })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => String, { nullable: true, description: "At most 60 characters." })
  skill?: string | null;

  @Field(() => ID)
  groupId: string;
}

/** How a site routes, assigns and handles declined costs. */
@ObjectType({ description: "How a site routes and assigns new tickets, and what a declined work-order cost does." })
export class DispatchSettings {
  @Field(() => AssignmentStrategy, { description: "How the technician inside the routed group is picked." })
  assignment: AssignmentStrategy;

  @Field(() => Boolean, { description: "Incidents are routed too, not only work orders." })
  routeIncidents: boolean;

  @Field(() => DeclinedCostOutcome, { description: "What happens to a work order whose extra cost the customer declines." })
  declinedCost: DeclinedCostOutcome;
}

/** A change to the dispatch settings; what is left out stays. */
@InputType({ description: "Dispatch settings to change; fields left out keep their value." })
export class DispatchSettingsInput {
  @Field(() => AssignmentStrategy, { nullable: true })
  assignment?: AssignmentStrategy | null;

  @Field(() => Boolean, { nullable: true })
  routeIncidents?: boolean | null;

  @Field(() => DeclinedCostOutcome, { nullable: true })
  declinedCost?: DeclinedCostOutcome | null;
}
