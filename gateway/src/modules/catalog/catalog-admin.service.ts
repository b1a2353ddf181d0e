import { randomUUID } from "node:crypto";
import { TicketType } from "../tickets/ticket.enums.js";
import type { EntityManager, ObjectLiteral, EntityTarget } from "typeorm";
import type { Clock } from "../../clock.js";
import { insertOnce, type Transactor } from "../../db/transactions.js";
import { badField, badInput, notFound, SigapError } from "../../errors.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { CatalogTextEntity, type CatalogTextKind } from "./catalog-text.entity.js";
import {
  CATALOG_LANGUAGES,
  CatalogKind,
  categoryRetireProblem,
  cleanTexts,
  groupProblems,
  groupRetireProblem,
  nameClash,
  nameKey,
  parentProblem,
  reorderProblem,
  textProblems,
  type LocalizedText,
} from "./catalog.rules.js";
import type { CatalogItem, CatalogService } from "./catalog.service.js";
import { CategoryEntity } from "./category.entity.js";
import { ItServiceEntity } from "./it-service.entity.js";
import { SupportGroupEntity } from "./support-group.entity.js";

/** Names as given: the language (checked), the name and an optional help text. */
export interface TextInput {
  language: string;
  name: string;
  help?: string | null;
}

/** A service or category as the admin sees it, with the open tickets filed under it. */
export interface AdminItemView {
  id: string;
  parentId: string | null;
  names: LocalizedText[];
  position: number;
  retired: boolean;
  openTickets: number;
}

/** An IT service as the admin sees it: also the type of ticket it opens. */
export interface AdminServiceView extends AdminItemView {
  ticketType: TicketType;
}

/** A support group as the admin sees it, with who and what still sits in it. */
export interface AdminGroupView {
  id: string;
  name: string;
  level: number;
  retired: boolean;
  openTickets: number;
  activeAgents: number;
}

/** The whole catalogue as the admin edits it. */
export interface CatalogAdminView {
  services: AdminServiceView[];
  categories: AdminItemView[];
  groups: AdminGroupView[];
}

const SUBJECT: Record<CatalogTextKind, { entity: EntityTarget<ObjectLiteral>; label: string; ticketColumn: "serviceId" | "categoryId" }> = {
  service: { entity: ItServiceEntity, label: "IT service", ticketColumn: "serviceId" },
  category: { entity: CategoryEntity, label: "category", ticketColumn: "categoryId" },
};

/**
 * Changes to a site's catalogue (GraphQL `saveService` … `reorderCatalog`; `sigap service:*`,
 * `category:*`, `group:*` reach the same methods). The rules are catalog.rules; each change is one
 * unit of work with its audit line. Nothing caches the catalogue (the public form and the desk
 * read it per request), so there is nothing to announce; a tracker page cached before a rename
 * shows the new name within the tracker cache's lifetime.
 */
