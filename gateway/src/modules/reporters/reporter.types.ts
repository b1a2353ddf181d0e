import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Priority, TicketStatus } from "../tickets/ticket.enums.js";
import type { RecoveryKey } from "./reporter-identity.rules.js";

/** What the tracker asks of a reporter to open a ticket again (reporter-identity.rules' recoveryKeys). */
export enum RecoveryKeyEnum {
  SIGN_IN = "SIGN_IN",
  CODE = "CODE",
  EMAIL = "EMAIL",
  PHONE = "PHONE",
  TRACKING_TOKEN = "TRACKING_TOKEN",
}
registerEnumType(RecoveryKeyEnum, {
  name: "RecoveryKey",
  description: "What the tracker asks for to open a ticket again: SIGN_IN (identified reporters), or the CODE with the report's EMAIL or PHONE, or the TRACKING_TOKEN.",
});

/** The rules' recovery key as the schema's enum (the same strings). */
export function recoveryKeyOf(key: RecoveryKey): RecoveryKeyEnum {
  return key as RecoveryKeyEnum;
}

/** The identified reporter, as the report form prefills and locks them. */
@ObjectType({ description: "The reporter a verified reporter token names; the form prefills and locks name and e-mail." })
export class ReporterProfile {
  @Field(() => String, { description: "The host site's user id (the token's sub)." })
  subject: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}

/** One line of an identified reporter's "my tickets". */
@ObjectType({ description: "One of the identified reporter's tickets." })
export class MyTicket {
  @Field(() => String, { description: "Open it with trackTicket(code) and the same reporter token." })
  code: string;

  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => Priority)
  priority: Priority;

  @Field(() => String, { description: "The start of the description, at most 140 characters." })
  summary: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Int, { description: "Public desk replies since the reporter last opened the ticket." })
  unreadReplies: number;
}

/** A page of "my tickets", newest first. */
@ObjectType({ description: "A page of the identified reporter's tickets, newest first." })
export class MyTicketPage {
  @Field(() => [MyTicket])
  items: MyTicket[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last." })
  nextCursor: string | null;
}

/** What a one-time link opens. */
@ObjectType({ description: "A ticket opened by a one-time link: its code and a fresh tracking token (the earlier token stops working)." })
export class TrackingAccess {
  @Field(() => String)
  code: string;

  @Field(() => String)
  trackingToken: string;
}
