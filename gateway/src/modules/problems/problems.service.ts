import { randomUUID } from "node:crypto";
import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import type { Logger } from "pino";
import type { Clock } from "../../clock.js";
import { dialectOf, type Dialect, type Transactor } from "../../db/transactions.js";
import { badInput, conflict, forbidden, notFound, SigapError, type FieldProblem } from "../../errors.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit } from "../audit/audit-trail.js";
import { CategoryEntity } from "../catalog/category.entity.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import { SiteEntity } from "../sites/site.entity.js";
import { closureCodeError } from "../tickets/closure.rules.js";
import type { Refusal } from "../tickets/refusal.js";
import { isOpen } from "../tickets/status.rules.js";
import { toClientError, type TicketChanges } from "../tickets/ticket-change.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import type { LinkedIncidents, ProblemFix } from "./linked-incidents.js";
import { ProblemEventEntity, ProblemEventKind } from "./problem-event.entity.js";
import { ProblemTicketEntity } from "./problem-ticket.entity.js";
import { ProblemEntity } from "./problem.entity.js";
import {
  formatProblemCode,
  MAX_LINKED_INCIDENTS,
  ProblemAction,
  problemActionRefusal,
  ProblemResolveMode,
  ProblemStatus,
  problemTextIssues,
  resolveModes,
  resolveRefusal,
  statusAfterEdit,
  statusChangeRefusal,
} from "./problem.rules.js";

/** Who does something to a problem, and from where (audited). */
export interface ProblemActor {
  agent: AgentEntity;
  ip: string | null;
}

/** A new problem as raiseProblem gives it. */
export interface ProblemDraft {
  title: string;
  description: string;
  ticketIds: readonly string[];
  serviceId?: string | null;
  categoryId?: string | null;
}

/** Fields an edit changes; undefined keeps, "" clears a text, null keeps too (GraphQL's omitted). */
export interface ProblemEdit {
  title?: string | null;
  description?: string | null;
  rootCause?: string | null;
  workaround?: string | null;
  serviceId?: string | null;
  categoryId?: string | null;
  groupId?: string | null;
  ownerId?: string | null;
}

const EDITED_FIELDS = ["title", "description", "rootCause", "workaround", "serviceId", "categoryId", "groupId", "ownerId"] as const;

/**
 * The problem records' commands. Each runs in one transaction with its timeline entry and its
 * audit line; the tickets whose ticket view shows the problem are announced on the desk queue
 * after commit. Resolving a problem then changes each open linked incident in that ticket's own
 * unit of work (linked-incidents.ts).
 */
export class Problems {
  private readonly dialect: Dialect;

  constructor(
    ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly changes: TicketChanges,
    private readonly incidents: LinkedIncidents,
    private readonly log: Logger,
  ) {
    this.dialect = dialectOf(ds);
  }

  /** Raises a problem linking incidents of the site; CONFLICT when one already has a problem. */
  async raise(by: ProblemActor, draft: ProblemDraft): Promise<ProblemEntity> {
    const problems: FieldProblem[] = problemTextIssues({ title: draft.title, description: draft.description }, ["title", "description"]);
    const ids = [...new Set(draft.ticketIds)];
    if (ids.length > MAX_LINKED_INCIDENTS) problems.push({ field: "ticketIds", message: `ticketIds may name at most ${MAX_LINKED_INCIDENTS} incidents` });
    if (problems.length) throw badInput(problems);
    const siteId = by.agent.siteId;
    const now = this.clock.now();
    const { problem, tickets } = await this.tx(async (em) => {
      const tickets = ids.length ? await em.findBy(TicketEntity, { siteId, id: In(ids) }) : [];
      if (tickets.length !== ids.length) throw badInput([{ field: "ticketIds", message: "ticketIds names a ticket that is not one of this site's" }]);
      await this.refuseLinked(em, ids);
      const first = tickets[0];
      const catalog = await catalogProblems(em, siteId, { serviceId: draft.serviceId ?? first?.serviceId ?? null, categoryId: draft.categoryId ?? first?.categoryId ?? null });
      if (catalog.length) throw badInput(catalog);
      const site = await em.findOneByOrFail(SiteEntity, { id: siteId });
      const problem = Object.assign(new ProblemEntity(), {
        id: randomUUID(),
        siteId,
        code: formatProblemCode(site.unitCode, await this.nextNumber(em, siteId)),
        title: draft.title.trim(),
        description: draft.description.trim(),
        status: ProblemStatus.NEW,
        serviceId: draft.serviceId ?? first?.serviceId ?? null,
        categoryId: draft.categoryId ?? first?.categoryId ?? null,
        rootCause: null,
        workaround: null,
        resolution: null,
        groupId: null,
        ownerId: null,
        createdAt: now,
        updatedAt: now,
        resolvedAt: null,
        raisedBy: by.agent.name.slice(0, 120),
      });
      await em.insert(ProblemEntity, problem);
      await this.event(em, problem, by, now, { kind: ProblemEventKind.RAISED, toStatus: ProblemStatus.NEW, body: problem.title });
      for (const t of tickets) await this.linkRow(em, problem, t, by, now);
      await this.audit(em, problem, by, "problem.raise", null, { code: problem.code, title: problem.title, incidents: tickets.map((t) => t.code) }, now);
      return { problem, tickets };
    });
    for (const t of tickets) this.changes.announce(t, "UPDATED", false);
    return problem;
  }

