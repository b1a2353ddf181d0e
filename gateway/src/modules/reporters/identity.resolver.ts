import { Arg, Ctx, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { badField, unauthenticated } from "../../errors.js";
import { reporterFeedId, Topic, type ReporterTicketsChangedPayload } from "../../realtime/topics.js";
import type { ReporterIdentity } from "./reporter-identity.rules.js";
import { MyTicketPage, ReporterProfile, TrackingAccess } from "./reporter.types.js";

/**
 * The reporter's own surface: who the reporter token names, "my tickets" (list and live), and
 * the one-time link that lets an anonymous reporter back in. Authorized by the site key (with
 * its origin) and, for "my tickets", the host site's reporter token.
 */
@Resolver()
export class IdentityResolver {
  @Query(() => ReporterProfile, {
    nullable: true,
    description: "The identified reporter the X-Sigap-Reporter-Token names; null without one. A bad, expired or foreign token is UNAUTHENTICATED.",
  })
  async reporter(@Ctx() ctx: SigapContext): Promise<ReporterProfile | null> {
    return ctx.reporter();
  }

  @Query(() => MyTicketPage, { description: "The identified reporter's tickets on this site, newest first, with unread desk replies." })
  async myTickets(
    @Arg("first", () => Int, { defaultValue: 20, description: "At most 50." }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null | undefined,
    @Ctx() ctx: SigapContext,
  ): Promise<MyTicketPage> {
    const { site } = await ctx.publicSite();
    const reporter = await signedIn(ctx);
    return ctx.services.myTickets.page(site.id, reporter.subject, first, after ?? null);
  }

  @Subscription(() => MyTicketPage, {
    description: "The first page of myTickets again whenever one of them changes in public, or one is reported.",
    subscribe: async ({ context }) => {
      const ctx = context as SigapContext;
      const { site } = await ctx.publicSite();
      const { subject } = await signedIn(ctx);
      return ctx.services.live.feed(Topic.REPORTER_TICKETS_CHANGED, reporterFeedId(site.id, subject), { siteId: site.id, subject, ticketId: null });
    },
  })
  myTicketsChanged(
    @Root() payload: ReporterTicketsChangedPayload,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: SigapContext,
  ): Promise<MyTicketPage> {
    // Shared by every subscriber of this reporter's feed: the page follows from the feed, not the caller.
    return ctx.services.myTickets.page(payload.siteId, payload.subject, first, null);
  }

  @Mutation(() => Boolean, {
    description:
      "Mails a one-time link to the ticket when the code and the e-mail or phone given on the report match; always true, matched or not. Limited per address and per ticket.",
  })
  async requestTrackingLink(
    @Arg("code", () => String) code: string,
    @Arg("contact", () => String, { description: "The e-mail or phone number given on the report." }) contact: string,
    @Ctx() ctx: SigapContext,
  ): Promise<boolean> {
    if (code.length > 32) throw badField("code", "code is at most 32 characters, e.g. 01.18072019.003");
    if (!contact.trim() || contact.length > 254) throw badField("contact", "contact must be the e-mail or phone number given on the report (at most 254 characters)");
    const { site } = await ctx.publicSite();
    await ctx.services.trackingLinks.request(site, code, contact);
    return true;
  }

  @Mutation(() => TrackingAccess, { description: "Exchanges a one-time link (its `link` parameter) for the ticket's code and a fresh tracking token, once." })
  async openTrackingLink(@Arg("link", () => String) link: string, @Ctx() ctx: SigapContext): Promise<TrackingAccess> {
    if (link.length > 100) throw badField("link", "link is the `link` parameter of the mailed URL");
    const { site } = await ctx.publicSite();
    return ctx.services.trackingLinks.open(site, link);
  }
}

async function signedIn(ctx: SigapContext): Promise<ReporterIdentity> {
  const reporter = await ctx.reporter();
  if (!reporter) throw unauthenticated("My tickets needs a reporter token: the host site signs one for its signed-in user (reporter-token attribute).");
  return reporter;
}
