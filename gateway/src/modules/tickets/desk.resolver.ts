import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { TICKET_TYPE_LABEL } from "./ticket-type.labels.js";
import type { SigapContext } from "../../context.js";
import { Topic, type QueueChangedPayload } from "../../realtime/topics.js";
import { DeskAction, TicketAction } from "../agents/permissions.rules.js";
import {
  AssignTicketInput,
  ChangeStatusInput,
  ClassifyTicketInput,
  EscalateTicketInput,
  MessageInput,
  QueueFilter,
  ResolveTicketInput,
} from "./desk.inputs.js";
import { EscalationTargets } from "./escalation.types.js";
import { textProblem } from "./field.rules.js";
import { badField } from "../../errors.js";
import { Label } from "./label.type.js";
import type { TicketEntity } from "./ticket.entity.js";
import { TicketStatus } from "./ticket.enums.js";
import { AttachmentInfo, FeedbackView, QueueEvent, SlaState, Ticket, TicketConnection } from "./ticket.types.js";
import { TimelineEntry } from "./timeline-entry.types.js";

const { CLASSIFY, ASSIGN, CHANGE_STATUS, REPLY, INTERNAL_NOTE, ESCALATE_FUNCTIONAL, ESCALATE_HIERARCHICAL, RESOLVE, CLOSE, REOPEN, CANCEL } = TicketAction;

/**
 * The desk surface: the queue, ticket detail and every handling step, for signed-in agents.
 * Each entry point declares its actions once (`@Authorized`, checked by agents/auth-checker
 * against the permissions table), parses, and delegates.
 */
