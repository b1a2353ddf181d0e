import type { AuthChecker } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { forbidden } from "../../errors.js";
import { can, deniedMessage, isDeskAction } from "./permissions.rules.js";

/**
 * The one auth checker behind every `@Authorized(...)` of the desk surface: the caller's role
 * must hold at least one of the listed actions in the permissions table (`@Authorized()` with
 * none: any signed-in agent). Refusals are FORBIDDEN naming the role; a missing or bad token is
 * UNAUTHENTICATED from `ctx.agent()`. Actions that also depend on the ticket's state (resolve vs
 * close, which escalation) are checked again by the command against the same table, under the
 * row lock.
 *
 * The events of a subscription pass: their subscription was authorized when its `subscribe`
 * ran, and shared executions carry no credentials (see realtime/live.ts).
 */
export const deskAuthChecker: AuthChecker<SigapContext, string> = async ({ context, root, info }, actions) => {
  if (info.operation.operation === "subscription" && info.parentType === info.schema.getSubscriptionType() && root !== undefined) return true;
  const role = await context.deskRole();
  const wanted = actions.filter(isDeskAction);
  if (!wanted.length || wanted.some((a) => can(role, a))) return true;
  throw forbidden(deniedMessage(role, wanted[0]!));
};
