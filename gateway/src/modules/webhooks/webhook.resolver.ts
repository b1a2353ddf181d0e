import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { requestActor } from "../audit/audit-trail.js";
import type { WebhookDeliveryEntity } from "./webhook-delivery.entity.js";
import type { EndpointWithSecret } from "./webhook-endpoints.service.js";
import type { WebhookEndpointEntity } from "./webhook-endpoint.entity.js";
import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDelivery,
  WebhookDeliveryFilter,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from "./webhook.types.js";

/** Webhook endpoints, secrets, deliveries and replay of the signed-in admin's site. */
@Resolver()
export class WebhookResolver {
  @Authorized(DeskAction.MANAGE_WEBHOOKS)
  @Query(() => [WebhookEndpoint], { description: "The site's webhook endpoints, oldest first." })
  async webhookEndpoints(@Ctx() ctx: SigapContext): Promise<WebhookEndpointEntity[]> {
    return ctx.services.webhooks.list((await ctx.agent()).siteId);
  }

  @Authorized(DeskAction.MANAGE_WEBHOOKS)
  @Query(() => [WebhookDelivery], { description: "Delivery attempts, newest first." })
  async webhookDeliveries(
    @Arg("filter", () => WebhookDeliveryFilter, { nullable: true }) filter: WebhookDeliveryFilter | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SigapContext,
  ): Promise<WebhookDeliveryEntity[]> {
    return ctx.services.webhooks.deliveries((await ctx.agent()).siteId, { ...filter, first });
  }

  @Authorized(DeskAction.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpointWithSecret, { description: "Adds an endpoint; its secret is shown only in this answer." })
  async createWebhookEndpoint(@Arg("input", () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: SigapContext): Promise<EndpointWithSecret> {
    return ctx.services.webhooks.create((await ctx.agent()).siteId, input, await requestActor(ctx));
  }

  @Authorized(DeskAction.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpoint, { description: "Changes an endpoint's URL, description, event types, or enables/disables it." })
  async updateWebhookEndpoint(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: SigapContext,
  ): Promise<WebhookEndpointEntity> {
    return ctx.services.webhooks.update((await ctx.agent()).siteId, id, input, await requestActor(ctx));
  }

  @Authorized(DeskAction.MANAGE_WEBHOOKS)
  @Mutation(() => Boolean, { description: "Deletes an endpoint; its delivery log stays." })
  async deleteWebhookEndpoint(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<boolean> {
    await ctx.services.webhooks.remove((await ctx.agent()).siteId, id, await requestActor(ctx));
    return true;
  }

  @Authorized(DeskAction.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpointWithSecret, {
    description: "A new secret, shown only in this answer; the old one also signs for overlapHours (default 24, 0 drops it at once).",
  })
  async rotateWebhookSecret(
    @Arg("id", () => ID) id: string,
    @Arg("overlapHours", () => Int, { defaultValue: 24 }) overlapHours: number,
    @Ctx() ctx: SigapContext,
  ): Promise<EndpointWithSecret> {
    return ctx.services.webhooks.rotateSecret((await ctx.agent()).siteId, id, overlapHours, await requestActor(ctx));
  }

  @Authorized(DeskAction.MANAGE_WEBHOOKS)
  @Mutation(() => String, { description: "Sends a delivery's event again as a new series of attempts (same body and webhook-id); returns the replay's id." })
  async replayWebhookDelivery(@Arg("id", () => ID) id: string, @Ctx() ctx: SigapContext): Promise<string> {
    return ctx.services.webhooks.replay((await ctx.agent()).siteId, id, await requestActor(ctx));
  }
}
