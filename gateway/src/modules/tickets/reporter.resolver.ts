import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { badField } from "../../errors.js";
import { guardReport } from "../../http/limits/form-token.resolver.js";
import { Topic, type TicketChangedPayload } from "../../realtime/topics.js";
import { ConfirmResolutionInput, FeedbackInput, MessageInput, WithdrawTicketInput } from "./desk.inputs.js";
import { ReportIncidentInput } from "./report-incident.input.js";
import { IncidentReceipt, TicketView } from "./ticket.types.js";
import type { TicketEntity } from "./ticket.entity.js";
import { recoveryKeys } from "../reporters/reporter-identity.rules.js";
import { recoveryKeyOf } from "../reporters/reporter.types.js";

/**
 * The public surface the embedded widgets use. Its authorization is the site key (checked with
 * the origin by `ctx.publicSite()`) and, per ticket, the code and tracking token; what it returns
 * passes visibility.rules in the view service.
 */
@Resolver()
export class ReporterResolver {
  @Mutation(() => IncidentReceipt, { description: "Report an incident. Retrying with the same idempotencyKey returns the same receipt." })
  async reportIncident(@Arg("input", () => ReportIncidentInput) input: ReportIncidentInput, @Ctx() ctx: SigapContext): Promise<IncidentReceipt> {
    const { site, policies } = await ctx.publicSite();
    const reporter = await ctx.reporter();
    await guardReport(ctx, input);
    const { ticket, trackingToken } = await ctx.services.intake.report(site, policies, input, reporter);
    return {
      findAgainWith: recoveryKeys(ticket).map(recoveryKeyOf),
      code: ticket.code,
      trackingToken,
      status: ticket.status,
      priority: ticket.priority,
      createdAt: ticket.createdAt,
      responseDueAt: ticket.responseDueAt,
      resolutionDueAt: ticket.resolutionDueAt,
    };
  }

  @Query(() => TicketView, {
    nullable: true,
    description: "A ticket by its code and tracking token; an identified reporter (reporter token) opens their own tickets by code alone.",
  })
  async trackTicket(
    @Arg("code", () => String) code: string,
    @Arg("token", () => String, { nullable: true }) token: string | null | undefined,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketView> {
    const { site } = await ctx.publicSite();
    // A reporter token that fails is refused, even beside a good tracking token.
    await ctx.reporter();
    const { ticket, view } = token
      ? await ctx.services.views.trackedView(site.id, code, token)
      : await openTicket(ctx, code, token).then(async (t) => ({ ticket: t, view: await ctx.services.views.reporterView(t) }));
    // Unread replies are counted for "my tickets" only: tracking an anonymous report writes nothing.
    if (ticket.reporterSubject) await ctx.services.myTickets.markSeen(ticket.id);
    return view;
  }

  @Mutation(() => TicketView, { description: "The reporter replies on the ticket; on a RESOLVED ticket the reply reopens it." })
  async addReporterMessage(
    @Arg("code", () => String) code: string,
    @Arg("token", () => String, { nullable: true, description: "Not needed by the ticket's identified reporter." }) token: string | null | undefined,
    @Arg("input", () => MessageInput) input: MessageInput,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketView> {
    return ctx.services.views.reporterView(await ctx.services.reporter.messageOn(await openTicket(ctx, code, token), input));
  }

  @Mutation(() => TicketView, { description: "Rate the service once the ticket is resolved; once per ticket." })
  async submitFeedback(
    @Arg("code", () => String) code: string,
    @Arg("token", () => String, { nullable: true, description: "Not needed by the ticket's identified reporter." }) token: string | null | undefined,
    @Arg("input", () => FeedbackInput) input: FeedbackInput,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketView> {
    return ctx.services.views.reporterView(await ctx.services.feedback.submit(await openTicket(ctx, code, token), input));
  }

  @Mutation(() => TicketView, {
    description: "The reporter's closure check on a RESOLVED ticket: FIXED closes it as confirmed by them; NOT_FIXED (with their words) reopens it. CONFLICT once it is no longer RESOLVED.",
  })
  async confirmResolution(
    @Arg("code", () => String) code: string,
    @Arg("token", () => String, { nullable: true, description: "Not needed by the ticket's identified reporter." }) token: string | null | undefined,
    @Arg("input", () => ConfirmResolutionInput) input: ConfirmResolutionInput,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketView> {
    return ctx.services.views.reporterView(await ctx.services.reporter.confirm(await openTicket(ctx, code, token), input));
  }

  @Mutation(() => TicketView, {
    description:
      "The reporter withdraws their ticket before the desk resolves it (a request no longer needed, a fault that went away): CANCELLED with their words on the timeline; an approval it waits for reads WITHDRAWN. CONFLICT once resolved (answer confirmResolution instead), closed or cancelled.",
  })
  async withdrawTicket(
    @Arg("code", () => String) code: string,
    @Arg("token", () => String, { nullable: true, description: "Not needed by the ticket's identified reporter." }) token: string | null | undefined,
    @Arg("input", () => WithdrawTicketInput) input: WithdrawTicketInput,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketView> {
    return ctx.services.views.reporterView(await ctx.services.reporter.withdraw(await openTicket(ctx, code, token), input.words ?? null));
  }

  @Subscription(() => TicketView, {
    description: "Every public change of one ticket. A wrong code or token is refused with NOT_FOUND; an identified reporter may leave out the token for their own tickets.",
    subscribe: async ({ args, context }) => {
      const ctx = context as SigapContext;
      const ticket = await openTicket(ctx, args["code"] as string, args["token"] as string | null | undefined);
      return ctx.services.live.feed(Topic.TICKET_CHANGED, ticket.id, { siteId: ticket.siteId, ticketId: ticket.id });
    },
  })
  ticketUpdated(
    @Root() payload: TicketChangedPayload,
    @Arg("code", () => String) _code: string,
    @Arg("token", () => String, { nullable: true }) _token: string | null | undefined,
    @Ctx() ctx: SigapContext,
  ): Promise<TicketView> {
    // The subscription's own check opened this ticket; the view is fetched once per event for all its trackers.
    return ctx.services.views.reporterViewOfEvent(payload);
  }
}

/**
 * The ticket a tracker opens: by code and tracking token, or by code alone for the identified
 * reporter who owns it. A reporter token is always verified when sent, so a bad one is refused
 * (UNAUTHENTICATED) even beside a good tracking token.
 */
export async function openTicket(ctx: SigapContext, code: string, token: string | null | undefined): Promise<TicketEntity> {
  const { site } = await ctx.publicSite();
  const reporter = await ctx.reporter();
  if (token) return ctx.services.reads.byTracking(site.id, code, token);
  if (!reporter) throw badField("token", "Give the ticket's tracking token, or sign in on the site so it sends a reporter token.");
  return ctx.services.myTickets.owned(site.id, reporter.subject, code);
}
