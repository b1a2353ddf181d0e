import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { Ticket } from "../tickets/ticket.types.js";
import type { ProblemEventEntity } from "./problem-event.entity.js";
import type { ProblemEntity } from "./problem.entity.js";
import { ProblemAction, ProblemResolveMode, ProblemStatus, problemActions, problemNextStatuses, resolveModes } from "./problem.rules.js";
import type { ProblemActor } from "./problems.service.js";
import { Problem, ProblemConnection, ProblemEvent, ProblemFilter, RaiseProblemInput, ResolveProblemInput, UpdateProblemInput } from "./problem.types.js";

const { VIEW_PROBLEMS, RAISE_PROBLEM, MANAGE_PROBLEMS } = DeskAction;

/** Problem management for the desk: reads for everyone at the desk, raising and linking for the desk, the rest for supervisors and up. */
@Resolver(() => Problem)
export class ProblemResolver {
  @Authorized(VIEW_PROBLEMS)
  @Query(() => ProblemConnection, { description: "The site's problems, most recently changed first." })
  async problems(
    @Arg("filter", () => ProblemFilter, { nullable: true }) filter: ProblemFilter | null,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<ProblemConnection> {
    const page = await ctx.services.problemReads.page((await ctx.agent()).siteId, filter ?? {}, first, after);
    return { edges: page.problems.map((node, i) => ({ node, cursor: page.cursors[i]! })), pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null } };
  }

  @Authorized(VIEW_PROBLEMS)
  @Query(() => Problem, { description: "A problem of your site by id or code (PRB-…)." })
  async problem(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<ProblemEntity> {
    return ctx.services.problemReads.byIdOrCode((await ctx.agent()).siteId, id);
  }

  @Authorized(RAISE_PROBLEM)
  @Mutation(() => Problem, { description: "Raises a problem (NEW) linking incidents of the site; CONFLICT when one is already linked to another problem." })
  async raiseProblem(@Arg("input", () => RaiseProblemInput) input: RaiseProblemInput, @Ctx() ctx: SigapContext): Promise<ProblemEntity> {
    return ctx.services.problems.raise(await actor(ctx), input);
  }

  @Authorized(MANAGE_PROBLEMS)
  @Mutation(() => Problem, { description: "Edits a problem's record (SUPERVISOR and up); a workaround makes it a KNOWN_ERROR." })
  async updateProblem(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateProblemInput) input: UpdateProblemInput, @Ctx() ctx: SigapContext): Promise<ProblemEntity> {
    return ctx.services.problems.update(await actor(ctx), id, input);
  }

  @Authorized(MANAGE_PROBLEMS)
  @Mutation(() => Problem, { description: "Moves a problem along its lifecycle (not to RESOLVED: see resolveProblem); CONFLICT outside the graph." })
  async changeProblemStatus(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => ProblemStatus) status: ProblemStatus,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<ProblemEntity> {
    return ctx.services.problems.changeStatus(await actor(ctx), id, status, note ?? null);
  }

  @Authorized(RAISE_PROBLEM)
  @Mutation(() => Problem, { description: "Links an incident of the site to an open problem; CONFLICT when it already has one." })
  async linkIncident(@Arg("problemId", () => ID) problemId: string, @Arg("ticketId", () => ID) ticketId: string, @Ctx() ctx: SigapContext): Promise<ProblemEntity> {
    return ctx.services.problems.link(await actor(ctx), problemId, ticketId);
  }

  @Authorized(MANAGE_PROBLEMS)
  @Mutation(() => Problem, { description: "Unlinks an incident from a problem (SUPERVISOR and up)." })
  async unlinkIncident(@Arg("problemId", () => ID) problemId: string, @Arg("ticketId", () => ID) ticketId: string, @Ctx() ctx: SigapContext): Promise<ProblemEntity> {
    return ctx.services.problems.unlink(await actor(ctx), problemId, ticketId);
  }

  @Authorized(MANAGE_PROBLEMS)
  @Mutation(() => Problem, { description: "Resolves a problem; its open linked incidents are then each resolved with the fix or told of it (mode), as desk changes of their own." })
  async resolveProblem(@Arg("id", () => ID) id: string, @Arg("input", () => ResolveProblemInput) input: ResolveProblemInput, @Ctx() ctx: SigapContext): Promise<ProblemEntity> {
    return ctx.services.problems.resolve(await actor(ctx), id, input);
  }

  @FieldResolver(() => [Ticket], { description: "The linked incidents, in the order they were linked." })
  incidents(@Root() p: ProblemEntity, @Ctx() ctx: SigapContext): Promise<TicketEntity[]> {
    return ctx.services.problemReads.incidents(p);
  }

  @FieldResolver(() => [ProblemEvent], { description: "Every entry, oldest first." })
  timeline(@Root() p: ProblemEntity, @Ctx() ctx: SigapContext): Promise<ProblemEventEntity[]> {
    return ctx.services.problemReads.timeline(p.id);
  }

  @FieldResolver(() => [ProblemAction], { description: "What you may do to this problem now; the gateway enforces exactly this list." })
  async allowedActions(@Root() p: ProblemEntity, @Ctx() ctx: SigapContext): Promise<ProblemAction[]> {
    return problemActions(await ctx.deskRole(), p.status);
  }

  @FieldResolver(() => [ProblemStatus], { description: "Statuses you may move it to now through changeProblemStatus (RESOLVED is resolveProblem's)." })
  async nextStatuses(@Root() p: ProblemEntity, @Ctx() ctx: SigapContext): Promise<ProblemStatus[]> {
    return problemNextStatuses(await ctx.deskRole(), p.status);
  }

  @FieldResolver(() => [ProblemResolveMode], { description: "The modes you may resolve it with while it has open incidents (resolving them needs RESOLVE, notifying needs REPLY)." })
  async resolveModes(@Ctx() ctx: SigapContext): Promise<ProblemResolveMode[]> {
    return resolveModes(await ctx.deskRole());
  }
}

async function actor(ctx: SigapContext): Promise<ProblemActor> {
  return { agent: await ctx.agent(), ip: ctx.request.clientAddress };
}
