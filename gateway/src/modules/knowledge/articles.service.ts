import { randomUUID } from "node:crypto";
import { type DataSource, type EntityManager, IsNull } from "typeorm";
import type { Clock } from "../../clock.js";
import type { Transactor } from "../../db/transactions.js";
import { badInput, conflict, forbidden, notFound, type FieldProblem } from "../../errors.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { CategoryEntity } from "../catalog/category.entity.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import type { TicketReads } from "../tickets/ticket-reads.js";
import { ArticleTicketEntity } from "./article-ticket.entity.js";
import { ArticleVersionEntity } from "./article-version.entity.js";
import type { ArticleWords } from "./article-words.js";
import { ArticleEntity } from "./article.entity.js";
import { articleProblems, articleRights, ArticleStatus, ArticleVisibility, draftFromTicket, mayEdit, transitionProblem, type ArticleDraft } from "./article.rules.js";

/** An article as the desk saves it, with an id to change an existing one. */
export interface ArticleChange extends ArticleDraft {
  id: string | null;
  serviceId: string | null;
  categoryId: string | null;
  visibility: ArticleVisibility;
}

/** The desk member who writes: their site, role and name. */
type Writer = Pick<AgentEntity, "id" | "siteId" | "role" | "name">;

/**
 * The desk's changes to a site's articles, each in one unit of work with its audit line: saving
 * (a new version every time), the review path, drafting from a resolved ticket, linking tickets.
 * Nothing here is live in a widget, so nothing is announced.
 */
