import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { Topic, type TicketPresencePayload } from "../../realtime/topics.js";
import { DeskAction } from "../agents/permissions.rules.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { Ticket } from "../tickets/ticket.types.js";
import { TicketViewer } from "./awareness.types.js";
import { isUnread, isUnreadInPush } from "./unread.rules.js";

/**
 * Awareness on the desk: what is unread for the asking agent, and who else is on a ticket.
 * Read marks are the agent's own (no timeline, no audit); presence is never stored.
 */
@Resolver(() => Ticket)
export class AwarenessResolver {
  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => Boolean, {
    description:
      "The reporter wrote (or reported) after you last opened this ticket and after your account was created (the desk's history before you is not unread). In a queueChanged push, which serves the whole desk at once, it says whether the ticket's latest change was the reporter's.",
  })
  async unread(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<boolean> {
    if (ctx.shared) return isUnreadInPush(ticket);
    const agent = await ctx.agent();
    return isUnread(ticket, await ctx.services.readMarks.readAt(agent.id, ticket.id), agent.createdAt);
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @Mutation(() => Ticket, { description: "Marks a ticket read for you (opening it does this); idempotent, no timeline entry." })
  async markTicketRead(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<TicketEntity> {
    const agent = await ctx.agent();
    const ticket = await ctx.services.reads.byIdOrCode(agent.siteId, id);
    await ctx.services.readMarks.markRead(agent.id, ticket.id);
    return ticket;
  }

  @Authorized(DeskAction.VIEW_QUEUE)
  @Query(() => Int, {
    description: "Open tickets assigned to you, to your group or to no one, with reporter activity since your account was created that you have not read; at most 100 are counted.",
  })
  async unreadCount(@Ctx() ctx: SigapContext): Promise<number> {
    return ctx.services.readMarks.unreadCount(await ctx.agent());
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @Mutation(() => Boolean, { description: "You have this ticket open (send it on opening, every ~10 s while open, and when typing starts or stops)." })
  async announcePresence(@Arg("ticketId", () => ID) ticketId: string, @Arg("typing", () => Boolean) typing: boolean, @Ctx() ctx: SigapContext): Promise<boolean> {
    const agent = await ctx.agent();
    const ticket = await ctx.services.reads.byIdOrCode(agent.siteId, ticketId);
    ctx.services.presence.announce(agent, ticket.id, typing, false);
    return true;
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @Mutation(() => Boolean, { description: "You closed this ticket: the others stop seeing you at once." })
  async leaveTicket(@Arg("ticketId", () => ID) ticketId: string, @Ctx() ctx: SigapContext): Promise<boolean> {
    const agent = await ctx.agent();
    const ticket = await ctx.services.reads.byIdOrCode(agent.siteId, ticketId);
    ctx.services.presence.announce(agent, ticket.id, false, true);
    return true;
  }

  @Authorized(DeskAction.VIEW_TICKET)
  @Subscription(() => [TicketViewer], {
    description: "The other agents viewing or typing on a ticket of your site, whenever that changes (across gateways).",
    subscribe: async ({ args, context }) => {
      const ctx = context as SigapContext;
      const agent = await ctx.agent();
      const ticket = await ctx.services.reads.byIdOrCode(agent.siteId, String(args["ticketId"]));
      ctx.services.presence.watch(agent.siteId);
      const payload: TicketPresencePayload = { siteId: agent.siteId, ticketId: ticket.id, viewerId: agent.id };
      ctx.services.presence.greet(ticket.id);
      // Scoped by role and agent: each agent's list leaves themselves out.
      return ctx.services.live.feed(Topic.TICKET_PRESENCE, ticket.id, payload, `${agent.role}:${agent.id}`);
    },
  })
  ticketPresence(@Arg("ticketId", () => ID) _ticketId: string, @Root() payload: TicketPresencePayload, @Ctx() ctx: SigapContext): TicketViewer[] {
    return ctx.services.presence.viewers(payload.ticketId, payload.viewerId).map((e) => ({ agentId: e.agentId, name: e.name, typing: e.typing, since: new Date(e.since) }));
  }
}
