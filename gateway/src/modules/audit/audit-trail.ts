import type { EntityManager } from "typeorm";
import type { RequestInfo } from "../../context.js";
import { queueRows } from "../../db/rows.js";
import { AuditEntryEntity } from "./audit-entry.entity.js";
import { auditChange, type AuditActor } from "./audit.rules.js";

/** One audited action, as a service records it inside the unit of work that makes it. */
export interface AuditRecord {
  siteId: string;
  actor: AuditActor;
  /** `<subject>.<verb>`, e.g. `site.update`, `agent.deactivate`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** The thing's fields before the change (null for a creation or a plain action). */
  before?: Record<string, unknown> | null;
  /** The thing's fields after (or just the fields changed); null for a removal or a plain action. */
  after?: Record<string, unknown> | null;
}

/**
 * Writes one line of the audit trail with the same entity manager as the change, so the line
 * exists exactly when the change does. A change that changed nothing (same values) writes
 * nothing, unless it is a plain action (neither before nor after given).
 */
export async function recordAudit(em: EntityManager, record: AuditRecord, now: Date = new Date()): Promise<void> {
  const plain = record.before === undefined && record.after === undefined;
  const change = plain ? null : auditChange(record.before ?? null, record.after ?? null);
  if (!plain && !change) return;
  // With the transaction's next statement or its commit (db/pipeline.ts): an audit line fails only with the whole change.
  await queueRows(em, AuditEntryEntity, [{
    siteId: record.siteId,
    at: now,
    actorKind: record.actor.kind,
    actorId: record.actor.id,
    actorName: record.actor.name.slice(0, 120),
    ip: record.actor.ip?.slice(0, 64) ?? null,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    before: change?.before ? JSON.stringify(change.before) : null,
    after: change?.after ? JSON.stringify(change.after) : null,
  }]);
}

/** The actor of a signed-in desk member's request. */
export function agentActor(agent: { id: string; name: string }, request: Pick<RequestInfo, "clientAddress">): AuditActor {
  return { kind: "AGENT", id: agent.id, name: agent.name, ip: request.clientAddress };
}

/** The actor of a command-line change: the operating-system user who ran it. */
export function cliActor(user: string): AuditActor {
  return { kind: "CLI", id: null, name: `cli:${user}`, ip: null };
}

/** The actor of a background job (sweep, retention). */
export function systemActor(job: string): AuditActor {
  return { kind: "SYSTEM", id: null, name: job, ip: null };
}

/** The actor of a GraphQL request: the signed-in agent, from the client address the limiter counts. */
export async function requestActor(ctx: { agent(): Promise<{ id: string; name: string }>; request: Pick<RequestInfo, "clientAddress"> }): Promise<AuditActor> {
  return agentActor(await ctx.agent(), ctx.request);
}
