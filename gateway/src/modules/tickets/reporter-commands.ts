import { conflict } from "../../errors.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { confirmationPlan, ResolutionAnswer } from "./confirmation.rules.js";
import { withdrawalCommand, withdrawalRefusal } from "./withdrawal.rules.js";
import type { ConfirmResolutionInput, MessageInput } from "./desk.inputs.js";
import { isFinal } from "./status.rules.js";
import { applyTransition, type TicketChanges } from "./ticket-change.js";
import type { TicketReads } from "./ticket-reads.js";
import type { TicketEntity } from "./ticket.entity.js";
import { ActorKind, PendingReason, TicketEventKind, TicketStatus, Visibility } from "./ticket.enums.js";

/** Why a reporter's message on a RESOLVED ticket reopens it, as the timeline says. */
export const REOPENED_BY_REPORTER = "The reporter wrote after the resolution, so the ticket is back in progress and will not close by itself.";

/** What a reporter does to their ticket with its code and tracking token (feedback lives in feedback/). */
export class ReporterCommands {
  constructor(
    private readonly changes: TicketChanges,
    private readonly reads: TicketReads,
  ) {}

  /**
   * The reporter replies on the ticket. A reply to a ticket PENDING on them resumes it; a reply
   * to a RESOLVED ticket reopens it (the service is evidently not restored, or there is more to
   * say), which also stops its automatic closure.
   */
  async message(site: SiteEntity, code: string, token: string, input: MessageInput): Promise<TicketEntity> {
    return this.messageOn(await this.reads.byTracking(site.id, code, token), input);
  }

  /** {@link message} on a ticket the caller already opened (by tracking token, or as its identified reporter). */
  messageOn(found: TicketEntity, input: MessageInput): Promise<TicketEntity> {
    return this.changes.run(found.siteId, found.id, { kind: ActorKind.REPORTER, name: found.reporterName }, async (c) => {
      if (isFinal(c.ticket.status)) throw conflict(`This ticket is ${c.ticket.status.toLowerCase()}; report a new incident instead.`);
      await c.recordWithFiles({ kind: TicketEventKind.REPORTER_MESSAGE, visibility: Visibility.PUBLIC, body: input.body.trim() }, input.attachmentIds);
      if (c.ticket.status === TicketStatus.PENDING && c.ticket.pendingReason === PendingReason.REPORTER) await applyTransition(c, { to: TicketStatus.IN_PROGRESS });
      else if (c.ticket.status === TicketStatus.RESOLVED) await applyTransition(c, { to: TicketStatus.IN_PROGRESS, note: REOPENED_BY_REPORTER });
    });
  }

  /**
   * The reporter's closure check on a RESOLVED ticket (confirmation.rules): "fixed" closes it as
   * confirmed by them; "not fixed" puts their words on the public timeline and reopens it.
   */
  confirm(found: TicketEntity, input: ConfirmResolutionInput): Promise<TicketEntity> {
    return this.changes.run(found.siteId, found.id, { kind: ActorKind.REPORTER, name: found.reporterName }, async (c) => {
      const plan = confirmationPlan(c.ticket.status, input.answer, input.words);
      if (plan.message) c.record(plan.message);
      await applyTransition(c, plan.transition);
      c.audit(input.answer === ResolutionAnswer.FIXED ? "ticket.reporter_confirm" : "ticket.reporter_not_fixed");
    });
  }

  /**
   * The reporter withdraws their ticket before the desk resolves it (withdrawal.rules): CANCELLED
   * with their words on the public timeline; a chain of approvals it waits for is withdrawn too.
   */
  withdraw(found: TicketEntity, words: string | null): Promise<TicketEntity> {
    return this.changes.run(found.siteId, found.id, { kind: ActorKind.REPORTER, name: found.reporterName }, async (c) => {
      const refusal = withdrawalRefusal(c.ticket.status);
      if (refusal) throw conflict(refusal);
      await applyTransition(c, withdrawalCommand(words));
      c.audit("ticket.reporter_withdraw");
    });
  }
}
