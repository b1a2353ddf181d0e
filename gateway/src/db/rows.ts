/** Rows written and read with one statement text per table and shape, built once (the hot paths). */
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { later } from "./pipeline.js";

interface Statement {
  sql: string;
  columns: ColumnMetadata[];
}

const statements = new WeakMap<object, Map<string, Statement>>();

/**
 * Inserts rows of an entity with one statement text per table and row count, built once.
 * TypeORM's insert builder rebuilds the SQL for every call and reads the row back for defaults,
 * which on the report path cost more CPU than the database's own work. Values still go through
 * the driver's own conversion (dates, booleans, JSON, transformers), so rows read back exactly as
 * if `em.insert` had written them. Auto-increment columns are left to the database; a version
 * column starts at 1.
 */
export async function insertRows<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: readonly Partial<T>[]): Promise<void> {
  if (!rows.length) return;
  const { sql, values } = insertStatement(em, entity, rows);
  await em.query(sql, values);
}

/**
 * {@link insertRows}, sent with the transaction's next statement or its commit (db/pipeline.ts):
 * for rows whose insert can fail only with the whole transaction, never with an error the caller
 * turns into an answer on the spot.
 */
export async function queueRows<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: readonly Partial<T>[]): Promise<void> {
  if (!rows.length) return;
  const { sql, values } = insertStatement(em, entity, rows);
  await later(em, sql, values);
}

function insertStatement<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: readonly Partial<T>[]): { sql: string; values: unknown[] } {
  const driver = em.connection.driver;
  const metadata = em.connection.getMetadata(entity);
  let byCount = statements.get(metadata);
  if (!byCount) statements.set(metadata, (byCount = new Map()));
  const key = `${driver.options.type}:${rows.length}`;
  let statement = byCount.get(key);
  if (!statement) {
    const columns = metadata.columns.filter((c) => !(c.isGenerated && c.generationStrategy === "increment"));
    const group = `(${columns.map(() => "?").join(", ")})`;
    statement = {
      columns,
      sql: `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES ${Array(rows.length).fill(group).join(", ")}`,
    };
    byCount.set(key, statement);
  }
  const values: unknown[] = [];
  for (const row of rows) {
    for (const c of statement.columns) {
      const value = c.getEntityValue(row as ObjectLiteral);
      values.push(value === undefined ? (c.isVersion ? 1 : null) : driver.preparePersistentValue(value, c));
    }
  }
  return { sql: statement.sql, values };
}

/** How {@link selectRows} orders and limits. */
export interface SelectOptions<T> {
  orderBy?: ReadonlyArray<readonly [keyof T & string, "ASC" | "DESC"]>;
  limit?: number;
}

/**
 * Reads whole entities by equality on some columns, with one statement text per shape, built
 * once, and hydrates them through the driver as TypeORM would. The hot reads (a tracker's
 * ticket, its timeline, its feedback) spent more CPU in TypeORM's query building and result
 * mapping than in the database.
 */
export async function selectRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  where: Readonly<Partial<Record<keyof T & string, string | number | boolean>>>,
  options: SelectOptions<T> = {},
): Promise<T[]> {
  const driver = em.connection.driver;
  const metadata = em.connection.getMetadata(entity);
  const keys = Object.keys(where) as Array<keyof T & string>;
  let byShape = selects.get(metadata);
  if (!byShape) selects.set(metadata, (byShape = new Map()));
  const shape = `${driver.options.type}|${keys.join(",")}|${(options.orderBy ?? []).map(([k, d]) => `${k} ${d}`).join(",")}|${options.limit ?? ""}`;
  let statement = byShape.get(shape);
  if (!statement) {
    const column = (property: string) => {
      const c = metadata.findColumnWithPropertyName(property);
      if (!c) throw new Error(`${metadata.name} has no column ${property}`);
      return c;
    };
    const conditions = keys.map((k) => `${driver.escape(column(k).databaseName)} = ?`).join(" AND ");
    const order = (options.orderBy ?? []).map(([k, d]) => `${driver.escape(column(k).databaseName)} ${d}`).join(", ");
    statement = {
      columns: metadata.columns,
      where: keys.map(column),
      sql:
        `SELECT ${metadata.columns.map((c) => driver.escape(c.databaseName)).join(", ")} FROM ${driver.escape(metadata.tableName)}` +
        (conditions ? ` WHERE ${conditions}` : "") +
        (order ? ` ORDER BY ${order}` : "") +
        (options.limit ? ` LIMIT ${Math.floor(options.limit)}` : ""),
    };
    byShape.set(shape, statement);
  }
  const params = statement.where.map((c, i) => driver.preparePersistentValue(where[keys[i]!], c));
  const raw: Array<Record<string, unknown>> = await em.query(statement.sql, params);
  return raw.map((r) => {
    const row = metadata.create() as T;
    for (const c of statement.columns) c.setEntityValue(row, driver.prepareHydratedValue(r[c.databaseName], c));
    return row;
  });
}

const selects = new WeakMap<object, Map<string, Statement & { where: ColumnMetadata[] }>>();
