import { Field, ID, InputType, ObjectType } from "type-graphql";

/** One line of the audit trail as an admin reads it. */
@ObjectType({ description: "One audited action: who, when, from where, what, and the changed fields before and after." })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: "AGENT, REPORTER (a reporter's action on their ticket, named `reporter`), CLI or SYSTEM." })
  actorKind: string;

  @Field(() => ID, { nullable: true, description: "The agent's id; null for REPORTER, CLI and SYSTEM." })
  actorId: string | null;

  @Field(() => String, { description: "The agent's name as it was then, cli:<os user>, or the job's name." })
  actorName: string;

  @Field(() => String, { nullable: true, description: "The client address (behind trusted proxies only); null for CLI and jobs." })
  ip: string | null;

  @Field(() => String, { description: "<subject>.<verb>, e.g. site.update, ticket.assign, reporter.erase." })
  action: string;

  @Field(() => String, { description: "site, agent, ticket, webhook, reporter…" })
  subjectType: string;

  @Field(() => String, { nullable: true, description: "The subject's id (a ticket's code); null for the site itself or a reporter." })
  subjectId: string | null;

  @Field(() => String, { nullable: true, description: "The changed fields' values before, a JSON object; null for a creation or a plain action." })
  beforeJson: string | null;

  @Field(() => String, { nullable: true, description: "The changed fields' values after, a JSON object; null for a removal or a plain action." })
  afterJson: string | null;
}

/** One page of the audit log, newest first. */
@ObjectType({ description: "A page of the audit log, newest first." })
export class AuditPage {
  @Field(() => [AuditEntry])
  entries: AuditEntry[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last page." })
  nextCursor: string | null;
}

/** What the audit log is filtered by; all optional. */
@InputType({ description: "Filters of the audit log; fields left out do not filter." })
export class AuditFilter {
  @Field(() => Date, { nullable: true, description: "Lines at or after this instant." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Lines at or before this instant." })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: "Lines of this agent." })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'An exact action ("site.update") or a prefix ending in a dot ("site.").' })
  action?: string | null;

  @Field(() => String, { nullable: true })
  subjectType?: string | null;

  @Field(() => String, { nullable: true, description: "A subject's id, e.g. a ticket's code." })
  subjectId?: string | null;
}
