import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { badField, badInput, conflict, notFound, type FieldProblem } from "../../errors.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { SupportGroupEntity } from "../catalog/support-group.entity.js";
import type { MailLinks } from "../notifications/mail-planners.js";
import { trackingLink } from "../notifications/mail.rules.js";
import type { SiteService } from "../sites/site.service.js";
import type { TicketReads } from "../tickets/ticket-reads.js";
import { CannedResponseEntity } from "./canned-response.entity.js";
import { byTitle, cannedMatches, cannedProblems, cannedVisible, languageProblem, MAX_RESPONSES_PER_SITE, renderCanned, titleKey, type CannedDraft } from "./canned.rules.js";

/** A response as a supervisor saves it, with an id to change an existing one. */
export interface CannedChange extends CannedDraft {
  id: string | null;
}

/** What an agent's list is narrowed to. */
export interface CannedFilter {
  /** id or en: that language's responses and the any-language ones. */
  language: string | null;
  /** Words every listed response holds in its title or body. */
  search: string | null;
}

/**
 * A site's canned responses: the supervisors' changes (each audited in its own unit of work), the
 * agents' list scoped to their group, and the body filled in for one ticket. Nothing is cached:
 * every read is one indexed query of one site's few rows, so no other gateway needs telling.
 */
export class CannedResponses {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly reads: TicketReads,
    private readonly sites: SiteService,
    private readonly links: MailLinks,
  ) {}

  /** Every response of a site, any group and language, by title (for those who manage them). */
  async all(siteId: string): Promise<CannedResponseEntity[]> {
    // Sorted here: the databases' collations order titles differently.
    const rows = await this.ds.getRepository(CannedResponseEntity).find({ where: { siteId } });
    return rows.sort((a, b) => byTitle({ title: a.title, language: a.language || null }, { title: b.title, language: b.language || null }));
  }

  /** What an agent may insert: the whole site's and their group's, narrowed by language and search. */
  async forAgent(agent: Pick<AgentEntity, "siteId" | "groupId">, filter: CannedFilter): Promise<CannedResponseEntity[]> {
    const problem = languageProblem(filter.language);
    if (problem) throw badInput([problem]);
    const rows = await this.all(agent.siteId);
    return rows.filter((r) => cannedVisible({ groupId: r.groupId, language: r.language || null }, agent.groupId, filter.language) && cannedMatches(r, filter.search));
  }

  /** A response's body with its placeholders filled in for a ticket of the agent's site, signed by the agent. */
  async render(agent: Pick<AgentEntity, "siteId" | "groupId" | "name">, id: string, ticketId: string): Promise<string> {
    const response = await this.ds.getRepository(CannedResponseEntity).findOneBy({ siteId: agent.siteId, id });
    // Another group's response is as unknown to this agent as another site's.
    if (!response || !cannedVisible({ groupId: response.groupId, language: null }, agent.groupId)) throw notFound("No such canned response for you in this site.");
    const [ticket, site] = await Promise.all([this.reads.byId(agent.siteId, ticketId), this.sites.get(agent.siteId)]);
    return renderCanned(response.body, {
      "reporter.name": ticket.reporterName,
      "ticket.code": ticket.code,
      // The link the reporter's mails carry (the token stays with the reporter, as in every mail after the receipt).
      "ticket.trackingLink": trackingLink(site.trackingUrl, this.links.publicUrl(), ticket.code, null),
      "agent.name": agent.name,
      "site.name": site.name,
    });
  }

  /** Creates a response (no id) or changes one; BAD_USER_INPUT names every bad field, CONFLICT a title taken in that language. */
  async save(siteId: string, change: CannedChange, actor: AuditActor): Promise<CannedResponseEntity> {
    const problems: FieldProblem[] = cannedProblems(change);
    if (change.groupId && !(await this.ds.getRepository(SupportGroupEntity).findOneBy({ siteId, id: change.groupId }))) {
      problems.push({ field: "groupId", message: `groupId is not a support group of this site (got ${JSON.stringify(change.groupId)}); pick from the desk directory's groups` });
    }
    if (problems.length) throw badInput(problems);
    const now = this.clock.now();
    try {
      return await this.ds.transaction(async (em) => {
        const repo = em.getRepository(CannedResponseEntity);
        const existing = change.id ? await repo.findOneBy({ siteId, id: change.id }) : null;
        if (change.id && !existing) throw notFound("No such canned response in this site.");
        if (!existing && (await repo.countBy({ siteId })) >= MAX_RESPONSES_PER_SITE) {
          throw badField("title", `a site keeps at most ${MAX_RESPONSES_PER_SITE} canned responses; delete one first`);
        }
        const row = Object.assign(new CannedResponseEntity(), existing ?? { id: randomUUID(), siteId }, {
          title: change.title.trim(),
          titleKey: titleKey(change.title),
          body: change.body,
          language: change.language ?? "",
          groupId: change.groupId ?? null,
          updatedAt: now,
          updatedBy: actor.name.slice(0, 120),
        });
        await this.refuseTakenTitle(em, row);
        const before = existing ? audited(existing) : null;
        if (existing) await repo.update({ siteId, id: row.id }, row);
        else await repo.insert(row);
        await recordAudit(em, { siteId, actor, action: existing ? "canned_response.update" : "canned_response.create", subjectType: "canned_response", subjectId: row.id, before, after: audited(row) }, now);
        return row;
      });
    } catch (error) {
      // Two saves of one title at once: the unique index refuses the second.
      if (isDuplicateKey(error)) throw takenTitle(change);
      throw error;
    }
  }

  /** Deletes a response; NOT_FOUND when the site has no such one. */
  async remove(siteId: string, id: string, actor: AuditActor): Promise<void> {
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      const existing = await em.getRepository(CannedResponseEntity).findOneBy({ siteId, id });
      if (!existing) throw notFound("No such canned response in this site.");
      await em.getRepository(CannedResponseEntity).delete({ siteId, id });
      await recordAudit(em, { siteId, actor, action: "canned_response.delete", subjectType: "canned_response", subjectId: id, before: audited(existing), after: null }, now);
    });
  }

  private async refuseTakenTitle(em: EntityManager, row: CannedResponseEntity): Promise<void> {
    const other = await em.getRepository(CannedResponseEntity).findOneBy({ siteId: row.siteId, language: row.language, titleKey: row.titleKey });
    if (other && other.id !== row.id) throw takenTitle({ title: row.title, language: row.language || null });
  }
}

function takenTitle(change: { title: string; language: string | null }): Error {
  const where = change.language ? `in ${change.language}` : "for any language";
  return conflict(`A canned response titled "${change.title.trim()}" already exists ${where}; choose another title or change that one.`);
}

function isDuplicateKey(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

function audited(r: CannedResponseEntity): Record<string, unknown> {
  return { title: r.title, body: r.body, language: r.language || null, groupId: r.groupId };
}
