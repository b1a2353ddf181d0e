import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../../clock.js";
import { isUniqueViolation, type Transactor } from "../../db/transactions.js";
import { InboundMessageEntity } from "./inbound-message.entity.js";

/** A claim older than this belongs to a receiver that died mid-mail; the next delivery takes it over. */
const STALE_CLAIM_MS = 10 * 60_000;

/** What a claim on a mail came to. */
export type ClaimResult = "CLAIMED" | "DONE" | "BUSY";

/** The key a mail is remembered by: its Message-ID, or the whole mail when it has none. */
export function messageKey(messageId: string | null | undefined, raw: Buffer): string {
  const id = messageId?.trim().replace(/^<|>$/g, "").toLowerCase();
  return createHash("sha256").update(id ? `id:${id}` : raw).digest("hex");
}

/**
 * Once-only handling of received mail per site. A receiver claims the mail's key before acting on
 * it: a key already DONE is a redelivery (nothing happens twice), a fresh PROCESSING claim is
 * another receiver at work (the sender is asked to retry later). Handling cannot share the claim's
 * transaction (the ticket commands own theirs), so a crash in between leaves a stale claim that
 * the next delivery takes over: a mail may then land twice, never not at all.
 */
export class MessageClaims {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly clock: Clock,
  ) {}

  /** Claims a mail for handling. */
  async claim(siteId: string, key: string): Promise<ClaimResult> {
    const now = this.clock.now();
    try {
      await this.tx((em) => em.insert(InboundMessageEntity, { siteId, messageKey: key, state: "PROCESSING", outcome: null, ticketId: null, receivedAt: now }));
      return "CLAIMED";
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const row = await this.ds.getRepository(InboundMessageEntity).findOneBy({ siteId, messageKey: key });
    if (!row || row.state === "DONE") return "DONE";
    if (now.getTime() - row.receivedAt.getTime() < STALE_CLAIM_MS) return "BUSY";
    const { affected } = await this.tx((em) =>
      em.update(InboundMessageEntity, { siteId, messageKey: key, state: "PROCESSING", receivedAt: row.receivedAt }, { receivedAt: now }),
    );
    return affected ? "CLAIMED" : "BUSY";
  }

  /** Records what became of a claimed mail (inside `em` when given, e.g. with its bounce). */
  async finish(siteId: string, key: string, outcome: string, ticketId: string | null, em?: EntityManager): Promise<void> {
    const write = (m: EntityManager) => m.update(InboundMessageEntity, { siteId, messageKey: key }, { state: "DONE", outcome, ticketId });
    await (em ? write(em) : this.tx(write));
  }

  /** Gives a claim back after a failure that was not the mail's fault, so a redelivery is handled afresh. */
  async release(siteId: string, key: string): Promise<void> {
    await this.tx((em) => em.delete(InboundMessageEntity, { siteId, messageKey: key, state: "PROCESSING" }));
  }
}
