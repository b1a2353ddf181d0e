import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { agentActor } from "../audit/audit-trail.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { DeskDirectory, PublicSite } from "../sites/site.types.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { Ticket, TicketView } from "../tickets/ticket.types.js";
import type { CustomFieldEntity } from "./custom-field.entity.js";
import { CustomFieldType, DEFAULT_TEXT_LENGTH, displayValue } from "./custom-field.rules.js";
import { CustomFieldDefinition, CustomFieldInput, CustomFieldValue } from "./custom-field.types.js";
import type { TicketFieldValues } from "./custom-fields.service.js";

/** The admin's custom fields (ADMIN), audited and announced by the service. */
@Resolver()
export class CustomFieldAdminResolver {
  @Authorized(DeskAction.ADMINISTER)
  @Query(() => [CustomFieldDefinition], { description: "Every custom field of the site, retired ones included, in form order (ADMIN)." })
  async customFields(@Ctx() ctx: SigapContext): Promise<CustomFieldDefinition[]> {
    return (await ctx.services.fields.list((await ctx.agent()).siteId)).map(definitionView);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => CustomFieldDefinition, { description: "Creates a custom field (no id) or changes one (ADMIN); BAD_USER_INPUT names every bad field of the input." })
  async saveCustomField(@Arg("input", () => CustomFieldInput) input: CustomFieldInput, @Ctx() ctx: SigapContext): Promise<CustomFieldDefinition> {
    const agent = await ctx.agent();
    const saved = await ctx.services.fields.save(
      agent.siteId,
      {
        id: input.id ?? null,
        key: input.key,
        type: input.type,
        labelId: input.labelId,
        labelEn: input.labelEn,
        helpId: input.helpId || null,
        helpEn: input.helpEn || null,
        required: input.required ?? false,
        choices: (input.choices ?? []).map((c) => ({ value: c.value, id: c.labelId, en: c.labelEn })),
        maxLength: input.maxLength ?? null,
        min: input.min ?? null,
        max: input.max ?? null,
        minDate: input.minDate ?? null,
        maxDate: input.maxDate ?? null,
        serviceIds: input.serviceIds ?? null,
      },
      agentActor(agent, ctx.request),
    );
    return definitionView(saved);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => CustomFieldDefinition, { description: "Retires a custom field (no longer asked; values on tickets keep showing) or brings it back (ADMIN)." })
  async setCustomFieldRetired(@Arg("id", () => ID) id: string, @Arg("retired", () => Boolean) retired: boolean, @Ctx() ctx: SigapContext): Promise<CustomFieldDefinition> {
    const agent = await ctx.agent();
    return definitionView(await ctx.services.fields.setRetired(agent.siteId, id, retired, agentActor(agent, ctx.request)));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => [CustomFieldDefinition], { description: "Puts the site's custom fields in this order (ADMIN); ids lists each field, retired ones too, once." })
  async reorderCustomFields(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: SigapContext): Promise<CustomFieldDefinition[]> {
    const agent = await ctx.agent();
    return (await ctx.services.fields.reorder(agent.siteId, ids, agentActor(agent, ctx.request))).map(definitionView);
  }
}

/** The report form's fields: the active ones of the widget's site, with labels in both languages. */
@Resolver(() => PublicSite)
export class PublicCustomFieldResolver {
  @FieldResolver(() => [CustomFieldDefinition], {
    description: "The custom fields the report form asks, in form order, with both languages' labels; send values in ReportIncidentInput.fields.",
  })
  async customFields(@Ctx() ctx: SigapContext): Promise<CustomFieldDefinition[]> {
    const { site } = await ctx.publicSite();
    return (await ctx.services.fields.active(site.id)).map(definitionView);
  }
}

/** The desk's field definitions: every agent filters the queue on them, not only an ADMIN. */
@Resolver(() => DeskDirectory)
export class DeskDirectoryCustomFieldResolver {
  @Authorized(DeskAction.VIEW_QUEUE)
  @FieldResolver(() => [CustomFieldDefinition], {
    description: "The site's active custom fields in form order, with both languages' labels and choices: what QueueFilter.fieldKey/fieldValue filter on.",
  })
  async customFields(@Ctx() ctx: SigapContext): Promise<CustomFieldDefinition[]> {
    return (await ctx.services.fields.active((await ctx.agent()).siteId)).map(definitionView);
  }
}

/** What the reporter gave, on their own view of the ticket. */
@Resolver(() => TicketView)
export class TrackedCustomFieldResolver {
  @FieldResolver(() => [CustomFieldValue], { description: "What the report gave for the site's custom fields, with labels; retired fields' values included." })
  async fields(@Root() view: TicketView, @Ctx() ctx: SigapContext): Promise<CustomFieldValue[]> {
    // From the view itself: a shared live execution (ticketUpdated) carries no site key to ask.
    return (await ctx.services.fields.ofTicket(view.siteId, view.ticketId)).map(valueView);
  }
}

/** The report's custom field values, for the desk. */
@Resolver(() => Ticket)
export class DeskCustomFieldResolver {
  @Authorized(DeskAction.VIEW_TICKET)
  @FieldResolver(() => [CustomFieldValue], { description: "What the report gave for the site's custom fields, with labels; retired fields' values included." })
  async fields(@Root() ticket: TicketEntity, @Ctx() ctx: SigapContext): Promise<CustomFieldValue[]> {
    return (await ctx.services.fields.ofTicket(ticket.siteId, ticket.id)).map(valueView);
  }
}

/** A stored field as the schema shows it. */
export function definitionView(f: CustomFieldEntity): CustomFieldDefinition {
  const help = f.helpId || f.helpEn ? { id: f.helpId || f.helpEn!, en: f.helpEn || f.helpId! } : null;
  return {
    id: f.id,
    key: f.key,
    type: f.type,
    label: { id: f.labelId, en: f.labelEn },
    help,
    helpId: f.helpId,
    helpEn: f.helpEn,
    required: f.required,
    choices: f.choices.map((c) => ({ value: c.value, label: { id: c.id, en: c.en } })),
    maxLength: f.type === CustomFieldType.TEXT ? (f.maxLength ?? DEFAULT_TEXT_LENGTH) : null,
    min: f.min,
    max: f.max,
    minDate: f.minDate,
    maxDate: f.maxDate,
    serviceIds: f.serviceIds,
    position: f.position,
    retired: f.retired,
  };
}

function valueView({ field, values }: TicketFieldValues): CustomFieldValue {
  const display = values.map((v) => displayValue(field, v));
  const text = { id: display.map((d) => d.id).join(", "), en: display.map((d) => d.en).join(", ") };
  return { key: field.key, type: field.type, label: { id: field.labelId, en: field.labelEn }, values, display, text };
}
