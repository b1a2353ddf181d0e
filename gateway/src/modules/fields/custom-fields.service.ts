import { randomUUID } from "node:crypto";
import { In, type DataSource, type EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { insertRows, selectRows } from "../../db/rows.js";
import { badField, badInput, notFound, type FieldProblem } from "../../errors.js";
import type { SigapPubSub } from "../../realtime/pubsub.js";
import { SITES_FEED, Topic } from "../../realtime/topics.js";
import { recordAudit } from "../audit/audit-trail.js";
import type { AuditActor } from "../audit/audit.rules.js";
import { ItServiceEntity } from "../catalog/it-service.entity.js";
import type { SiteService } from "../sites/site.service.js";
import { CustomFieldEntity } from "./custom-field.entity.js";
import { checkValues, definitionProblems, MAX_FIELDS_PER_SITE, type FieldDefinition, type GivenValue, type StoredValue } from "./custom-field.rules.js";
import { TicketFieldValueEntity } from "./ticket-field-value.entity.js";

/** A definition as an admin saves it: the rules' fields, with an id to change an existing one. */
export interface FieldChange extends Omit<FieldDefinition, "retired"> {
  id: string | null;
}

/** One ticket's values of one field, with the field's definition (for labels). */
export interface TicketFieldValues {
  field: CustomFieldEntity;
  values: string[];
}

const CACHE_MS = 30_000;

/**
 * A site's custom fields: the admin's changes (each audited in its own unit of work and announced
 * with SiteService.changed, so every gateway drops its cached copy), the report path's check and
 * write, and the reads of a ticket's values. Definitions are cached per site like the site itself,
 * so a report to a site without fields costs no statement here.
 */
export class CustomFieldService {
  private readonly cache = new Map<string, { read: Promise<CustomFieldEntity[]>; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly sites: SiteService,
    bus: SigapPubSub | null = null,
  ) {
    bus?.listen(Topic.SITE_CHANGED, SITES_FEED, () => this.cache.clear());
  }

  /** Every field of a site, retired ones included, in form order (fresh from the database). */
  list(siteId: string): Promise<CustomFieldEntity[]> {
    return this.ds.getRepository(CustomFieldEntity).find({ where: { siteId }, order: { position: "ASC", createdAt: "ASC" } });
  }

  /** Every field of a site in form order, from a cache dropped on every change of the site (any gateway's). */
  cached(siteId: string): Promise<CustomFieldEntity[]> {
    const now = Date.now();
    let hit = this.cache.get(siteId);
    if (!hit || hit.until < now) {
      const read = this.list(siteId);
      read.catch(() => this.cache.delete(siteId));
      hit = { read, until: now + CACHE_MS };
      this.cache.set(siteId, hit);
    }
    return hit.read;
  }

  /** The fields a report form asks: not retired, in form order. */
  async active(siteId: string): Promise<CustomFieldEntity[]> {
    return (await this.cached(siteId)).filter((f) => !f.retired);
  }

  /** Creates a field (no id) or changes one; BAD_USER_INPUT names every bad field of the input. */
  async save(siteId: string, change: FieldChange, actor: AuditActor): Promise<CustomFieldEntity> {
    const fields = await this.list(siteId);
    const existing = change.id ? fields.find((f) => f.id === change.id) : undefined;
    if (change.id && !existing) throw notFound("No such custom field in this site.");
    const problems: FieldProblem[] = definitionProblems(
      { ...change, retired: existing?.retired ?? false },
      new Set(fields.filter((f) => f.id !== change.id).map((f) => f.key)),
    );
    if (existing && existing.key !== change.key) problems.push({ field: "key", message: `key cannot change once saved (it is "${existing.key}"): values on tickets are stored under it` });
    if (existing && existing.type !== change.type) problems.push({ field: "type", message: `type cannot change once saved (it is ${existing.type}); retire the field and add a new one` });
    if (!existing && fields.length >= MAX_FIELDS_PER_SITE) problems.push({ field: "key", message: `a site has at most ${MAX_FIELDS_PER_SITE} fields (retired ones count)` });
    if (change.serviceIds?.length) {
      const known = await this.ds.getRepository(ItServiceEntity).findBy({ siteId, id: In(change.serviceIds) });
      const unknown = change.serviceIds.filter((id) => !known.some((s) => s.id === id));
      if (unknown.length) problems.push({ field: "serviceIds", message: `not services of this site: ${unknown.join(", ")}; pick from site.services` });
    }
    if (problems.length) throw badInput(problems);
    const { id: _id, ...definition } = change;
    const row = Object.assign(new CustomFieldEntity(), existing ?? { id: randomUUID(), siteId, retired: false, position: fields.length, createdAt: this.clock.now() }, {
      ...definition,
      serviceIds: definition.serviceIds ? [...new Set(definition.serviceIds)] : null,
    });
    await this.ds.transaction(async (em) => {
      await em.getRepository(CustomFieldEntity).save(row);
      await recordAudit(em, {
        siteId,
        actor,
        action: existing ? "custom_field.update" : "custom_field.create",
        subjectType: "custom_field",
        subjectId: row.id,
        before: existing ? auditedFields(existing) : null,
        after: auditedFields(row),
      });
    });
    this.changed(siteId);
    return row;
  }

  /** Retires a field (no longer asked; old values still show) or brings it back. */
  async setRetired(siteId: string, id: string, retired: boolean, actor: AuditActor): Promise<CustomFieldEntity> {
    const field = await this.ds.getRepository(CustomFieldEntity).findOneBy({ siteId, id });
    if (!field) throw notFound("No such custom field in this site.");
    if (field.retired === retired) return field;
    await this.ds.transaction(async (em) => {
      await em.getRepository(CustomFieldEntity).update({ id, siteId }, { retired });
      await recordAudit(em, { siteId, actor, action: retired ? "custom_field.retire" : "custom_field.restore", subjectType: "custom_field", subjectId: id, before: { retired: field.retired }, after: { retired } });
    });
    this.changed(siteId);
    return Object.assign(field, { retired });
  }

  /** Puts the site's fields in the order given; `ids` must list each of them once. */
  async reorder(siteId: string, ids: string[], actor: AuditActor): Promise<CustomFieldEntity[]> {
    const fields = await this.list(siteId);
    const unique = new Set(ids);
    if (unique.size !== ids.length || ids.length !== fields.length || !fields.every((f) => unique.has(f.id))) {
      throw badField("ids", `ids must list each of the site's ${fields.length} custom fields (retired ones too) exactly once, in the new order`);
    }
    const before = fields.map((f) => f.key);
    const after = ids.map((id) => fields.find((f) => f.id === id)!.key);
    await this.ds.transaction(async (em) => {
      for (const [position, id] of ids.entries()) await em.getRepository(CustomFieldEntity).update({ id, siteId }, { position });
      await recordAudit(em, { siteId, actor, action: "custom_field.reorder", subjectType: "site", subjectId: null, before: { order: before }, after: { order: after } });
    });
    this.changed(siteId);
    return this.list(siteId);
  }

  /**
   * Checks a report's values against the site's fields in scope for its service, adding each
   * problem to `problems`, and returns the rows to write. A site without fields and a report
   * without values cost nothing beyond the cached definitions.
   */
  async check(siteId: string, serviceId: string | null, given: readonly GivenValue[], requireAll: boolean, problems: FieldProblem[]): Promise<StoredValue[]> {
    const defs = await this.cached(siteId);
    if (!defs.length && !given.length) return [];
    const checked = checkValues(defs, serviceId, given, requireAll);
    problems.push(...checked.problems);
    return checked.rows;
  }

  /** Writes a new ticket's values in its unit of work: one multi-row insert, nothing when there are none. */
  async write(em: EntityManager, siteId: string, ticketId: string, rows: readonly StoredValue[]): Promise<void> {
    if (!rows.length) return;
    await insertRows(
      em,
      TicketFieldValueEntity,
      rows.map((r) => ({ ticketId, siteId, fieldKey: r.key, value: r.value })),
    );
  }

  /** A ticket's values per field in form order (retired fields included: old values keep showing). */
  async ofTicket(siteId: string, ticketId: string): Promise<TicketFieldValues[]> {
    const defs = await this.cached(siteId);
    if (!defs.length) return [];
    const rows = await selectRows(this.ds.manager, TicketFieldValueEntity, { ticketId }, { orderBy: [["id", "ASC"]] });
    return grouped(defs, rows.filter((r) => r.siteId === siteId));
  }

  private changed(siteId: string): void {
    this.cache.delete(siteId);
    this.sites.changed(siteId);
  }
}

function grouped(defs: CustomFieldEntity[], rows: TicketFieldValueEntity[]): TicketFieldValues[] {
  const out: TicketFieldValues[] = [];
  for (const field of defs) {
    const values = rows.filter((r) => r.fieldKey === field.key).map((r) => r.value);
    if (values.length) out.push({ field, values });
  }
  return out;
}

function auditedFields(f: CustomFieldEntity): Record<string, unknown> {
  const { key, type, labelId, labelEn, helpId, helpEn, required, choices, maxLength, min, max, minDate, maxDate, serviceIds } = f;
  return { key, type, labelId, labelEn, helpId, helpEn, required, choices, maxLength, min, max, minDate, maxDate, serviceIds };
}
