import type { SelectQueryBuilder } from "typeorm";
import type { Dialect } from "../../db/transactions.js";
import { atRiskSql, breachedSql, MILLIS_BETWEEN } from "../sla/sla.rules.js";
import type { SitePolicies } from "../sla/sla-policy.rules.js";
import type { QueueScope } from "./queue-views.rules.js";
import type { TicketEntity } from "./ticket.entity.js";

/** What the at-risk condition needs beyond the scope: the site's targets of every ticket type and the database's date arithmetic. */
export interface ScopeContext {
  now: Date;
  dialect: Dialect;
  /** Read only when the scope asks for at-risk tickets. */
  policies: () => Promise<SitePolicies>;
}

/** Narrows a query over tickets (alias `t`) to a queue scope (queue-views.rules' `queueScope`). */
export async function applyQueueScope(qb: SelectQueryBuilder<TicketEntity>, scope: QueueScope, ctx: ScopeContext): Promise<void> {
  if (scope.empty) {
    qb.andWhere("1 = 0");
    return;
  }
  if (scope.open) qb.andWhere("t.isOpen = :open", { open: true });
  if (scope.statuses) qb.andWhere("t.status IN (:...scopeStatuses)", { scopeStatuses: scope.statuses });
  if (scope.assigneeId === null) qb.andWhere("t.assigneeId IS NULL");
  else if (scope.assigneeId !== undefined) qb.andWhere("t.assigneeId = :scopeAssignee", { scopeAssignee: scope.assigneeId });
  if (scope.groupId !== undefined) qb.andWhere("t.groupId = :scopeGroup", { scopeGroup: scope.groupId });
  if (scope.pendingReason) qb.andWhere("t.pendingReason = :scopeReason", { scopeReason: scope.pendingReason });
  if (scope.sla === "breached") qb.andWhere(breachedSql("t"), { now: ctx.now });
  if (scope.sla === "atRisk") qb.andWhere(`NOT ${breachedSql("t")} AND ${atRiskSql("t", (await ctx.policies()).byType, MILLIS_BETWEEN[ctx.dialect])}`, { now: ctx.now });
}
