import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Agent } from "./agent.type.js";
import { Role } from "./role.js";

/** What a sign-in returns: the bearer token the desk widgets send, and when it stops working. */
@ObjectType({ description: "A signed-in agent's bearer token (send it as `Authorization: Bearer …` or the widget's `token`)." })
export class SignInResult {
  @Field(() => String)
  token: string;

  @Field(() => Date, { description: "When the token stops working; sign in again before." })
  expiresAt: Date;

  @Field(() => Agent)
  agent: Agent;
}

/** Which ways in a site offers, so the widget shows only those. */
@ObjectType({ description: "The ways agents of this site may sign in." })
export class SignInOptions {
  @Field(() => Boolean, { description: "E-mail and password (always offered; an agent without a password uses the reset link)." })
  password: boolean;

  @Field(() => String, { nullable: true, description: "The company identity provider's start URL (open it in a popup), or null when none is set up." })
  oidcStartUrl: string | null;

  @Field(() => String, { nullable: true, description: "The identity provider's name to show on the button." })
  oidcName: string | null;

  @Field(() => Int, { description: "Shortest password accepted." })
  passwordMinLength: number;
}

/** An admin's invitation of a new agent. */
@InputType()
export class InviteAgentInput {
  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => Role)
  role: Role;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;
}
