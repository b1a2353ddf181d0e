import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { agentActor } from "../audit/audit-trail.js";
import type { SigapContext } from "../../context.js";
import type { AgentEntity } from "./agent.entity.js";
import { Agent } from "./agent.type.js";
import { DeskAction } from "./permissions.rules.js";
import type { Session } from "./sign-in.service.js";
import { PASSWORD_MIN_LENGTH } from "./sign-in.rules.js";
import { InviteAgentInput, SignInOptions, SignInResult } from "./sign-in.types.js";

/** Signing in to the desk from a widget (site key and origin checked as for every widget), and the admin's agent commands. */
@Resolver()
export class SignInResolver {
  @Query(() => SignInOptions, { description: "How agents of the widget's site may sign in." })
  async signInOptions(@Ctx() ctx: SigapContext): Promise<SignInOptions> {
    const { site } = await ctx.publicSite();
    const oidc = ctx.services.oidc;
    return {
      password: true,
      oidcStartUrl: oidc ? oidc.startUrl(site.siteKey) : null,
      oidcName: oidc ? oidc.name : null,
      passwordMinLength: PASSWORD_MIN_LENGTH,
    };
  }

  @Mutation(() => SignInResult, { description: "Signs in with e-mail and password. 5 failures in 15 minutes pause sign-in for the address for 15 minutes (RATE_LIMITED)." })
  async signIn(@Arg("email", () => String) email: string, @Arg("password", () => String) password: string, @Ctx() ctx: SigapContext): Promise<Session> {
    const { site } = await ctx.publicSite();
    return ctx.services.signIn.signIn(site, email, password);
  }

  @Mutation(() => Boolean, { description: "Mails a one-time link to set a new password, if an active agent has this address; the answer is the same either way." })
  async requestPasswordReset(@Arg("email", () => String) email: string, @Ctx() ctx: SigapContext): Promise<boolean> {
    const { site } = await ctx.publicSite();
    await ctx.services.signIn.requestPasswordReset(site, email);
    return true;
  }

  @Mutation(() => SignInResult, { description: "Sets a password with the secret of a reset or invitation link (once) and signs in." })
  async setPasswordWithLink(@Arg("secret", () => String) secret: string, @Arg("password", () => String) password: string, @Ctx() ctx: SigapContext): Promise<Session> {
    await ctx.publicSite();
    return ctx.services.signIn.setPasswordWithLink(secret, password, ctx.request.clientAddress);
  }

  @Mutation(() => SignInResult, { description: "Exchanges the one-time code the identity provider's popup posted back for a token." })
  async redeemSignInCode(@Arg("code", () => String) code: string, @Ctx() ctx: SigapContext): Promise<Session> {
    const { site } = await ctx.publicSite();
    return ctx.services.signIn.redeemCode(site, code);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => Agent, { description: "Adds an agent and mails them a link to set their password (valid 7 days)." })
  async inviteAgent(@Arg("input", () => InviteAgentInput) input: InviteAgentInput, @Ctx() ctx: SigapContext): Promise<AgentEntity> {
    const admin = await ctx.agent();
    const site = await ctx.services.sites.get(admin.siteId);
    return ctx.services.signIn.invite(site, admin, input, agentActor(admin, ctx.request));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => Agent, { description: "Deactivates or reactivates an agent of the site; a deactivated agent's tokens and open subscriptions stop within a minute." })
  async setAgentActive(@Arg("id", () => ID) id: string, @Arg("active", () => Boolean) active: boolean, @Ctx() ctx: SigapContext): Promise<AgentEntity> {
    const admin = await ctx.agent();
    return ctx.services.agents.setActive(admin, id, active, agentActor(admin, ctx.request));
  }
}
