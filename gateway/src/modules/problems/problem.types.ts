import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageInfo, Ticket } from "../tickets/ticket.types.js";
import { ProblemEventKind } from "./problem-event.entity.js";
import { ProblemResolveMode, ProblemStatus } from "./problem.rules.js";

/** A problem as the desk sees it; its incidents, timeline and actions are field resolvers. */
@ObjectType({ description: "A problem record (ITIL problem management): the cause behind repeated incidents, its workaround and fix. Desk only: reporters never see it." })
export class Problem {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "PRB-<unit>-<n>, the site's own sequence." })
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => ProblemStatus)
  status: ProblemStatus;

  @Field(() => ID, { nullable: true })
  serviceId: string | null;

  @Field(() => ID, { nullable: true })
  categoryId: string | null;

  @Field(() => String, { nullable: true })
  rootCause: string | null;

  @Field(() => String, { nullable: true, description: "What the desk does meanwhile; a problem with a workaround is a KNOWN_ERROR." })
  workaround: string | null;

  @Field(() => String, { nullable: true, description: "The permanent fix, once resolved." })
  resolution: string | null;

  @Field(() => ID, { nullable: true, description: "The support group that owns it." })
  groupId: string | null;

  @Field(() => ID, { nullable: true, description: "The agent who owns it." })
  ownerId: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { description: "The name of who raised it." })
  raisedBy: string;
}

/** One entry of a problem's timeline. */
@ObjectType({ description: "One entry of a problem's timeline (each also an audit line)." })
export class ProblemEvent {
  @Field(() => ID)
  id: number;

  @Field(() => Date)
  at: Date;

  @Field(() => ProblemEventKind)
  kind: ProblemEventKind;

  @Field(() => String)
  actorName: string;

  @Field(() => ProblemStatus, { nullable: true })
  fromStatus: ProblemStatus | null;

  @Field(() => ProblemStatus, { nullable: true })
  toStatus: ProblemStatus | null;

  @Field(() => String, { nullable: true, description: "The incident linked or unlinked." })
  ticketCode: string | null;

  @Field(() => String, { nullable: true, description: "A note, the resolution, or the names of the fields edited." })
  body: string | null;
}

/** A problem of a page. */
@ObjectType()
export class ProblemEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Problem)
  node: Problem;
}

/** A page of problems, most recently changed first. */
@ObjectType({ description: "A page of the site's problems, most recently changed first." })
export class ProblemConnection {
  @Field(() => [ProblemEdge])
  edges: ProblemEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

/** The tickets like one ticket in a recent period. */
@ObjectType({ description: "Tickets of the last `days` days like this one: the same service and category, or the same telling words; the ticket itself excluded." })
export class SimilarIncidents {
  @Field(() => Int)
  days: number;

  @Field(() => Int, { description: "How many there are." })
  count: number;

  @Field(() => [Ticket], { description: "The newest 50 of them, newest first." })
  tickets: Ticket[];
}

/** Which problems a list shows. */
@InputType({ description: "Narrows problems(): by status (any of), by service, to those incidents may be linked to." })
export class ProblemFilter {
  @Field(() => [ProblemStatus], { nullable: true })
  status?: ProblemStatus[] | null;

  @Field(() => ID, { nullable: true })
  serviceId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only the problems incidents may still be linked to (not RESOLVED or CLOSED)." })
  linkable?: boolean | null;
}

/** A new problem from incidents. */
@InputType({ description: "A problem to raise from incidents; service and category default to the first incident's." })
export class RaiseProblemInput {
  @Field(() => String, { description: "Required, max 200 characters." })
  title: string;

  @Field(() => String, { description: "Required, max 5000 characters." })
  description: string;

  @Field(() => [ID], { defaultValue: [], description: "Incidents of the site to link (each links to at most one problem; max 200)." })
  ticketIds: string[];

  @Field(() => ID, { nullable: true })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;
}

/** A change to a problem's record; omitted fields stay, "" clears a text. */
@InputType({ description: "Fields to change (omit to keep; an empty string clears root cause or workaround). Giving a workaround to a NEW or INVESTIGATING problem makes it a KNOWN_ERROR." })
export class UpdateProblemInput {
  @Field(() => String, { nullable: true, description: "Max 200 characters." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Max 5000 characters." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Max 5000 characters." })
  rootCause?: string | null;

  @Field(() => String, { nullable: true, description: "Max 5000 characters." })
  workaround?: string | null;

  @Field(() => ID, { nullable: true })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "A support group of the site." })
  groupId?: string | null;

  @Field(() => ID, { nullable: true, description: "An active agent of the site." })
  ownerId?: string | null;
}

/** How a problem is resolved. */
@InputType({ description: "The fix and what happens to the open linked incidents (Problem.resolveModes lists the modes you may choose)." })
export class ResolveProblemInput {
  @Field(() => String, { description: "Required, max 5000 characters; also each incident's resolution (RESOLVE_LINKED) or the reply naming the fix (NOTIFY_LINKED)." })
  resolution: string;

  @Field(() => ProblemResolveMode)
  mode: ProblemResolveMode;

  @Field(() => String, { defaultValue: "FIXED", description: "The closure code the incidents are resolved with (DeskDirectory.closureCodes)." })
  closureCode: string;
}
