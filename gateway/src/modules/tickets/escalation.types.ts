import { Field, Int, ObjectType } from "type-graphql";
import { Agent } from "../agents/agent.type.js";
import { Role } from "../agents/role.js";
import { SupportGroup } from "../catalog/catalog.types.js";
import { Label } from "./label.type.js";

/** A support level a ticket can be escalated to. */
@ObjectType({ description: "A support level above the ticket's current one, with the site's groups at that level." })
export class FunctionalEscalationTarget {
  @Field(() => Int)
  level: number;

  @Field(() => Label)
  label: Label;

  @Field(() => [SupportGroup])
  groups: SupportGroup[];
}

/** A management level a ticket can be escalated to. */
@ObjectType({ description: "A management level above the ticket's current one: 1 supervisor, 2 manager." })
export class HierarchicalEscalationTarget {
  @Field(() => Int)
  level: number;

  @Field(() => Label)
  label: Label;

  @Field(() => [Role], { description: "Roles that receive this level." })
  roles: Role[];

  @Field(() => [Agent], { description: "Active agents of the site with one of those roles." })
  agents: Agent[];
}

/** Where a ticket can be escalated now. */
@ObjectType({ description: "Where this ticket can be escalated to now, by you; empty lists when it cannot." })
export class EscalationTargets {
  @Field(() => [FunctionalEscalationTarget], { description: "Support levels above the current one." })
  functional: FunctionalEscalationTarget[];

  @Field(() => [HierarchicalEscalationTarget], { description: "Management levels above the current one." })
  hierarchical: HierarchicalEscalationTarget[];
}
