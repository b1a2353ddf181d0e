import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import { CatalogTextEntity, type CatalogTextKind } from "./catalog-text.entity.js";
import { CATALOG_LANGUAGES, localize, type CatalogLanguage, type LocalizedText } from "./catalog.rules.js";
import { CategoryEntity } from "./category.entity.js";
import { ItServiceEntity } from "./it-service.entity.js";
import type { TicketType } from "../tickets/ticket.enums.js";
import { SupportGroupEntity } from "./support-group.entity.js";

/** An IT service or a category with its names in every language given. */
export interface CatalogItem {
  id: string;
  siteId: string;
  /** A category's parent; always null for services. */
  parentId: string | null;
  /** Names and help texts, in {@link CATALOG_LANGUAGES} order. */
  texts: LocalizedText[];
  position: number;
  retiredAt: Date | null;
}

/** An IT service with its names: a catalogue item that says which type of ticket it opens. */
export interface ServiceItem extends CatalogItem {
  ticketType: TicketType;
}

/** A service or category as one reader sees it: the name in their language (else the other one). */
export interface LocalizedItem {
  id: string;
  name: string;
  description: string | null;
  parentId: string | null;
  retired: boolean;
}

/** A support group as the desk sees it. */
export interface GroupInfo {
  id: string;
  name: string;
  level: number;
  retired: boolean;
}

/** A group row as the desk sees it (retirement as a flag). */
export function groupInfo(g: SupportGroupEntity): GroupInfo {
  return { id: g.id, name: g.name, level: g.level, retired: g.retiredAt !== null };
}

/**
 * The read side of a site's service catalogue, categories and support groups (the changes are
 * CatalogAdmin's). Lists come in the admin's order: services by position, categories as a tree
 * (each top-level category by position, followed by its sub-categories by position).
 */
export class CatalogService {
  constructor(private readonly ds: DataSource) {}

  /** The site's IT services, retired ones included, by position. */
  async services(siteId: string, em: EntityManager = this.ds.manager): Promise<ServiceItem[]> {
    const rows = await em.find(ItServiceEntity, { where: { siteId } });
    return this.withTexts(em, siteId, "service", rows.map((r) => ({ ...r, parentId: null })));
  }

  /** The site's categories, retired ones included, each parent followed by its children. */
  async categories(siteId: string, em: EntityManager = this.ds.manager): Promise<CatalogItem[]> {
    const items = await this.withTexts(em, siteId, "category", await em.find(CategoryEntity, { where: { siteId } }));
    const top = items.filter((c) => c.parentId === null || !items.some((p) => p.id === c.parentId));
    return top.flatMap((parent) => [parent, ...items.filter((c) => c.parentId === parent.id)]);
  }

  /** The site's support groups by level then name, retired ones included. */
  groups(siteId: string, em: EntityManager = this.ds.manager): Promise<SupportGroupEntity[]> {
    return em.find(SupportGroupEntity, { where: { siteId }, order: { level: "ASC", name: "ASC" } });
  }

  /** The site's support groups still in use, for allocation and escalation. */
  activeGroups(siteId: string): Promise<SupportGroupEntity[]> {
    return this.ds.getRepository(SupportGroupEntity).find({ where: { siteId, retiredAt: IsNull() }, order: { level: "ASC", name: "ASC" } });
  }

  /** A service's or category's name in a language (else the other), retired or not; null for no such item. */
  async nameOf(itemId: string, language: CatalogLanguage): Promise<string | null> {
    const texts = await this.ds.getRepository(CatalogTextEntity).find({ where: { itemId } });
    return localize(texts, language)?.name ?? null;
  }

  /** Items as one reader sees them. */
  localized(items: readonly ServiceItem[], language: CatalogLanguage): Array<LocalizedItem & { ticketType: TicketType }>;
  localized(items: readonly CatalogItem[], language: CatalogLanguage): LocalizedItem[];
  localized(items: readonly CatalogItem[], language: CatalogLanguage): LocalizedItem[] {
    return items.map((item) => {
      const text = localize(item.texts, language);
      const shown = { id: item.id, name: text?.name ?? "", description: text?.help ?? null, parentId: item.parentId, retired: item.retiredAt !== null };
      return "ticketType" in item ? { ...shown, ticketType: item.ticketType } : shown;
    });
  }

  private async withTexts<R extends Omit<CatalogItem, "texts">>(em: EntityManager, siteId: string, kind: CatalogTextKind, rows: R[]): Promise<Array<R & CatalogItem>> {
    const texts = rows.length ? await em.find(CatalogTextEntity, { where: { siteId, kind, itemId: In(rows.map((r) => r.id)) } }) : [];
    const items = rows.map(
      (r): R & CatalogItem => ({
        ...r,
        texts: texts
          .filter((t) => t.itemId === r.id)
          .map((t) => ({ language: t.language, name: t.name, help: t.help }))
          .sort((a, b) => CATALOG_LANGUAGES.indexOf(a.language) - CATALOG_LANGUAGES.indexOf(b.language)),
      }),
    );
    // Ties (a new site's items all at 0 before any reorder) fall back to the first name, so the order is stable.
    const key = (i: CatalogItem) => i.texts[0]?.name ?? "";
    return items.sort((a, b) => a.position - b.position || key(a).localeCompare(key(b)));
  }
}
