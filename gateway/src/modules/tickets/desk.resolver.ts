import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { Topic, type QueueChangedPayload } from "../../realtime/topics.js";
import { DeskAction } from "../agents/permissions.rules.js";
import {
  AssignTicketInput,
  ChangeStatusInput,
  ClassifyTicketInput,
  EscalateTicketInput,
  MessageInput,
  QueueFilter,
  ResolveTicketInput,
} from "./desk.inputs.js";
import type { TicketEntity } from "./ticket.entity.js";
import { TRANSITIONS } from "./status.rules.js";
import { TicketStatus } from "./ticket.enums.js";
import { AttachmentInfo, FeedbackView, QueueEvent, SlaState, Ticket, TicketConnection, TimelineEntry } from "./ticket.types.js";

/** The desk surface: the queue, ticket detail and every handling step, for signed-in agents. */
@Resolver(() => Ticket)
export class DeskResolver {
  @Query(() => TicketConnection, { description: "Open tickets by priority, then SLA due time, then arrival (FIFO within priority)." })
  async queue(
    @Arg("filter", () => QueueFilter, { nullable: true }) filter: QueueFilter | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketConnection> {
    const agent = await ctx.agent();
    ctx.services.agents.authorize(agent, DeskAction.VIEW_QUEUE);
    const page = await ctx.services.tickets.queue(agent, filter, first, after);
    return {
      edges: page.tickets.map((node, i) => ({ node, cursor: page.cursors[i]! })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }

  @Query(() => Ticket, { description: "A ticket of your site by id or code." })
  async ticket(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    const agent = await ctx.agent();
    ctx.services.agents.authorize(agent, DeskAction.VIEW_TICKET);
    return ctx.services.tickets.getForDesk(agent, id);
  }

  @Mutation(() => Ticket, { description: "Log and classify: category, service, urgency, impact; priority and SLA targets follow." })
  async classifyTicket(@Arg("id", () => ID) id: string, @Arg("input", () => ClassifyTicketInput) input: ClassifyTicketInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.classify(await ctx.agent(), id, input);
  }

  @Mutation(() => Ticket, { description: "Allocate to a group and/or a person (`me` for yourself)." })
  async assignTicket(@Arg("id", () => ID) id: string, @Arg("input", () => AssignTicketInput) input: AssignTicketInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.assign(await ctx.agent(), id, input);
  }

  @Mutation(() => Ticket, { description: "Move a ticket along the status graph." })
  async changeTicketStatus(@Arg("id", () => ID) id: string, @Arg("input", () => ChangeStatusInput) input: ChangeStatusInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.changeStatus(await ctx.agent(), id, input);
  }

  @Mutation(() => Ticket, { description: "A public reply to the reporter." })
  async replyToReporter(@Arg("id", () => ID) id: string, @Arg("input", () => MessageInput) input: MessageInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.reply(await ctx.agent(), id, input);
  }

  @Mutation(() => Ticket, { description: "An internal note; the reporter never sees it." })
  async addInternalNote(@Arg("id", () => ID) id: string, @Arg("input", () => MessageInput) input: MessageInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.note(await ctx.agent(), id, input);
  }

  @Mutation(() => Ticket, { description: "Functional or hierarchical escalation with handling notes." })
  async escalateTicket(@Arg("id", () => ID) id: string, @Arg("input", () => EscalateTicketInput) input: EscalateTicketInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.escalate(await ctx.agent(), id, input);
  }

  @Mutation(() => Ticket, { description: "Resolve: the resolution, a closure code, and whether it goes to the knowledge base." })
  async resolveTicket(@Arg("id", () => ID) id: string, @Arg("input", () => ResolveTicketInput) input: ResolveTicketInput, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.changeStatus(await ctx.agent(), id, { status: TicketStatus.RESOLVED, ...input });
  }

  @Mutation(() => Ticket, { description: "Close a resolved ticket once the reporter confirms." })
  async closeTicket(@Arg("id", () => ID) id: string, @Arg("note", () => String, { nullable: true }) note: string | null, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.changeStatus(await ctx.agent(), id, { status: TicketStatus.CLOSED, note });
  }

  @Mutation(() => Ticket, { description: "Reopen a resolved ticket." })
  async reopenTicket(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.changeStatus(await ctx.agent(), id, { status: TicketStatus.IN_PROGRESS, note: reason });
  }

  @Mutation(() => Ticket, { description: "Cancel a ticket that needs no handling (duplicate, mistaken report)." })
  async cancelTicket(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    return ctx.services.tickets.changeStatus(await ctx.agent(), id, { status: TicketStatus.CANCELLED, note: reason });
  }

  @Subscription(() => QueueEvent, {
    description: "Every change that alters your site's queue.",
    subscribe: async ({ context }) => {
      const ctx = context as SigapContext;
      const agent = await ctx.agent();
      ctx.services.agents.authorize(agent, DeskAction.VIEW_QUEUE);
      return ctx.services.live.feed(Topic.QUEUE_CHANGED, agent.siteId, { siteId: agent.siteId, ticketId: null, kind: "RESYNC" });
    },
  })
  async queueChanged(@Root() payload: QueueChangedPayload, @Ctx() ctx: SigapContext): Promise<QueueEvent> {
    if (payload.ticketId === null) return { kind: payload.kind, ticket: null };
    return { kind: payload.kind, ticket: await ctx.services.tickets.byId(payload.siteId, payload.ticketId) };
  }

  @FieldResolver(() => [TicketStatus], { description: "Statuses this ticket may move to now, by the lifecycle graph the gateway enforces." })
  nextStatuses(@Root() ticket: TicketEntity): TicketStatus[] {
    return [...TRANSITIONS[ticket.status]];
  }

  @FieldResolver(() => SlaState)
  sla(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<SlaState> {
    return ctx.services.views.sla(ticket);
  }

  @FieldResolver(() => [TimelineEntry], { description: "Every entry, internal notes included, oldest first." })
  timeline(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<TimelineEntry[]> {
    return ctx.services.views.deskTimeline(ticket);
  }

  @FieldResolver(() => FeedbackView, { nullable: true })
  feedback(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<FeedbackView | null> {
    return ctx.services.views.feedback(ticket);
  }

  @FieldResolver(() => [AttachmentInfo])
  attachments(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<AttachmentInfo[]> {
    return ctx.services.views.attachmentsOf(ticket);
  }
}