  /** Edits a problem's record; a workaround given or removed moves it to or from KNOWN_ERROR (problem.rules). */
  async update(by: ProblemActor, id: string, edit: ProblemEdit): Promise<ProblemEntity> {
    const texts = Object.fromEntries((["title", "description", "rootCause", "workaround"] as const).filter((k) => edit[k] !== undefined && edit[k] !== null).map((k) => [k, edit[k]!]));
    const issues = problemTextIssues(texts, edit.title != null ? ["title"] : []);
    if (edit.description != null && !edit.description.trim()) issues.push({ field: "description", message: "description is required" });
    if (issues.length) throw badInput(issues);
    return this.change(by, id, ProblemAction.EDIT, async (em, p, now) => {
      const refs = await catalogProblems(em, p.siteId, { serviceId: edit.serviceId ?? null, categoryId: edit.categoryId ?? null, groupId: edit.groupId ?? null, ownerId: edit.ownerId ?? null });
      if (refs.length) throw badInput(refs);
      const before = snapshot(p);
      for (const key of EDITED_FIELDS) {
        const value = edit[key];
        if (value === undefined || value === null) continue;
        const trimmed = value.trim();
        (p as unknown as Record<string, string | null>)[key] = trimmed || (key === "title" || key === "description" ? (p[key] as string) : null);
      }
      const changed = EDITED_FIELDS.filter((k) => before[k] !== p[k]);
      if (!changed.length) throw badInput([{ field: "input", message: "Nothing to change: give a field that differs." }]);
      const status = statusAfterEdit(p.status, p.workaround);
      await this.event(em, p, by, now, { kind: ProblemEventKind.EDITED, body: changed.join(", ") });
      if (status !== p.status) {
        await this.event(em, p, by, now, { kind: ProblemEventKind.STATUS_CHANGED, fromStatus: p.status, toStatus: status });
        p.status = status;
      }
      await this.audit(em, p, by, "problem.update", before, snapshot(p), now);
    });
  }

  /** Moves a problem along its graph (not to RESOLVED: resolveProblem does that). */
  async changeStatus(by: ProblemActor, id: string, to: ProblemStatus, note: string | null): Promise<ProblemEntity> {
    const issues = problemTextIssues({ note }, []);
    if (issues.length) throw badInput(issues);
    return this.change(by, id, ProblemAction.CHANGE_STATUS, async (em, p, now) => {
      refuse(statusChangeRefusal(p.status, to, p.workaround));
      await this.event(em, p, by, now, { kind: ProblemEventKind.STATUS_CHANGED, fromStatus: p.status, toStatus: to, body: note?.trim() || null });
      await this.audit(em, p, by, "problem.change_status", { status: p.status }, { status: to }, now);
      p.status = to;
    });
  }

  /** Links an incident of the site; CONFLICT when it already has a problem or this one takes no more. */
  async link(by: ProblemActor, id: string, ticketId: string): Promise<ProblemEntity> {
    let linked: TicketEntity | null = null;
    const problem = await this.change(by, id, ProblemAction.LINK_INCIDENT, async (em, p, now) => {
      const ticket = await em.findOneBy(TicketEntity, { siteId: p.siteId, id: ticketId });
      if (!ticket) throw notFound(`No ticket ${ticketId} in this site.`);
      await this.refuseLinked(em, [ticket.id]);
      if ((await em.countBy(ProblemTicketEntity, { problemId: p.id })) >= MAX_LINKED_INCIDENTS) throw conflict(`A problem links at most ${MAX_LINKED_INCIDENTS} incidents.`);
      await this.linkRow(em, p, ticket, by, now);
      await this.audit(em, p, by, "problem.link_incident", null, { ticket: ticket.code }, now);
      linked = ticket;
    });
    if (!linked) return problem;
    // A known error's workaround goes to the incident's desk at once, in the ticket's own unit of work (announced there).
    if (problem.status === ProblemStatus.KNOWN_ERROR && problem.workaround) await this.incidents.noteWorkaround(by.agent, by.ip, (linked as TicketEntity).id, problem.code, problem.workaround);
    else this.changes.announce(linked, "UPDATED", false);
    return problem;
  }

