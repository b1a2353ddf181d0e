/**
 * A report's ticket code: the next sequence of its site's day, gapless (a report that rolls back
 * takes none) and unique across every gateway on the database, because the sequence row's lock is
 * held from the upsert that takes it until commit. Every report of a site's day waits for that
 * lock, so how long it is held sets the site's report throughput.
 *
 * On MySQL the sequence is taken by the transaction's last statement batch: until then the code
 * is a stand-in text that the ticket row, the outbox's messages and the audit line carry, and the
 * database writes the real code in its place (db/pipeline.ts `reserveStandIn`), computed from the
 * sequence by the same rule as ticket-code.rules' formatTicketCode. The lock is held for the
 * database's own work on that batch, not for a round trip to the gateway and its turn on a busy
 * event loop, provided nothing after `take` reads (a read sends the batch and waits for it, with
 * the lock held). SQLite writes one transaction at a time in-process: there the code is real at once.
 */
import { randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import { defineStandIn, laterRead, later, reserveStandIn } from "../../db/pipeline.js";
import type { Dialect } from "../../db/transactions.js";
import { ticketCodeKey } from "./search-query.rules.js";
import { formatTicketCode, SEQUENCE_DIGITS, ticketCodePrefix } from "./ticket-code.rules.js";

/** A code being taken inside a report's transaction. */
export interface TicketCodeDraft {
  /** What the transaction's rows say for the code (a stand-in on MySQL until {@link take}). */
  readonly code: string;
  /** The same for its search key (search-query.rules' ticketCodeKey). */
  readonly codeKey: string;
  /** Takes the sequence, as late in the transaction as possible: rows carrying the code come after it. */
  take(): Promise<void>;
  /** The code the ticket got, once the transaction has committed. */
  issued(): Promise<string>;
}

// Unguessable, so no text a reporter types can be taken for it; letters and digits only, so
// JSON, URLs and SQL carry it unchanged.
const nonce = () => randomBytes(12).toString("hex");

/** Opens the code of a report of `day` (YYYYMMDD in the site's zone) at the site's unit. */
export async function openTicketCode(em: EntityManager, dialect: Dialect, siteId: string, unit: string, day: string): Promise<TicketCodeDraft> {
  const prefix = ticketCodePrefix(unit, day);
  if (dialect === "sqlite") {
    const rows: Array<{ last: number }> = await em.query(
      "INSERT INTO ticket_sequence (site_id, day, last) VALUES (?, ?, 1) ON CONFLICT (site_id, day) DO UPDATE SET last = last + 1 RETURNING last",
      [siteId, day],
    );
    const code = formatTicketCode(unit, day, Number(rows[0]!.last));
    return { code, codeKey: ticketCodeKey(code), take: async () => undefined, issued: async () => code };
  }
  const code = `sigapcode${nonce()}`;
  const codeKey = `sigapcodekey${nonce()}`;
  reserveStandIn(em, code);
  reserveStandIn(em, codeKey);
  let issued: Promise<unknown> | null = null;
  return {
    code,
    codeKey,
    async take() {
      // LAST_INSERT_ID(expr) hands the sequence to the statements after it.
      await later(em, "INSERT INTO ticket_sequence (site_id, day, last) VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)", [siteId, day]);
      // formatTicketCode in SQL: the sequence zero-padded to SEQUENCE_DIGITS, longer when it needs more.
      const padded = `LPAD(LAST_INSERT_ID(), GREATEST(${SEQUENCE_DIGITS}, CHAR_LENGTH(LAST_INSERT_ID())), '0')`;
      await later(em, `SET @sigap_code = CONCAT(?, ${padded}), @sigap_code_key = CONCAT(REVERSE(${padded}), ?)`, [prefix, ticketCodeKey(prefix)]);
      // The code the reporter is told is the one the rows got, read back in the same batch.
      issued = laterRead(em, "SELECT @sigap_code AS code", []);
      defineStandIn(em, code, "@sigap_code");
      defineStandIn(em, codeKey, "@sigap_code_key");
    },
    async issued() {
      if (!issued) throw new Error("The ticket code was never taken.");
      const [row] = (await issued) as Array<{ code: string }>;
      return row!.code;
    },
  };
}
