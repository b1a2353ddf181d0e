/**
 * MySQL transactions in fewer round trips. A statement whose answer nobody reads (START
 * TRANSACTION, a row written with {@link later}, COMMIT) waits and travels in front of the
 * transaction's next statement as one multi-statement text: a report's seven round trips (begin,
 * event row, sequence upsert, ticket row, outbox row, commit, and a settings read) became one, and
 * each round trip is a socket write and a read that cost the gateway more CPU than MySQL's work.
 * A value only the database knows mid-transaction (the ticket code's sequence) can be written as a
 * stand-in that the database replaces ({@link reserveStandIn}); {@link laterRead} answers a queued
 * statement's own result once it has been sent.
 *
 * Statements keep their order, so what the database does is the same; only an error of a waiting
 * write surfaces with the next statement or the commit, still inside the same transaction (which
 * then rolls back). Writes whose error the caller must catch on the spot (a unique key turned
 * into CONFLICT) are not queued. SQLite runs in-process, where a round trip costs nothing: there
 * {@link later} writes at once.
 */
import { escape as sqlLiteral } from "mysql2";
import { QueryFailedError, QueryResult, type DataSource, type EntityManager, type QueryRunner } from "typeorm";

type Send = (sql: string, params?: unknown[], structured?: boolean) => Promise<unknown>;

/** A statement's answer someone waits for, by the statement's place in what is pending. */
interface Awaited {
  index: number;
  resolve(raw: unknown): void;
  reject(error: unknown): void;
}

/** The statements of one transaction that wait for the next one. */
class Pipeline {
  private pending: string[] = [];
  private params: unknown[] = [];
  private awaited: Awaited[] = [];
  /** Stand-in texts: undefined until the SQL expression that replaces them is known ({@link standIn}). */
  private readonly standIns = new Map<string, string | undefined>();
  /** Whether any statement reached the database (then a failure needs a ROLLBACK). */
  sent = false;
  private wrote = false;

  /** `prelude`: what opens the transaction, sent with its first statement. */
  constructor(
    private readonly send: Send,
    prelude: readonly string[],
  ) {
    this.pending.push(...prelude);
  }

  later(sql: string, params: readonly unknown[]): void {
    this.wrote = true;
    this.pending.push(sql);
    for (const p of params) this.params.push(this.standIns.size ? this.replaced(p) : p);
  }

  /** {@link later}, answering the statement's own result once it has been sent with another. */
  laterRead(sql: string, params: readonly unknown[]): Promise<unknown> {
    const answer = new Promise<unknown>((resolve, reject) => this.awaited.push({ index: this.pending.length, resolve, reject }));
    // A transaction that fails rejects it; its caller may never come to read it.
    answer.catch(() => undefined);
    this.later(sql, params);
    return answer;
  }

  /** Registers `text` as a stand-in: until {@link define}d, a statement carrying it is a programming error. */
  standIn(text: string): void {
    this.standIns.set(text, undefined);
  }

  /** From now on, a string value carrying `text` is sent as itself with `text` replaced by `sqlExpression`'s value. */
  define(text: string, sqlExpression: string): void {
    this.standIns.set(text, sqlExpression);
  }

  private replaced(value: unknown): unknown {
    if (typeof value !== "string") return value;
    let sql: string | null = null;
    for (const [text, expression] of this.standIns) {
      if (!value.includes(text)) continue;
      if (expression === undefined) throw new Error(`A statement carries the stand-in ${text} before the value that replaces it is defined.`);
      sql = `REPLACE(${sql ?? sqlLiteral(value)}, ${sqlLiteral(text)}, ${expression})`;
    }
    if (sql === null) return value;
    const fragment = sql;
    return { toSqlString: () => fragment };
  }

  /** Sends `sql` with everything waiting in front of it; answers `sql`'s own result as TypeORM would. */
  async run(sql: string, params: unknown[] | undefined, structured: boolean): Promise<unknown> {
    this.sent = true;
    if (params && this.standIns.size) params = params.map((p) => this.replaced(p));
    if (!this.pending.length) return this.send(sql, params, structured);
    const text = [...this.pending, sql].join(";\n");
    const all = params ? [...this.params, ...params] : this.params;
    const awaited = this.awaited;
    this.pending = [];
    this.params = [];
    this.awaited = [];
    let raw: unknown[];
    try {
      // One result per statement; the caller asked about its own, the last.
      raw = (await this.send(text, all)) as unknown[];
    } catch (error) {
      for (const a of awaited) a.reject(error);
      throw error;
    }
    for (const a of awaited) a.resolve(raw[a.index]);
    const own = raw[raw.length - 1];
    return structured ? resultOf(own) : own;
  }

  /** Ends the transaction with `sql` (COMMIT), after what waits; nothing at all when no statement was made. */
  async finish(sql: string): Promise<void> {
    if (!this.sent && !this.wrote) return;
    await this.run(sql, undefined, false);
  }
}

const pipelines = new WeakMap<QueryRunner, Pipeline>();