  /** Unlinks an incident from the problem; NOT_FOUND when it is not linked to it. */
  async unlink(by: ProblemActor, id: string, ticketId: string): Promise<ProblemEntity> {
    let unlinked: TicketEntity | null = null;
    const problem = await this.change(by, id, ProblemAction.UNLINK_INCIDENT, async (em, p, now) => {
      const link = await em.findOneBy(ProblemTicketEntity, { problemId: p.id, ticketId });
      const ticket = link && (await em.findOneBy(TicketEntity, { siteId: p.siteId, id: ticketId }));
      if (!ticket) throw notFound(`Ticket ${ticketId} is not linked to ${p.code}.`);
      await em.delete(ProblemTicketEntity, { ticketId });
      await this.event(em, p, by, now, { kind: ProblemEventKind.INCIDENT_UNLINKED, ticketCode: ticket.code });
      await this.audit(em, p, by, "problem.unlink_incident", { ticket: ticket.code }, null, now);
      unlinked = ticket;
    });
    if (unlinked) this.changes.announce(unlinked, "UPDATED", false);
    return problem;
  }

  /**
   * Resolves a problem, then each open linked incident in its own unit of work: resolved with the
   * fix, or told of it (mode). An incident another change refuses meanwhile (resolved or closed
   * by someone else) is skipped and logged; the problem stays resolved.
   */
  async resolve(by: ProblemActor, id: string, input: { resolution: string; mode: ProblemResolveMode; closureCode: string }): Promise<ProblemEntity> {
    const issues = problemTextIssues({ resolution: input.resolution }, ["resolution"]);
    const codeIssue = closureCodeError(input.closureCode.trim());
    if (codeIssue) issues.push({ field: "closureCode", message: codeIssue });
    if (issues.length) throw badInput(issues);
    let open: string[] = [];
    const problem = await this.change(by, id, ProblemAction.RESOLVE, async (em, p, now) => {
      refuse(resolveRefusal(p.status));
      const linked = await em.findBy(ProblemTicketEntity, { problemId: p.id });
      const tickets = linked.length ? await em.findBy(TicketEntity, { siteId: p.siteId, id: In(linked.map((l) => l.ticketId)) }) : [];
      open = tickets.filter((t) => isOpen(t.status)).map((t) => t.id);
      if (open.length && !resolveModes(by.agent.role).includes(input.mode)) {
        throw forbidden(`A ${by.agent.role} may not ${input.mode === ProblemResolveMode.RESOLVE_LINKED ? "resolve" : "reply to"} the ${open.length} open incidents; ask a supervisor.`);
      }
      await this.event(em, p, by, now, { kind: ProblemEventKind.RESOLVED, fromStatus: p.status, toStatus: ProblemStatus.RESOLVED, body: input.resolution.trim() });
      await this.audit(em, p, by, "problem.resolve", { status: p.status }, { status: ProblemStatus.RESOLVED, resolution: input.resolution.trim(), mode: input.mode }, now);
      Object.assign(p, { status: ProblemStatus.RESOLVED, resolution: input.resolution.trim(), resolvedAt: now });
    });
    const fix: ProblemFix = { code: problem.code, resolution: problem.resolution!, closureCode: input.closureCode.trim() };
    for (const ticketId of open) {
      try {
        if (input.mode === ProblemResolveMode.RESOLVE_LINKED) await this.incidents.resolve(by.agent, by.ip, ticketId, fix);
        else await this.incidents.notify(by.agent, by.ip, ticketId, fix);
      } catch (error) {
        if (!(error instanceof SigapError)) throw error;
        this.log.warn({ problem: problem.code, ticketId, err: error }, "a linked incident was left as it is");
      }
    }
    return problem;
  }

