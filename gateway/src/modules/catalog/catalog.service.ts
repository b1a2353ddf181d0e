import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { insertOnce } from "../../db/transactions.js";
import { badField, badInput } from "../../errors.js";
import { CategoryEntity } from "./category.entity.js";
import { ItServiceEntity } from "./it-service.entity.js";
import { SupportGroupEntity } from "./support-group.entity.js";

/** A site's service catalogue, categories and support groups. */
export class CatalogService {
  constructor(private readonly ds: DataSource) {}

  /** The site's IT services by name. */
  services(siteId: string): Promise<ItServiceEntity[]> {
    return this.ds.getRepository(ItServiceEntity).find({ where: { siteId }, order: { name: "ASC" } });
  }

  /** The site's categories, parents before children. */
  categories(siteId: string): Promise<CategoryEntity[]> {
    return this.ds.getRepository(CategoryEntity).find({ where: { siteId }, order: { name: "ASC" } });
  }

  /** The site's support groups by level. */
  groups(siteId: string): Promise<SupportGroupEntity[]> {
    return this.ds.getRepository(SupportGroupEntity).find({ where: { siteId }, order: { level: "ASC", name: "ASC" } });
  }

  /** Adds an IT service to the catalogue. */
  async addService(siteId: string, name: string, description: string | null = null): Promise<ItServiceEntity> {
    if (!name.trim() || name.length > 120) throw badField("name", "name is required, at most 120 characters");
    const row = { id: randomUUID(), siteId, name: name.trim(), description };
    await insertOnce(() => this.ds.getRepository(ItServiceEntity).insert(row), `The site already has an IT service named "${row.name}".`);
    return Object.assign(new ItServiceEntity(), row);
  }

  /** Adds a category, optionally under a parent category of the same site. */
  async addCategory(siteId: string, name: string, parentId: string | null = null): Promise<CategoryEntity> {
    if (!name.trim() || name.length > 120) throw badField("name", "name is required, at most 120 characters");
    if (parentId && !(await this.ds.getRepository(CategoryEntity).existsBy({ id: parentId, siteId }))) {
      throw badField("parentId", "parentId is not a category of this site");
    }
    const row = { id: randomUUID(), siteId, name: name.trim(), parentId };
    await insertOnce(() => this.ds.getRepository(CategoryEntity).insert(row), `The site already has a category named "${row.name}".`);
    return Object.assign(new CategoryEntity(), row);
  }

  /** Adds a support group at a support level (1–3). */
  async addGroup(siteId: string, name: string, level: number): Promise<SupportGroupEntity> {
    const problems = [];
    if (!name.trim() || name.length > 120) problems.push({ field: "name", message: "name is required, at most 120 characters" });
    if (!Number.isInteger(level) || level < 1 || level > 3) problems.push({ field: "level", message: "level must be 1, 2 or 3" });
    if (problems.length) throw badInput(problems);
    const row = { id: randomUUID(), siteId, name: name.trim(), level };
    await insertOnce(() => this.ds.getRepository(SupportGroupEntity).insert(row), `The site already has a support group named "${row.name}".`);
    return Object.assign(new SupportGroupEntity(), row);
  }
}
