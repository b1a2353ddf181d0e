import { Field, ID, ObjectType } from "type-graphql";
import { Role } from "./role.js";

/** A desk member. */
@ObjectType()
export class Agent {
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

  @Field(() => Boolean)
  active: boolean;

  @Field(() => String, { description: "The language of the desk mail this person receives: id or en." })
  language: string;
}