export class Articles {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
    private readonly reads: TicketReads,
    private readonly words: ArticleWords,
  ) {}

  /** Creates a draft (no id) or changes an article's content, keeping the new version. */
  async save(writer: Writer, change: ArticleChange, actor: AuditActor): Promise<ArticleEntity> {
    const problems = articleProblems(change);
    problems.push(...(await this.catalogProblems(writer.siteId, change)));
    if (problems.length) throw badInput(problems);
    return this.tx(async (em) => {
      const existing = change.id ? await this.locked(em, writer.siteId, change.id) : null;
      if (existing && !mayEdit(existing.status, articleRights(writer.role))) {
        throw existing.status === ArticleStatus.ARCHIVED
          ? conflict("An archived article cannot be changed; bring it back to DRAFT first.")
          : forbidden("Only a supervisor and up may change a published article.");
      }
      const now = this.clock.now();
      const row = Object.assign(new ArticleEntity(), existing ?? this.fresh(writer.siteId, now), {
        language: change.language,
        title: change.title.trim(),
        body: change.body.trim(),
        serviceId: change.serviceId,
        categoryId: change.categoryId,
        visibility: change.visibility,
        version: (existing?.version ?? 0) + 1,
        updatedAt: now,
        updatedBy: writer.name.slice(0, 120),
      });
      if (existing) await em.getRepository(ArticleEntity).update({ id: row.id }, row);
      else await em.getRepository(ArticleEntity).insert(row);
      await this.keepVersion(em, row, now);
      await this.words.keep(em, row.siteId, row.title, row.body);
      await recordAudit(em, { siteId: writer.siteId, actor, action: existing ? "article.update" : "article.create", subjectType: "article", subjectId: row.id, before: existing ? audited(existing) : null, after: audited(row) }, now);
      return row;
    });
  }

  /** Moves an article along the review path, as article.rules allows the writer's role. */
  async move(writer: Writer, id: string, to: ArticleStatus, actor: AuditActor): Promise<ArticleEntity> {
    return this.tx(async (em) => {
      const a = await this.locked(em, writer.siteId, id);
      const problem = transitionProblem(a.status, to, articleRights(writer.role));
      if (problem) throw problem.startsWith("Only") ? forbidden(problem) : conflict(problem);
      const now = this.clock.now();
      const change = { status: to, updatedAt: now, updatedBy: writer.name.slice(0, 120), ...(to === ArticleStatus.PUBLISHED ? { publishedAt: now } : {}) };
      await em.getRepository(ArticleEntity).update({ id }, change);
      await recordAudit(em, { siteId: writer.siteId, actor, action: "article.status", subjectType: "article", subjectId: id, before: { status: a.status }, after: { status: to } }, now);
      return Object.assign(a, change);
    });
  }

  /** A new draft from a resolved ticket of the site: its symptom and fix, service and category, linked to it. */
  async draftFromTicket(writer: Writer, ticketIdOrCode: string, actor: AuditActor): Promise<ArticleEntity> {
    const t = await this.reads.byIdOrCode(writer.siteId, ticketIdOrCode);
    if (!t.resolution?.trim()) throw conflict(`Ticket ${t.code} has no resolution yet: resolve it first, then draft an article from it.`);
    return this.createDraft(writer, t, actor);
  }

  /**
   * The draft of a resolved ticket inside the resolving unit of work (the closure form's
   * "knowledge base" answer), so the ticket and its draft exist together or not at all.
   */
  async createDraft(
    writer: Pick<Writer, "siteId" | "name">,
    t: { id: string; code: string; problemType: string | null; description: string; resolution: string | null; reporterLanguage: string; serviceId: string | null; categoryId: string | null },
    actor: AuditActor,
    em?: EntityManager,
  ): Promise<ArticleEntity> {
    const work = async (m: EntityManager) => {
      const now = this.clock.now();
      const draft = draftFromTicket({ code: t.code, problemType: t.problemType, description: t.description, resolution: t.resolution, language: t.reporterLanguage });
      const row = Object.assign(this.fresh(writer.siteId, now), draft, {
        serviceId: t.serviceId,
        categoryId: t.categoryId,
        sourceTicketId: t.id,
        version: 1,
        updatedBy: writer.name.slice(0, 120),
      });
      await m.getRepository(ArticleEntity).insert(row);
      await this.keepVersion(m, row, now);
      await this.words.keep(m, row.siteId, row.title, row.body);
      await m.getRepository(ArticleTicketEntity).insert({ articleId: row.id, ticketId: t.id, linkedAt: now, linkedBy: row.updatedBy });
      await recordAudit(m, { siteId: writer.siteId, actor, action: "article.create", subjectType: "article", subjectId: row.id, before: null, after: { ...audited(row), sourceTicketId: t.id } }, now);
      return row;
    };
    return em ? work(em) : this.tx(work);
  }

  /** Records that an article was used on a ticket of the same site; linking twice is one link. */
  async link(writer: Writer, articleId: string, ticketIdOrCode: string, actor: AuditActor): Promise<void> {
    const t = await this.reads.byIdOrCode(writer.siteId, ticketIdOrCode);
    await this.tx(async (em) => {
      await this.locked(em, writer.siteId, articleId);
      const links = em.getRepository(ArticleTicketEntity);
      if (await links.existsBy({ articleId, ticketId: t.id })) return;
      const now = this.clock.now();
      await links.insert({ articleId, ticketId: t.id, linkedAt: now, linkedBy: writer.name.slice(0, 120) });
      await recordAudit(em, { siteId: writer.siteId, actor, action: "article.link", subjectType: "article", subjectId: articleId, before: null, after: { ticketId: t.id, ticketCode: t.code } }, now);
    });
  }

  private fresh(siteId: string, now: Date): ArticleEntity {
    return Object.assign(new ArticleEntity(), {
      id: randomUUID(),
      siteId,
      status: ArticleStatus.DRAFT,
      visibility: ArticleVisibility.PUBLIC,
      serviceId: null,
      categoryId: null,
      sourceTicketId: null,
      helpfulYes: 0,
      helpfulNo: 0,
      deflections: 0,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    });
  }

  private async locked(em: EntityManager, siteId: string, id: string): Promise<ArticleEntity> {
    const a = await em.getRepository(ArticleEntity).findOne({ where: { siteId, id }, lock: this.ds.options.type === "mysql" ? { mode: "pessimistic_write" } : undefined });
    if (!a) throw notFound("No such article in this site.");
    return a;
  }

  private async keepVersion(em: EntityManager, a: ArticleEntity, now: Date): Promise<void> {
    await em.getRepository(ArticleVersionEntity).insert({ id: randomUUID(), articleId: a.id, version: a.version, title: a.title, body: a.body, status: a.status, savedAt: now, savedBy: a.updatedBy });
  }

  private async catalogProblems(siteId: string, change: Pick<ArticleChange, "serviceId" | "categoryId">): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (change.serviceId && !(await this.ds.getRepository(ItServiceEntity).existsBy({ siteId, id: change.serviceId, retiredAt: IsNull() }))) {
      problems.push({ field: "serviceId", message: "serviceId is not an IT service of this site; pick one from the desk directory" });
    }
    if (change.categoryId && !(await this.ds.getRepository(CategoryEntity).existsBy({ siteId, id: change.categoryId, retiredAt: IsNull() }))) {
      problems.push({ field: "categoryId", message: "categoryId is not a category of this site; pick one from the desk directory" });
    }
    return problems;
  }
}

function audited(a: ArticleEntity): Record<string, unknown> {
  return { language: a.language, title: a.title, body: a.body, serviceId: a.serviceId, categoryId: a.categoryId, visibility: a.visibility, version: a.version };
}
