import { Field, ID, Int, ObjectType } from "type-graphql";
import { Role } from "../agents/role.js";
import { type Impact, Priority, type Urgency } from "../tickets/ticket.enums.js";

/** An IT service of the catalogue. */
@ObjectType()
export class ItService {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;
}

/** An incident category. */
@ObjectType()
export class Category {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ID, { nullable: true })
  parentId: string | null;
}

/** A support group at a support level. */
@ObjectType()
export class SupportGroup {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  level: number;
}

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
}

/** Help text for one urgency or impact level, in English and Indonesian. */
@ObjectType()
export class LevelHelp {
  @Field(() => String)
  level: Urgency | Impact;

  @Field(() => [String])
  en: string[];

  @Field(() => [String])
  id: string[];
}

/** The SLA targets of one priority. */
@ObjectType()
export class SlaTargetView {
  @Field(() => Priority)
  priority: Priority;

  @Field(() => String)
  labelEn: string;

  @Field(() => String)
  labelId: string;

  @Field(() => Int)
  responseMinutes: number;

  @Field(() => Int)
  resolutionMinutes: number;
}

/** What a public widget needs to know about its site. */
@ObjectType({ description: "What the report form needs: the catalogue, help text and limits." })
export class PublicSite {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: "IANA time zone of the site." })
  timeZone: string;

  @Field(() => [ItService])
  services: ItService[];

  @Field(() => [LevelHelp], { description: "Seed 002 table 3." })
  urgencyHelp: LevelHelp[];

  @Field(() => [LevelHelp], { description: "Seed 002 table 4." })
  impactHelp: LevelHelp[];

  @Field(() => [SlaTargetView])
  slaPolicy: SlaTargetView[];

  @Field(() => Int)
  maxUploadBytes: number;

  @Field(() => Int)
  maxAttachmentsPerTicket: number;

  @Field(() => [String])
  allowedUploadTypes: string[];
}

/** Everything the desk picks from when classifying and allocating. */
@ObjectType()
export class DeskDirectory {
  @Field(() => [ItService])
  services: ItService[];

  @Field(() => [Category])
  categories: Category[];

  @Field(() => [SupportGroup])
  groups: SupportGroup[];

  @Field(() => [Agent])
  agents: Agent[];

  @Field(() => [SlaTargetView])
  slaPolicy: SlaTargetView[];
}
