import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { TicketType } from "../tickets/ticket.enums.js";

/** A name and help text in one language. */
@ObjectType({ description: "A name and its help text in one language." })
export class LocalizedName {
  @Field(() => String, { description: "id or en." })
  language: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  help: string | null;
}

/** An IT service as an admin edits it. */
@ObjectType({ description: "An IT service as an admin edits it (ADMIN only)." })
export class AdminService {
  @Field(() => ID)
  id: string;

  @Field(() => [LocalizedName], { description: "One per language given; a reader without theirs sees the other." })
  names: LocalizedName[];

  @Field(() => Int, { description: "Order in the lists, lowest first." })
  position: number;

  @Field(() => Boolean, { description: "Gone from the report form and the desk's pickers; old tickets keep its name." })
  retired: boolean;

  @Field(() => Int, { description: "Open tickets filed under it." })
  openTickets: number;

  @Field(() => TicketType, { description: "The type of ticket a report under it opens." })
  ticketType: TicketType;
}

/** A category as an admin edits it. */
@ObjectType({ description: "An incident category as an admin edits it (ADMIN only)." })
export class AdminCategory {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: "The top-level category it sits under; null at the top. The tree is one level deep." })
  parentId: string | null;

  @Field(() => [LocalizedName])
  names: LocalizedName[];

  @Field(() => Int, { description: "Order among its siblings, lowest first." })
  position: number;

  @Field(() => Boolean)
  retired: boolean;

  @Field(() => Int)
  openTickets: number;
}

/** A support group as an admin edits it. */
@ObjectType({ description: "A support group as an admin edits it (ADMIN only)." })
export class AdminGroup {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: "Support line: 1 service desk, 2 second line, 3 specialists." })
  level: number;

  @Field(() => Boolean, { description: "No longer offered for allocation or escalation." })
  retired: boolean;

  @Field(() => Int, { description: "Open tickets allocated to it: it cannot be retired, nor change level, while any remain." })
  openTickets: number;

  @Field(() => Int, { description: "Active agents in it: it cannot be retired while any remain." })
  activeAgents: number;
}

/** The whole catalogue as an admin edits it. */
@ObjectType({ description: "The site's services, category tree and support groups, retired ones included (ADMIN only)." })
export class CatalogAdmin {
  @Field(() => [AdminService], { description: "By position." })
  services: AdminService[];

  @Field(() => [AdminCategory], { description: "Each top-level category by position, followed by its sub-categories by position." })
  categories: AdminCategory[];

  @Field(() => [AdminGroup], { description: "By level, then name." })
  groups: AdminGroup[];
}

/** A name and help text as an admin gives them. */
@InputType({ description: "A name (1–120 characters) and help text (at most 500) in one language." })
export class LocalizedNameInput {
  @Field(() => String, { description: "id or en; each once." })
  language: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  help?: string | null;
}

/** A service to create or rename. */
@InputType({ description: "No id creates a service; with an id, its names are replaced by these (a language left out is removed)." })
export class SaveServiceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => [LocalizedNameInput], { description: "At least one; unique per language on the site (CONFLICT otherwise)." })
  names: LocalizedNameInput[];

  @Field(() => TicketType, { nullable: true, description: "The type of ticket a report under it opens; absent keeps it (INCIDENT for a new service). Old tickets keep theirs." })
  ticketType?: TicketType | null;
}

/** A category to create, rename or move. */
@InputType({ description: "No id creates a category; with an id, its names and parent are replaced by these." })
export class SaveCategoryInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: "A top-level category that is not retired; null or absent: top level." })
  parentId?: string | null;

  @Field(() => [LocalizedNameInput])
  names: LocalizedNameInput[];
}

/** A support group to create, rename or move to another level. */
@InputType({ description: "No id creates a support group; with an id, it is renamed and/or moved to the level given." })
export class SaveGroupInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { description: "1–120 characters, unique on the site." })
  name: string;

  @Field(() => Int, { description: "1, 2 or 3." })
  level: number;
}
