import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import type { SigapContext } from "../../context.js";
import { DeskAction } from "../agents/permissions.rules.js";
import type { AuditEntryEntity } from "./audit-entry.entity.js";
import { AuditEntry, AuditFilter, AuditPage } from "./audit.types.js";

/** The audit trail of the signed-in admin's site; read-only: no API changes or removes a line. */
@Resolver()
export class AuditResolver {
  @Authorized(DeskAction.ADMINISTER)
  @Query(() => AuditPage, { description: "The site's audit trail, newest first (ADMIN); first is 1 to 200." })
  async auditLog(
    @Arg("filter", () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SigapContext,
  ): Promise<AuditPage> {
    const page = await ctx.services.auditLog.page((await ctx.agent()).siteId, { ...filter }, first, after);
    return { entries: page.entries.map(entryOf), nextCursor: page.nextCursor };
  }
}

function entryOf(e: AuditEntryEntity): AuditEntry {
  const { before, after, ...rest } = e;
  return { ...rest, id: String(e.id), beforeJson: before, afterJson: after };
}