  /** One change to a held problem of the agent's site: the action checked against role and status, the work, updatedAt, saved. */
  private async change(by: ProblemActor, id: string, action: ProblemAction, work: (em: EntityManager, p: ProblemEntity, now: Date) => Promise<void>): Promise<ProblemEntity> {
    return this.tx(async (em) => {
      const qb = em.createQueryBuilder(ProblemEntity, "p").where("p.id = :id AND p.siteId = :siteId", { id, siteId: by.agent.siteId });
      if (this.dialect === "mysql") qb.setLock("pessimistic_write");
      const p = await qb.getOne();
      if (!p) throw notFound(`No problem ${id} in this site.`);
      refuse(problemActionRefusal(by.agent.role, p.status, action));
      const now = this.clock.now();
      await work(em, p, now);
      p.updatedAt = now;
      await em.save(ProblemEntity, p);
      return p;
    });
  }

  private async linkRow(em: EntityManager, p: ProblemEntity, t: TicketEntity, by: ProblemActor, now: Date): Promise<void> {
    await em.insert(ProblemTicketEntity, { ticketId: t.id, problemId: p.id, siteId: p.siteId, linkedAt: now, linkedBy: by.agent.name.slice(0, 120) });
    await this.event(em, p, by, now, { kind: ProblemEventKind.INCIDENT_LINKED, ticketCode: t.code });
  }

  private async refuseLinked(em: EntityManager, ticketIds: readonly string[]): Promise<void> {
    if (!ticketIds.length) return;
    const taken = await em.findBy(ProblemTicketEntity, { ticketId: In([...ticketIds]) });
    if (!taken.length) return;
    const codes = await em.findBy(ProblemEntity, { id: In(taken.map((l) => l.problemId)) });
    throw conflict(`An incident links to at most one problem, and ${taken.length === 1 ? "one is" : `${taken.length} are`} already linked to ${codes.map((c) => c.code).join(", ")}; unlink it there first.`);
  }

  private async event(em: EntityManager, p: ProblemEntity, by: ProblemActor, at: Date, e: Partial<ProblemEventEntity> & { kind: ProblemEventKind }): Promise<void> {
    await em.insert(ProblemEventEntity, { problemId: p.id, siteId: p.siteId, at, actorName: by.agent.name.slice(0, 120), fromStatus: null, toStatus: null, ticketCode: null, body: null, ...e });
  }

  private audit(em: EntityManager, p: ProblemEntity, by: ProblemActor, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, now: Date): Promise<void> {
    const actor = { kind: "AGENT" as const, id: by.agent.id, name: by.agent.name, ip: by.ip };
    return recordAudit(em, { siteId: p.siteId, actor, action, subjectType: "problem", subjectId: p.code, before, after }, now);
  }

  /** The site's next problem number; the upsert's row lock makes concurrent raises take turns (as ticket codes do). */
  private async nextNumber(em: EntityManager, siteId: string): Promise<number> {
    if (this.dialect === "mysql") {
      const ok: { insertId: number } = await em.query(
        "INSERT INTO problem_sequence (site_id, last) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
        [siteId],
      );
      return Number(ok.insertId);
    }
    const rows: Array<{ last: number }> = await em.query("INSERT INTO problem_sequence (site_id, last) VALUES (?, 1) ON CONFLICT (site_id) DO UPDATE SET last = last + 1 RETURNING last", [siteId]);
    return Number(rows[0]!.last);
  }
}

function refuse(r: Refusal | null): void {
  if (r) throw toClientError(r);
}

function snapshot(p: ProblemEntity): Record<(typeof EDITED_FIELDS)[number] | "status", string | null> {
  return { title: p.title, description: p.description, rootCause: p.rootCause, workaround: p.workaround, serviceId: p.serviceId, categoryId: p.categoryId, groupId: p.groupId, ownerId: p.ownerId, status: p.status };
}

/** The catalogue and people references that are not the site's (in use). */
async function catalogProblems(em: EntityManager, siteId: string, refs: { serviceId?: string | null; categoryId?: string | null; groupId?: string | null; ownerId?: string | null }): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (refs.serviceId && !(await em.existsBy(ItServiceEntity, { id: refs.serviceId, siteId }))) problems.push({ field: "serviceId", message: "serviceId is not an IT service of this site" });
  if (refs.categoryId && !(await em.existsBy(CategoryEntity, { id: refs.categoryId, siteId }))) problems.push({ field: "categoryId", message: "categoryId is not a category of this site" });
  if (refs.groupId && !(await em.existsBy(SupportGroupEntity, { id: refs.groupId, siteId, retiredAt: IsNull() }))) problems.push({ field: "groupId", message: "groupId is not a support group of this site in use" });
  if (refs.ownerId && !(await em.existsBy(AgentEntity, { id: refs.ownerId, siteId, active: true }))) problems.push({ field: "ownerId", message: "ownerId is not an active agent of this site" });
  return problems;
}
