import type { EntityManager } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { later } from "../../db/pipeline.js";
import type { Dialect, Transactor } from "../../db/transactions.js";
import type { OutboxChannel, OutboxDraft, OutboxMessage } from "./notification.types.js";
import { OutboxMessageEntity } from "./outbox-message.entity.js";
import { headsOfStreams, type AttemptResult } from "./outbox.rules.js";

/** A message claimed by this gateway until `claimedUntil`. */
export interface Claimed {
  message: OutboxMessage;
  claimedUntil: Date;
}

const statements = new Map<string, { sql: string; columns: ColumnMetadata[] }>();

/**
 * The outbox table's three statements: the insert that ignores a message already written for
 * the same (event, channel, recipient), the claim, and the record of an attempt.
 */
export class OutboxStore {
  constructor(
    private readonly tx: Transactor,
    private readonly dialect: Dialect,
  ) {}

  /** One multi-row insert inside the caller's transaction; duplicates of a stored message are skipped. */
  async insert(em: EntityManager, drafts: readonly OutboxDraft[], now: Date): Promise<void> {
    const unique = new Map<string, OutboxDraft>();
    for (const d of drafts) unique.set(`${d.eventId}\u0000${d.channel}\u0000${d.recipient}`, d);
    if (!unique.size) return;
    const driver = em.connection.driver;
    const metadata = em.connection.getMetadata(OutboxMessageEntity);
    const key = `${this.dialect}:${unique.size}`;
    let statement = statements.get(key);
    if (!statement) {
      const columns = metadata.columns.filter((c) => !c.isGenerated);
      const group = `(${columns.map(() => "?").join(", ")})`;
      // MySQL's INSERT IGNORE would also swallow truncation and NOT NULL errors; these skip duplicates only.
      const onDuplicate = this.dialect === "mysql" ? " ON DUPLICATE KEY UPDATE id = id" : " ON CONFLICT (event_id, channel, recipient) DO NOTHING";
      statement = {
        columns,
        sql: `INSERT INTO outbox_message (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES ${Array(unique.size).fill(group).join(", ")}${onDuplicate}`,
      };
      statements.set(key, statement);
    }
    const values: unknown[] = [];
    for (const d of unique.values()) {
      const row: Partial<OutboxMessageEntity> = {
        siteId: d.siteId,
        ticketId: d.ticketId,
        eventId: d.eventId,
        channel: d.channel,
        recipient: d.recipient,
        payload: JSON.stringify(d.payload),
        status: "PENDING",
        attempts: 0,
        nextAttemptAt: now,
        claimedUntil: null,
        lastError: null,
        createdAt: now,
        sentAt: null,
      };
      for (const c of statement.columns) values.push(driver.preparePersistentValue(c.getEntityValue(row), c));
    }
    // With the transaction's next statement or its commit (db/pipeline.ts): duplicates are skipped,
    // so what fails here fails only with the whole transaction.
    await later(em, statement.sql, values);
  }

  /**
   * Claims up to `limit` messages of the given channels due by `dueBy` (by default, now) and
   * commits the claim before anyone delivers: rows another gateway is claiming are skipped (SKIP
   * LOCKED on MySQL; SQLite's writes are serial), and a message waits while an earlier one of its
   * stream is PENDING.
   */
  claim(channels: readonly OutboxChannel[], now: Date, leaseMs: number, limit: number, dueBy: Date = now): Promise<Claimed[]> {
    if (!channels.length) return Promise.resolve([]);
    return this.tx(async (em) => {
      const qb = em
        .createQueryBuilder(OutboxMessageEntity, "m")
        .where("m.status = 'PENDING'")
        .andWhere("m.channel IN (:...channels)", { channels })
        .andWhere("m.nextAttemptAt <= :dueBy", { dueBy })
        .andWhere("(m.claimedUntil IS NULL OR m.claimedUntil < :now)", { now })
        .andWhere(
          "NOT EXISTS (SELECT 1 FROM outbox_message e WHERE e.ticket_id = m.ticket_id AND e.channel = m.channel AND e.recipient = m.recipient AND e.status = 'PENDING' AND e.id < m.id)",
        )
        // The due index's own order (status, next_attempt_at, then the id every index ends with):
        // the scan stops after `limit` rows however long the backlog, where ordering by id alone
        // sorted every due row on each claim, and a drain of N messages read N²/limit rows.
        // Streams keep their order by the NOT EXISTS above and headsOfStreams, not by this one.
        .orderBy("m.nextAttemptAt", "ASC")
        .addOrderBy("m.id", "ASC")
        .limit(limit);
      if (this.dialect === "mysql") qb.setLock("pessimistic_write").setOnLocked("skip_locked");
      const heads = headsOfStreams((await qb.getMany()).map((m) => Object.assign(m, { seq: Number(m.id) })));
      if (!heads.length) return [];
      const claimedUntil = new Date(now.getTime() + leaseMs);
      await em
        .createQueryBuilder()
        .update(OutboxMessageEntity)
        .set({ claimedUntil })
        .whereInIds(heads.map((m) => m.id))
        .execute();
      return heads.map((m) => ({ message: toMessage(m), claimedUntil }));
      // REPEATABLE READ would lock the gaps of the due-index range too, holding back every report's
      // outbox insert (and the ticket-sequence lock it waits under) until the claim commits.
    }, { readCommitted: true });
  }