/** The callback API of the mysql2 connection a TypeORM MySQL query runner holds. */
interface MysqlConnection {
  query(sql: string, params: unknown[] | undefined, done: (error: Error | null, raw: unknown) => void): void;
}

/**
 * Sends statements on the runner's own connection through mysql2's callback API, failing with
 * TypeORM's QueryFailedError as `runner.query` would. TypeORM's query adds, per statement, query
 * events nobody listens to, a logger call and mysql2's `promise()` wrapper, which `require`s its
 * module again on every call: on the report path that was more CPU than the statement's own.
 */
function rawSender(runner: QueryRunner): Send {
  return async (sql, params, structured = false) => {
    if (runner.isReleased) return runner.query(sql, params as unknown[]);
    const connection = (await runner.connect()) as MysqlConnection;
    const raw = await new Promise<unknown>((resolve, reject) =>
      connection.query(sql, params, (error, result) => (error ? reject(new QueryFailedError(sql, params, error)) : resolve(result))),
    );
    return structured ? resultOf(raw) : raw;
  };
}

/** A statement's result in TypeORM's structured form, as its MySQL query runner builds it. */
function resultOf(raw: unknown): QueryResult {
  const result = new QueryResult();
  result.raw = raw;
  if (Array.isArray(raw)) result.records = raw;
  else if (raw && typeof raw === "object" && "affectedRows" in raw) result.affected = Number(raw.affectedRows);
  return result;
}

/**
 * Queues a statement whose answer is not needed in `em`'s pipelined transaction, to travel with
 * the next statement or the commit; outside one (SQLite, or no transaction) it runs at once.
 */
export async function later(em: EntityManager, sql: string, params: readonly unknown[]): Promise<void> {
  const pipeline = em.queryRunner ? pipelines.get(em.queryRunner) : undefined;
  if (pipeline) pipeline.later(sql, params);
  else await em.query(sql, [...params]);
}

/**
 * {@link later} for a statement whose answer is wanted, but not before the transaction's next
 * statement or its commit: the promise answers its raw result then (and rejects if the batch it
 * travelled with failed). Outside a pipelined transaction it runs at once.
 */
export function laterRead(em: EntityManager, sql: string, params: readonly unknown[]): Promise<unknown> {
  const pipeline = em.queryRunner ? pipelines.get(em.queryRunner) : undefined;
  return pipeline ? pipeline.laterRead(sql, params) : em.query(sql, [...params]);
}

/**
 * A value the database computes inside `em`'s pipelined MySQL transaction (a user variable set
 * by an earlier statement), written by the gateway before it is known: statements carry `text`
 * and, once {@link defineStandIn} has named the expression, every string value carrying it is
 * sent as `REPLACE(value, text, expression)`. Before that, a statement carrying it throws. The
 * ticket code is one: taken last, so its row lock is held for one statement batch, not a round trip.
 */
export function reserveStandIn(em: EntityManager, text: string): void {
  pipelineOf(em).standIn(text);
}

/** Names the SQL expression that replaces a stand-in from the next statement on. */
export function defineStandIn(em: EntityManager, text: string, sqlExpression: string): void {
  pipelineOf(em).define(text, sqlExpression);
}

function pipelineOf(em: EntityManager): Pipeline {
  const pipeline = em.queryRunner ? pipelines.get(em.queryRunner) : undefined;
  if (!pipeline) throw new Error("Stand-in values need a pipelined MySQL transaction.");
  return pipeline;
}

/** The TypeORM query runner's transaction state, which this module keeps instead of startTransaction. */
interface TransactionState {
  isTransactionActive: boolean;
  transactionDepth: number;
}

/**
 * Runs `work` in one MySQL transaction whose START TRANSACTION (and isolation level) and COMMIT
 * travel with its first and last statements. The connection must allow multiple statements
 * (data-source.ts). Nested `em.transaction` calls still make savepoints.
 */
export async function pipelinedTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>, isolation?: "READ COMMITTED"): Promise<T> {
  const runner = ds.createQueryRunner("master");
  const send = rawSender(runner);
  const pipeline = new Pipeline(send, isolation ? [`SET TRANSACTION ISOLATION LEVEL ${isolation}`, "START TRANSACTION"] : ["START TRANSACTION"]);
  pipelines.set(runner, pipeline);
  // Every statement of the transaction, TypeORM's own included (find, update, savepoints), goes through the pipeline.
  (runner as { query: Send }).query = (sql, params, structured = false) => pipeline.run(sql, params, structured);
  const state = runner as unknown as TransactionState;
  state.isTransactionActive = true;
  state.transactionDepth = 1;
  try {
    const result = await work(runner.manager);
    await pipeline.finish("COMMIT");
    return result;
  } catch (error) {
    // The original error is what the caller needs; a failed rollback ends with the connection anyway.
    if (pipeline.sent) await send("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    state.isTransactionActive = false;
    state.transactionDepth = 0;
    await runner.release();
  }
}
