import { Field, ID, InputType, ObjectType } from "type-graphql";
import { AGENT_NAME_MAX_LENGTH, TAG_LIST_MAX_ITEMS, TAG_MAX_LENGTH } from "./agent-admin.rules.js";
import { Role } from "./role.js";

/** An agent as the desk administration shows it. */
@ObjectType({ description: "An agent as an ADMIN (any) or a SUPERVISOR (their own group's) manages them." })
export class AdminAgent {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ID, { nullable: true })
  groupId: string | null;

  @Field(() => String, { description: "The language of the desk mail this person receives: id or en." })
  language: string;

  @Field(() => [String], { description: "Areas this person works in (work orders are routed by region)." })
  regions: string[];

  @Field(() => [String], { description: "What this person is good at." })
  skills: string[];

  @Field(() => Boolean)
  active: boolean;

  @Field(() => Boolean, { description: "Whether the agent has set a password; without one they sign in with the company's identity provider or their invitation link." })
  hasPassword: boolean;

  @Field(() => Date)
  createdAt: Date;
}

/** A change of an agent: only the fields given change. */
@InputType({
  description: `Fields to change; left out stays. A SUPERVISOR may change only language, regions and skills of their group's agents. regions and skills: at most ${TAG_LIST_MAX_ITEMS} entries of at most ${TAG_MAX_LENGTH} characters each; null or [] empties them.`,
})
export class UpdateAgentInput {
  @Field(() => String, { nullable: true, description: `1 to ${AGENT_NAME_MAX_LENGTH} characters.` })
  name?: string | null;

  @Field(() => Role, { nullable: true, description: "Only an ADMIN grants or removes ADMIN; nobody changes their own role or demotes the last active ADMIN." })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: "A support group of the site; null: none." })
  groupId?: string | null;

  @Field(() => String, { nullable: true, description: "id or en." })
  language?: string | null;

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true })
  skills?: string[] | null;
}
