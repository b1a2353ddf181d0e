import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { In, IsNull, type DataSource } from "typeorm";
import type { Clock } from "../../clock.js";
import { dialectOf, type Transactor } from "../../db/transactions.js";
import { AttachmentEntity } from "./attachment.entity.js";
import type { AttachmentStorage } from "./blob-store.js";

/** How old an upload never linked to a ticket may grow before it is deleted: a day. */
export const UNLINKED_UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** How often a running gateway looks for such uploads: hourly. */
export const UPLOAD_CLEANUP_EVERY_MS = 60 * 60 * 1000;

// Rows claimed per transaction, so one pass never holds many locks or one long transaction.
const BATCH = 100;

/**
 * Deletes uploads nobody linked to a ticket (a report abandoned after its files went up, a
 * script filling the disk) once they are older than a day, row first and bytes after, and
 * clears staging files a crashed request left behind. Safe with several gateways on one
 * database: on MySQL each pass claims its rows with `FOR UPDATE SKIP LOCKED`, so two gateways
 * never wait on or delete the same rows; SQLite has a single writer. The delete re-checks
 * `ticket_id IS NULL`, so an upload linked meanwhile is kept.
 */
export class UploadCleanup {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly storage: AttachmentStorage | null,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly maxAgeMs: number = UNLINKED_UPLOAD_MAX_AGE_MS,
  ) {}

  /** One pass: deletes every unlinked upload older than the maximum age; returns how many. */
  async run(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.maxAgeMs);
    let total = 0;
    for (;;) {
      const ids = await this.claimAndDelete(cutoff);
      // Bytes go only after their row is gone: a row without bytes is never served, bytes without a row are never reached.
      for (const id of ids) await this.storage?.blobs.remove(id);
      total += ids.length;
      if (ids.length < BATCH) break;
    }
    if (total) this.log.info({ uploads: total }, "deleted uploads never linked to a ticket");
    return total;
  }

  /** Removes staging files older than the maximum age (left by a process that died mid-upload); returns how many. */
  async clearStaging(): Promise<number> {
    if (!this.storage) return 0;
    const dir = this.storage.stagingDir;
    const names = await readdir(dir).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    });
    const cutoff = this.clock.now().getTime() - this.maxAgeMs;
    let removed = 0;
    for (const name of names) {
      const path = join(dir, name);
      // A file another request is writing right now is young; only the old ones are leftovers.
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
      await rm(path, { force: true });
      removed++;
    }
    if (removed) this.log.info({ files: removed }, "cleared stale upload staging files");
    return removed;
  }

  /** Clears stale staging files now and runs {@link run} every `everyMs`; returns the function that stops it. */
  start(everyMs: number = UPLOAD_CLEANUP_EVERY_MS): () => void {
    let running = false;
    const pass = (work: () => Promise<number>, what: string) => {
      if (running) return;
      running = true;
      work()
        .catch((err: unknown) => this.log.error({ err }, what))
        .finally(() => (running = false));
    };
    pass(() => this.clearStaging(), "could not clear upload staging files");
    const timer = setInterval(() => pass(() => this.run(), "upload cleanup failed"), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private claimAndDelete(cutoff: Date): Promise<string[]> {
    return this.tx(async (em) => {
      const qb = em
        .createQueryBuilder(AttachmentEntity, "a")
        .select("a.id", "id")
        .where("a.ticketId IS NULL AND a.createdAt < :cutoff", { cutoff })
        .orderBy("a.createdAt", "ASC")
        .limit(BATCH);
      if (dialectOf(this.ds) === "mysql") qb.setLock("pessimistic_write").setOnLocked("skip_locked");
      const ids = (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
      if (ids.length) await em.delete(AttachmentEntity, { id: In(ids), ticketId: IsNull() });
      return ids;
    });
  }
}
