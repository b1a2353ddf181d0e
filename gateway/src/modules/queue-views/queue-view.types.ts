import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { IsOptional, ValidateNested } from "class-validator";
import { QueueFilter } from "../tickets/desk.inputs.js";
import { Text } from "../tickets/field-rule.validator.js";
import { QueueView, SAVED_VIEW_NAME_MAX } from "../tickets/queue-views.rules.js";
import { Priority, TicketStatus, TicketType } from "../tickets/ticket.enums.js";

/** One entry of the desk's views list with its live count. */
@ObjectType({ description: "A view of the desk queue with how many tickets it holds now." })
export class QueueViewCount {
  @Field(() => QueueView, { nullable: true, description: "The built-in view; null for a saved view." })
  view: QueueView | null;

  @Field(() => ID, { nullable: true, description: "The saved view's id; null for a built-in view." })
  savedViewId: string | null;

  @Field(() => String, { description: "The view's name in the agent's language (a saved view's own name)." })
  label: string;

  @Field(() => Int, { description: "Tickets in the view, at most the cap (see capped)." })
  count: number;

  @Field(() => Boolean, { description: "The view holds more than count: show it as `999+`." })
  capped: boolean;
}

/** A saved view's filters: the fields QueueFilter has, as saved. */
@ObjectType({ description: "The filters of a saved view: the same fields as QueueFilter." })
export class SavedQueueFilter {
  @Field(() => QueueView, { nullable: true })
  view: QueueView | null;

  @Field(() => [TicketStatus], { nullable: true })
  statuses: TicketStatus[] | null;

  @Field(() => [Priority], { nullable: true })
  priorities: Priority[] | null;

  @Field(() => [TicketType], { nullable: true })
  types: TicketType[] | null;

  @Field(() => ID, { nullable: true })
  groupId: string | null;

  @Field(() => ID, { nullable: true })
  assigneeId: string | null;

  @Field(() => Boolean, { nullable: true })
  breached: boolean | null;

  @Field(() => String, { nullable: true })
  fieldKey: string | null;

  @Field(() => String, { nullable: true })
  fieldValue: string | null;

  @Field(() => String, { nullable: true, description: "The search term, as QueueFilter.search." })
  search: string | null;
}

/** A queue view an agent saved. */
@ObjectType({ description: "A queue view the signed-in agent saved under a name." })
export class SavedQueueView {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => SavedQueueFilter)
  filter: SavedQueueFilter;
}

/** Saves the current filters under a name (a new view, or `id`'s). */
@InputType()
export class SaveQueueViewInput {
  @Field(() => ID, { nullable: true, description: "A saved view of yours to overwrite; omit to save a new one." })
  @IsOptional()
  id?: string | null;

  @Field(() => String, { description: `Unique among your views, 1–${SAVED_VIEW_NAME_MAX} characters.` })
  @Text("name", SAVED_VIEW_NAME_MAX, true)
  name: string;

  @Field(() => QueueFilter)
  @ValidateNested()
  filter: QueueFilter;
}
