import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import { agentActor } from "../audit/audit-trail.js";
import { AdminCategory, AdminGroup, AdminService, CatalogAdmin, SaveCategoryInput, SaveGroupInput, SaveServiceInput } from "./catalog-admin.types.js";
import { CatalogKind } from "./catalog.rules.js";

/** The admin's service catalogue, category tree and support groups: what `sigap service:*`, `category:*` and `group:*` change, over GraphQL. */
@Resolver()
export class CatalogAdminResolver {
  @Authorized(DeskAction.ADMINISTER)
  @Query(() => CatalogAdmin, { description: "Every service, category and support group of the site, retired ones included, with what still uses them (ADMIN)." })
  async catalogAdmin(@Ctx() ctx: SigapContext): Promise<CatalogAdmin> {
    return ctx.services.catalogAdmin.view((await ctx.agent()).siteId);
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => AdminService, { description: "Creates a service or replaces its names (ADMIN). Bad fields are named (BAD_USER_INPUT); a name the site already uses in that language is a CONFLICT." })
  async saveService(@Arg("input", () => SaveServiceInput) input: SaveServiceInput, @Ctx() ctx: SigapContext): Promise<AdminService> {
    const agent = await ctx.agent();
    return ctx.services.catalogAdmin.saveService(agent.siteId, input, agentActor(agent, ctx.request));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => AdminCategory, { description: "Creates a category or changes its names and parent (ADMIN). The tree is one level deep (BAD_USER_INPUT naming parentId otherwise)." })
  async saveCategory(@Arg("input", () => SaveCategoryInput) input: SaveCategoryInput, @Ctx() ctx: SigapContext): Promise<AdminCategory> {
    const agent = await ctx.agent();
    return ctx.services.catalogAdmin.saveCategory(agent.siteId, input, agentActor(agent, ctx.request));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => AdminGroup, { description: "Creates a support group or renames it and changes its level (ADMIN); not the level while it holds open tickets (CONFLICT)." })
  async saveGroup(@Arg("input", () => SaveGroupInput) input: SaveGroupInput, @Ctx() ctx: SigapContext): Promise<AdminGroup> {
    const agent = await ctx.agent();
    return ctx.services.catalogAdmin.saveGroup(agent.siteId, input, agentActor(agent, ctx.request));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => Boolean, {
    description: "Retires an entry (gone from the report form and the desk's pickers, still named on old tickets) or brings it back (ADMIN). A group with open tickets or active agents is a CONFLICT saying how many.",
  })
  async setCatalogItemRetired(
    @Arg("kind", () => CatalogKind) kind: CatalogKind,
    @Arg("id", () => ID) id: string,
    @Arg("retired", () => Boolean) retired: boolean,
    @Ctx() ctx: SigapContext,
  ): Promise<boolean> {
    const agent = await ctx.agent();
    return ctx.services.catalogAdmin.setRetired(agent.siteId, kind, id, retired, agentActor(agent, ctx.request));
  }

  @Authorized(DeskAction.ADMINISTER)
  @Mutation(() => Boolean, { description: "Puts services, or the categories under one parent (the top level included), in the order given: every sibling once, retired ones too (ADMIN)." })
  async reorderCatalog(@Arg("kind", () => CatalogKind) kind: CatalogKind, @Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: SigapContext): Promise<boolean> {
    const agent = await ctx.agent();
    return ctx.services.catalogAdmin.reorder(agent.siteId, kind, ids, agentActor(agent, ctx.request));
  }
}