export class CatalogAdmin {
  constructor(
    private readonly tx: Transactor,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  /** Services, categories and groups with their open tickets and active agents. */
  async view(siteId: string): Promise<CatalogAdminView> {
    return this.tx(async (em) => {
      const [services, categories, groups, counts] = await Promise.all([
        this.catalog.services(siteId, em),
        this.catalog.categories(siteId, em),
        this.catalog.groups(siteId, em),
        this.counts(em, siteId),
      ]);
      return {
        services: services.map((s) => ({ ...itemView(s, counts.serviceId), ticketType: s.ticketType })),
        categories: categories.map((c) => itemView(c, counts.categoryId)),
        groups: groups.map((g) => groupView(g, counts.groupId.get(g.id) ?? 0, counts.agents.get(g.id) ?? 0)),
      };
    });
  }

  /** Creates a service (no id) or replaces an existing one's names in every language. */
  async saveService(siteId: string, input: { id?: string | null; names: TextInput[]; ticketType?: TicketType | null }, actor: AuditActor): Promise<AdminServiceView> {
    const id = await this.saveItem(siteId, "service", input.id ?? null, input.names, undefined, actor, input.ticketType ?? null);
    return (await this.view(siteId)).services.find((i) => i.id === id)!;
  }

  /** Creates a category (no id) or changes one's names and parent (null: top level). */
  async saveCategory(siteId: string, input: { id?: string | null; parentId?: string | null; names: TextInput[] }, actor: AuditActor): Promise<AdminItemView> {
    const id = await this.saveItem(siteId, "category", input.id ?? null, input.names, input.parentId ?? null, actor);
    return (await this.view(siteId)).categories.find((i) => i.id === id)!;
  }

  /** Creates a support group (no id) or renames one and changes its level. */
  async saveGroup(siteId: string, input: { id?: string | null; name: string; level: number }, actor: AuditActor): Promise<AdminGroupView> {
    const problems = groupProblems(input.name, input.level);
    if (problems.length) throw badInput(problems);
    const name = input.name.trim();
    const id = await this.tx(async (em) => {
      const groups = await this.catalog.groups(siteId, em);
      const existing = input.id ? groups.find((g) => g.id === input.id) : undefined;
      if (input.id && !existing) throw notFound("No support group of this site has that id.");
      if (groups.some((g) => g.id !== input.id && nameKey(g.name) === nameKey(name))) throw nameConflict("name", `The site already has a support group named "${name}".`);
      if (existing && existing.level !== input.level) {
        // Its open tickets sit at the old support line: moving the group would leave them at a level it no longer works.
        const openTickets = await em.countBy(TicketEntity, { siteId, groupId: existing.id, isOpen: true });
        if (openTickets) throw new SigapError("CONFLICT", `The group still has ${openTickets} open ticket${openTickets === 1 ? "" : "s"} at level ${existing.level}: move them first, then change its level.`, { openTickets, fields: [{ field: "level", message: "The group's level cannot change while it holds open tickets." }] });
      }
      const after = { name, level: input.level };
      const message = `The site already has a support group named "${name}".`;
      const savedId = existing?.id ?? randomUUID();
      if (existing) await insertOnce(() => em.update(SupportGroupEntity, { id: savedId }, after), message);
      else await insertOnce(() => em.insert(SupportGroupEntity, { id: savedId, siteId, ...after, retiredAt: null }), message);
      await recordAudit(
        em,
        { siteId, actor, action: existing ? "group.update" : "group.create", subjectType: "group", subjectId: savedId, before: existing ? { name: existing.name, level: existing.level } : null, after },
        this.clock.now(),
      );
      return savedId;
    });
    return (await this.view(siteId)).groups.find((g) => g.id === id)!;
  }

  /**
   * Retires an entry (gone from the form and the pickers, still named on old tickets) or brings
   * it back. A group with open tickets or active agents, or a category whose sub-categories are
   * in use, is refused with CONFLICT saying how many.
   */
  async setRetired(siteId: string, kind: CatalogKind, id: string, retired: boolean, actor: AuditActor): Promise<boolean> {
    await this.tx(async (em) => {
      const now = this.clock.now();
      const entity = kind === CatalogKind.SERVICE ? ItServiceEntity : kind === CatalogKind.CATEGORY ? CategoryEntity : SupportGroupEntity;
      const row = (await em.findOneBy(entity, { id, siteId })) as { retiredAt: Date | null; parentId?: string | null } | null;
      if (!row) throw notFound(`No ${kind.toLowerCase()} of this site has that id.`);
      if ((row.retiredAt !== null) === retired) return;
      if (retired && kind === CatalogKind.GROUP) {
        const [openTickets, activeAgents] = await Promise.all([em.countBy(TicketEntity, { siteId, groupId: id, isOpen: true }), em.countBy(AgentEntity, { siteId, groupId: id, active: true })]);
        const problem = groupRetireProblem(openTickets, activeAgents);
        if (problem) throw new SigapError("CONFLICT", problem, { openTickets, activeAgents });
      }
      if (retired && kind === CatalogKind.CATEGORY) {
        const children = (await em.findBy(CategoryEntity, { siteId, parentId: id })).filter((c) => c.retiredAt === null).length;
        const problem = categoryRetireProblem(children);
        if (problem) throw new SigapError("CONFLICT", problem, { activeChildren: children });
      }
      if (!retired && kind === CatalogKind.CATEGORY && row.parentId) {
        const parent = await em.findOneBy(CategoryEntity, { id: row.parentId });
        if (parent?.retiredAt) throw new SigapError("CONFLICT", "Its parent category is retired: bring the parent back first, or move this one.");
      }
      await em.update(entity, { id }, { retiredAt: retired ? now : null });
      const subjectType = kind.toLowerCase();
      await recordAudit(em, { siteId, actor, action: `${subjectType}.${retired ? "retire" : "restore"}`, subjectType, subjectId: id, before: { retired: !retired }, after: { retired } }, now);
    });
    return true;
  }

  /** Puts services, or one parent's categories (the top level when the first id is top-level), in the order given. */
  async reorder(siteId: string, kind: CatalogKind, ids: string[], actor: AuditActor): Promise<boolean> {
    if (kind === CatalogKind.GROUP) throw badField("kind", "Support groups are listed by level and name; they have no order of their own.");
    if (!ids.length) throw badField("ids", "Give the ids in their new order.");
    await this.tx(async (em) => {
      const all = kind === CatalogKind.SERVICE ? await this.catalog.services(siteId, em) : await this.catalog.categories(siteId, em);
      const first = all.find((i) => i.id === ids[0]);
      if (!first) throw badField("ids", `ids[0] is not ${kind === CatalogKind.SERVICE ? "an IT service" : "a category"} of this site.`);
      // Categories are ordered among siblings: those of the first id's parent.
      const siblings = all.filter((i) => i.parentId === first.parentId);
      const problem = reorderProblem(ids, siblings.map((s) => s.id));
      if (problem) throw badField("ids", problem);
      const entity = kind === CatalogKind.SERVICE ? ItServiceEntity : CategoryEntity;
      for (const [position, id] of ids.entries()) {
        if (siblings.find((s) => s.id === id)!.position !== position) await em.update(entity, { id }, { position });
      }
      const subjectType = kind.toLowerCase();
      await recordAudit(
        em,
        { siteId, actor, action: `${subjectType}.reorder`, subjectType, subjectId: first.parentId, before: { order: siblings.map((s) => s.id) }, after: { order: ids } },
        this.clock.now(),
      );
    });
    return true;
  }

  private async saveItem(
    siteId: string,
    kind: CatalogTextKind,
    id: string | null,
    given: TextInput[],
    parentId: string | null | undefined,
    actor: AuditActor,
    ticketType: TicketType | null = null,
  ): Promise<string> {
    const problems = textProblems(given);
    if (problems.length) throw badInput(problems);
    const texts = cleanTexts(given);
    const { entity, label } = SUBJECT[kind];
    const savedId = await this.tx(async (em) => {
      const all = kind === "service" ? await this.catalog.services(siteId, em) : await this.catalog.categories(siteId, em);
      const existing: (CatalogItem & { ticketType?: TicketType }) | undefined = id ? all.find((i) => i.id === id) : undefined;
      if (id && !existing) throw notFound(`No ${label} of this site has that id.`);
      const clash = nameClash(texts, all, id);
      if (clash) throw nameConflict(`names[${given.findIndex((g) => g.language === clash.text.language)}].name`, `The site already has ${label === "IT service" ? "an" : "a"} ${label} named "${clash.text.name}" in ${clash.text.language}.`);
      if (kind === "category") {
        const problem = parentProblem(id, parentId ?? null, all.map((c) => ({ id: c.id, parentId: c.parentId, retired: c.retiredAt !== null })));
        if (problem) throw badField("parentId", problem);
      }
      const itemId = existing?.id ?? randomUUID();
      if (existing) {
        if (kind === "category" && existing.parentId !== (parentId ?? null)) {
          const position = nextPosition(all.filter((c) => c.parentId === (parentId ?? null)));
          await em.update(CategoryEntity, { id: itemId }, { parentId: parentId ?? null, position });
        }
        if (kind === "service" && ticketType && existing.ticketType !== ticketType) await em.update(ItServiceEntity, { id: itemId }, { ticketType });
        await em.delete(CatalogTextEntity, { itemId });
      } else {
        const position = nextPosition(all.filter((c) => c.parentId === (parentId ?? null)));
        await em.insert(
          entity,
          kind === "service"
            ? { id: itemId, siteId, position, retiredAt: null, ticketType: ticketType ?? TicketType.INCIDENT }
            : { id: itemId, siteId, parentId: parentId ?? null, position, retiredAt: null },
        );
      }
      // The index is the last word when two admins take the same name at once.
      await insertOnce(
        () => em.insert(CatalogTextEntity, texts.map((t) => ({ itemId, siteId, kind, language: t.language, name: t.name, help: t.help }))),
        `The site already has ${label === "IT service" ? "an" : "a"} ${label} with one of these names.`,
      );
      const fields = (item: { texts: readonly LocalizedText[]; parentId: string | null; ticketType?: TicketType | null } | null) =>
        item ? { ...auditTexts(item.texts), ...(kind === "category" ? { parentId: item.parentId } : { ticketType: item.ticketType }) } : null;
      await recordAudit(
        em,
        { siteId, actor, action: `${kind}.${existing ? "update" : "create"}`, subjectType: kind, subjectId: itemId, before: fields(existing ?? null), after: fields({ texts, parentId: parentId ?? null, ticketType: kind === "service" ? (ticketType ?? existing?.ticketType ?? TicketType.INCIDENT) : null }) },
        this.clock.now(),
      );
      return itemId;
    });
    return savedId;
  }

  private async counts(em: EntityManager, siteId: string) {
    const open = async (column: "serviceId" | "categoryId" | "groupId") => {
      const rows = await em
        .createQueryBuilder(TicketEntity, "t")
        .select(`t.${column}`, "id")
        .addSelect("COUNT(*)", "n")
        .where("t.siteId = :siteId AND t.isOpen = :open", { siteId, open: true })
        .groupBy(`t.${column}`)
        .getRawMany<{ id: string | null; n: string | number }>();
      return new Map(rows.filter((r) => r.id).map((r) => [r.id!, Number(r.n)]));
    };
    const agentRows = await em
      .createQueryBuilder(AgentEntity, "a")
      .select("a.groupId", "id")
      .addSelect("COUNT(*)", "n")
      .where("a.siteId = :siteId AND a.active = :active", { siteId, active: true })
      .groupBy("a.groupId")
      .getRawMany<{ id: string | null; n: string | number }>();
    return {
      serviceId: await open("serviceId"),
      categoryId: await open("categoryId"),
      groupId: await open("groupId"),
      agents: new Map(agentRows.filter((r) => r.id).map((r) => [r.id!, Number(r.n)])),
    };
  }
}

/** A CONFLICT that names the field holding the clashing name. */
function nameConflict(field: string, message: string): SigapError {
  return new SigapError("CONFLICT", message, { fields: [{ field, message }] });
}

function nextPosition(siblings: readonly CatalogItem[]): number {
  return siblings.reduce((max, s) => Math.max(max, s.position + 1), 0);
}

/** Names and help texts as flat audit fields (`name.en`, `help.id`), so the trail shows exactly which changed. */
function auditTexts(texts: readonly LocalizedText[]): Record<string, string | null> {
  return Object.fromEntries(
    CATALOG_LANGUAGES.flatMap((language) => {
      const t = texts.find((x) => x.language === language);
      return [[`name.${language}`, t?.name ?? null], [`help.${language}`, t?.help ?? null]];
    }),
  );
}

function itemView(item: CatalogItem, open: Map<string, number>): AdminItemView {
  return { id: item.id, parentId: item.parentId, names: item.texts, position: item.position, retired: item.retiredAt !== null, openTickets: open.get(item.id) ?? 0 };
}

function groupView(g: SupportGroupEntity, openTickets: number, activeAgents: number): AdminGroupView {
  return { id: g.id, name: g.name, level: g.level, retired: g.retiredAt !== null, openTickets, activeAgents };
}
