import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { DataSource, type DataSourceOptions } from "typeorm";
import { describeDatabase, type DatabaseConfig } from "../config.js";
import { ENTITIES } from "./entities.js";
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from "./migrations/index.js";

/** TypeORM options for the configured database; the schema always comes from committed migrations. */
export function dataSourceOptions(db: DatabaseConfig, withMigrations = true): DataSourceOptions {
  if (db.kind === "mysql") {
    return {
      type: "mysql",
      url: db.url,
      entities: ENTITIES,
      migrations: withMigrations ? MYSQL_MIGRATIONS : [],
      migrationsTableName: "sigap_migrations",
      // Everything is stored and compared in UTC; the site's zone matters only for display and codes.
      timezone: "Z",
      charset: "utf8mb4_unicode_ci",
      poolSize: 10,
      // mysql2 captures a stack trace on every query so that its errors point at the caller; in
      // a profile that was a measurable share of each report's CPU, and TypeORM's own errors say
      // which query failed anyway.
      trace: false,
      // Transactions send their START TRANSACTION, queued writes and COMMIT in front of or with
      // another statement (pipeline.ts): a round trip less each. Every statement Sigap makes binds
      // its values as parameters, so no value can add a statement.
      multipleStatements: true,
      // A database that does not answer should fail a request in seconds (SERVICE_UNAVAILABLE),
      // not hold it for mysql2's default of ten.
      connectTimeout: 5_000,
      synchronize: false,
    };
  }
  if (db.file !== ":memory:") mkdirSync(dirname(db.file), { recursive: true });
  return {
    type: "better-sqlite3",
    database: db.file,
    entities: ENTITIES,
    migrations: withMigrations ? SQLITE_MIGRATIONS : [],
    migrationsTableName: "sigap_migrations",
    // WAL lets readers carry on while a report is being written.
    prepareDatabase: (conn: { pragma(s: string): unknown }) => {
      conn.pragma("journal_mode = WAL");
      conn.pragma("busy_timeout = 5000");
      conn.pragma("foreign_keys = ON");
    },
    synchronize: false,
  };
}

/**
 * Opens the database and applies pending migrations. An unreachable database is retried with
 * exponential backoff (and said so in the log) before start-up gives up.
 */
export async function openDatabase(db: DatabaseConfig, log: Logger, attempts: number): Promise<DataSource> {
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    const ds = new DataSource(dataSourceOptions(db));
    try {
      await ds.initialize();
      const applied = await ds.runMigrations({ transaction: "each" });
      if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, "applied database migrations");
      return ds;
    } catch (error) {
      if (ds.isInitialized) await ds.destroy().catch(() => undefined);
      if (attempt >= attempts) throw error;
      log.warn(
        { attempt, of: attempts, retryInMs: delay, database: describeDatabase(db), err: (error as Error).message },
        "database not reachable yet; retrying",
      );
      await sleep(delay);
      delay = Math.min(delay * 2, 10_000);
    }
  }
}

/** Whether the database answers a trivial query now. */
export async function databaseReady(ds: DataSource): Promise<boolean> {
  try {
    await ds.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