@Resolver(() => Ticket)
export class DeskResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => TicketConnection, { description: "Open tickets by priority, then the site's queue order (SLA due time, or pure arrival), then arrival." })
  async queue(
    @Arg("filter", () => QueueFilter, { nullable: true }) filter: QueueFilter | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketConnection> {
    const page = await ctx.services.queue.page(await ctx.agent(), filter, first, after);
    return {
      edges: page.tickets.map((node, i) => ({ node, cursor: page.cursors[i]! })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @Query(() => Ticket, { description: "A ticket of your site by id or code." })
  async ticket(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.reads.byIdOrCode((await ctx.agent()).siteId, id);
  }

  @Authorized(CLASSIFY)
  @Mutation(() => Ticket, { description: "Log and classify: category, service, urgency, impact; priority and SLA targets follow." })
  async classifyTicket(@Arg("id", () => ID) id: string, @Arg("input", () => ClassifyTicketInput) input: ClassifyTicketInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.classify(await ctx.agent(), id, input, ctx.request.clientAddress);
  }

  @Authorized(ASSIGN)
  @Mutation(() => Ticket, { description: "Allocate to a group and/or a person (`me` for yourself)." })
  async assignTicket(@Arg("id", () => ID) id: string, @Arg("input", () => AssignTicketInput) input: AssignTicketInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.assign(await ctx.agent(), id, input, ctx.request.clientAddress);
  }

  @Authorized(CHANGE_STATUS, RESOLVE, CLOSE, REOPEN, CANCEL)
  @Mutation(() => Ticket, { description: "Move a ticket along the status graph, to one of its nextStatuses." })
  async changeTicketStatus(@Arg("id", () => ID) id: string, @Arg("input", () => ChangeStatusInput) input: ChangeStatusInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.changeStatus(await ctx.agent(), id, input, ctx.request.clientAddress);
  }

  @Authorized(REPLY)
  @Mutation(() => Ticket, { description: "A public reply to the reporter." })
  async replyToReporter(@Arg("id", () => ID) id: string, @Arg("input", () => MessageInput) input: MessageInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.reply(await ctx.agent(), id, input, ctx.request.clientAddress);
  }

  @Authorized(INTERNAL_NOTE)
  @Mutation(() => Ticket, { description: "An internal note; the reporter never sees it, nor its files." })
  async addInternalNote(@Arg("id", () => ID) id: string, @Arg("input", () => MessageInput) input: MessageInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.note(await ctx.agent(), id, input, ctx.request.clientAddress);
  }

  @Authorized(ESCALATE_FUNCTIONAL, ESCALATE_HIERARCHICAL)
  @Mutation(() => Ticket, { description: "Functional or hierarchical escalation with handling notes; see Ticket.escalationTargets." })
  async escalateTicket(@Arg("id", () => ID) id: string, @Arg("input", () => EscalateTicketInput) input: EscalateTicketInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.escalate(await ctx.agent(), id, input, ctx.request.clientAddress);
  }

  @Authorized(RESOLVE)
  @Mutation(() => Ticket, { description: "Resolve: the resolution, a closure code of DeskDirectory.closureCodes, and whether it goes to the knowledge base." })
  async resolveTicket(@Arg("id", () => ID) id: string, @Arg("input", () => ResolveTicketInput) input: ResolveTicketInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.changeStatus(await ctx.agent(), id, { status: TicketStatus.RESOLVED, ...input }, ctx.request.clientAddress);
  }

  @Authorized(CLOSE)
  @Mutation(() => Ticket, { description: "Close a resolved ticket once the reporter confirms." })
  async closeTicket(@Arg("id", () => ID) id: string, @Arg("note", () => String, { nullable: true }) note: string | null, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.changeStatus(await ctx.agent(), id, { status: TicketStatus.CLOSED, note: text("note", note, false) }, ctx.request.clientAddress);
  }

  @Authorized(REOPEN)
  @Mutation(() => Ticket, { description: "Reopen a RESOLVED ticket (or a CLOSED one, within the site's reopen window); CONFLICT otherwise." })
  async reopenTicket(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.reopen(await ctx.agent(), id, text("reason", reason, true)!, ctx.request.clientAddress);
  }

  @Authorized(CANCEL)
  @Mutation(() => Ticket, { description: "Cancel a ticket that needs no handling (duplicate, mistaken report)." })
  async cancelTicket(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.desk.changeStatus(await ctx.agent(), id, { status: TicketStatus.CANCELLED, note: text("reason", reason, false) }, ctx.request.clientAddress);
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Subscription(() => QueueEvent, {
    description: "Every change that alters your site's queue.",
    subscribe: async ({ context }) => {
      const ctx = context as SigapContext;
      const agent = await ctx.agent();
      // Scoped by role: the tickets it pushes answer allowedActions and nextStatuses for that role.
      return ctx.services.live.feed(Topic.QUEUE_CHANGED, agent.siteId, { siteId: agent.siteId, ticketId: null, kind: "RESYNC" }, agent.role);
    },
  })
  async queueChanged(@Root() payload: QueueChangedPayload, @Ctx() ctx: SigapContext): Promise<QueueEvent> {
    if (payload.ticketId === null) return { kind: payload.kind, ticket: null };
    return { kind: payload.kind, ticket: await ctx.services.reads.byId(payload.siteId, payload.ticketId) };
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => [TicketAction], { description: "What you may do to this ticket now: your role's permissions and the ticket's state. The gateway enforces exactly this list." })
  async allowedActions(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<TicketAction[]> {
    return ctx.services.views.actionsFor(ticket, await ctx.deskRole());
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => [TicketStatus], { description: "Statuses you may move this ticket to now through changeTicketStatus: the lifecycle graph, filtered by your role." })
  async nextStatuses(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<TicketStatus[]> {
    return ctx.services.views.statusesFor(ticket, await ctx.deskRole());
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => EscalationTargets, { description: "Where you may escalate this ticket now; empty lists when you cannot." })
  async escalationTargets(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<EscalationTargets> {
    return ctx.services.views.escalationTargets(ticket, await ctx.deskRole());
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => Label, { description: "What the ticket's type (incident, service request, work order) is called, in both languages." })
  typeLabel(@Root() ticket: TicketEntity): Label {
    return TICKET_TYPE_LABEL[ticket.ticketType];
  }

  @FieldResolver(() => Label, { nullable: true, description: "Closure code label, when resolved." })
  closureLabel(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Label | null {
    return ctx.services.views.closureLabel(ticket);
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => SlaState)
  sla(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<SlaState> {
    return ctx.services.views.sla(ticket);
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => [TimelineEntry], { description: "Every entry, internal notes included, oldest first." })
  timeline(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<TimelineEntry[]> {
    return ctx.services.views.deskTimeline(ticket);
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => FeedbackView, { nullable: true })
  feedback(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<FeedbackView | null> {
    return ctx.services.views.feedbackOf(ticket);
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => [AttachmentInfo])
  attachments(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<AttachmentInfo[]> {
    return ctx.services.views.deskAttachments(ticket);
  }
}

/** A free-text argument checked as field.rules counts it (arguments outside input types get no class-validator). */
function text(field: string, value: string | null, required: boolean): string | null {
  const problem = textProblem(field, value, undefined, required);
  if (problem) throw badField(field, problem);
  return value;
}