  /** Whether any message of the given channels is due: one read of the due index's first entry. */
  async anyDue(channels: readonly OutboxChannel[], now: Date): Promise<boolean> {
    if (!channels.length) return false;
    const row = await this.tx((em) =>
      em
        .createQueryBuilder(OutboxMessageEntity, "m")
        .select("m.id", "id")
        .where("m.status = 'PENDING'")
        .andWhere("m.channel IN (:...channels)", { channels })
        .andWhere("m.nextAttemptAt <= :now", { now })
        .limit(1)
        .getRawOne<{ id: string }>(),
    );
    return row !== undefined;
  }

  /**
   * Records the attempts of one round: the delivered messages of each claim in one UPDATE (a
   * round's claims share their `claimedUntil`), the others one by one; a message whose claim
   * expired and was taken over meanwhile is left to its new holder, as in {@link record}.
   */
  async recordAll(attempts: readonly { claim: Claimed; result: AttemptResult }[], now: Date): Promise<void> {
    const sent = new Map<number, { claimedUntil: Date; ids: number[] }>();
    const rest: { claim: Claimed; result: AttemptResult }[] = [];
    for (const a of attempts) {
      if (a.result.status !== "SENT") {
        rest.push(a);
        continue;
      }
      const until = a.claim.claimedUntil;
      let group = sent.get(until.getTime());
      if (!group) sent.set(until.getTime(), (group = { claimedUntil: until, ids: [] }));
      group.ids.push(Number(a.claim.message.id));
    }
    for (const { claimedUntil, ids } of sent.values()) {
      // `attempts + 1` is each row's attempts at claim time plus this one: nobody else writes a claimed row.
      await this.tx((em) =>
        em
          .createQueryBuilder()
          .update(OutboxMessageEntity)
          .set({ status: "SENT", attempts: () => "attempts + 1", claimedUntil: null, lastError: null, sentAt: now })
          .where("id IN (:...ids) AND claimed_until = :claimedUntil", { ids, claimedUntil })
          .execute(),
      );
    }
    for (const a of rest) await this.record(a.claim, a.result, now);
  }

  /** Records an attempt, unless the claim expired and another gateway took the message over meanwhile. */
  async record(claim: Claimed, result: AttemptResult, now: Date): Promise<void> {
    await this.tx((em) =>
      em
        .createQueryBuilder()
        .update(OutboxMessageEntity)
        .set({
          status: result.status,
          attempts: result.attempts,
          ...(result.nextAttemptAt ? { nextAttemptAt: result.nextAttemptAt } : {}),
          claimedUntil: null,
          lastError: result.lastError?.slice(0, 500) ?? null,
          sentAt: result.status === "SENT" ? now : null,
        })
        .where("id = :id AND claimed_until = :claimedUntil", { id: Number(claim.message.id), claimedUntil: claim.claimedUntil })
        .execute(),
    );
  }
}

function toMessage(m: OutboxMessageEntity): OutboxMessage {
  return {
    id: m.id,
    eventId: m.eventId,
    channel: m.channel,
    recipient: m.recipient,
    siteId: m.siteId,
    ticketId: m.ticketId,
    payload: JSON.parse(m.payload) as Record<string, unknown>,
    attempts: m.attempts,
    createdAt: m.createdAt,
  };
}
