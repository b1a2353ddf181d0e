import type { DataSource, EntityManager } from "typeorm";
import { QueryFailedError } from "typeorm";
import { conflict } from "../errors.js";
import { pipelinedTransaction } from "./pipeline.js";

/** How a transaction runs. */
export interface TransactionOptions {
  /**
   * READ COMMITTED on MySQL: locking reads lock the rows they return and no gaps between them, so
   * a queue's claim (SELECT … FOR UPDATE SKIP LOCKED) never holds back inserts of new rows. SQLite
   * ignores it (its writes are serial).
   */
  readCommitted?: boolean;
}

/** Runs work in one database transaction. */
export type Transactor = <T>(work: (em: EntityManager) => Promise<T>, options?: TransactionOptions) => Promise<T>;

/** Which SQL dialect a data source speaks. */
export type Dialect = "mysql" | "sqlite";

/** The dialect of a data source. */
export function dialectOf(ds: DataSource): Dialect {
  return ds.options.type === "mysql" ? "mysql" : "sqlite";
}

const DEADLOCK_RETRIES = 3;

/**
 * The queue of transactions of each SQLite file in this process. Two data sources on one file
 * (two gateways in one process, as the scale-out tests run them) must not interleave their
 * transactions: better-sqlite3 is synchronous, so a statement waiting for the other connection's
 * write lock blocks the event loop that connection needs to commit, for the whole busy timeout.
 */
const sqliteQueues = new Map<unknown, Promise<unknown>>();

/**
 * Creates the transaction runner. SQLite has one connection that TypeORM shares between all
 * callers, so overlapping transactions would nest inside each other: they are queued here, per
 * database file. MySQL transactions open and commit with their first and last statements
 * (pipeline.ts); those chosen as deadlock victims are retried a few times.
 */
export function createTransactor(ds: DataSource): Transactor {
  if (dialectOf(ds) === "sqlite") {
    const file = ds.options.database;
    const key = typeof file === "string" && file !== ":memory:" ? file : ds;
    return <T>(work: (em: EntityManager) => Promise<T>) => {
      const run = (sqliteQueues.get(key) ?? Promise.resolve()).then(() => ds.transaction(work));
      sqliteQueues.set(
        key,
        run.catch(() => undefined),
      );
      return run;
    };
  }
  return async <T>(work: (em: EntityManager) => Promise<T>, options: TransactionOptions = {}) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await pipelinedTransaction(ds, work, options.readCommitted ? "READ COMMITTED" : undefined);
      } catch (error) {
        if (attempt > DEADLOCK_RETRIES || !isDeadlock(error)) throw error;
      }
    }
  };
}

function driverError(error: unknown): { code?: string; errno?: number } | null {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string; errno?: number }) : null;
}

/** Whether a query failed on a unique index (MySQL 1062, SQLite UNIQUE/PRIMARY KEY constraint). */
export function isUniqueViolation(error: unknown): boolean {
  const e = driverError(error);
  return !!e && (e.errno === 1062 || e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY");
}

function isDeadlock(error: unknown): boolean {
  const e = driverError(error);
  return !!e && (e.errno === 1213 || e.errno === 1205);
}

/** Runs an insert, turning a clash on a unique key into a CONFLICT a person can act on. */
export async function insertOnce(insert: () => Promise<unknown>, message: string): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
}
