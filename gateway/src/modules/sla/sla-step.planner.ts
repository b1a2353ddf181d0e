import type { NotificationPlanner, OutboxDraft } from "../notifications/notification.types.js";
import { LADDER_RECIPIENTS, type LadderRecipient } from "./ladder.rules.js";
import { ladderContacts } from "./ladder-recipients.js";

/** The mail template of a ladder step (the outbox helper's templates). */
export const SLA_STEP_TEMPLATE = "sla-step";

/**
 * Who is mailed at each ladder step: for sla.warning and sla.breached, one `sla-step` mail to
 * every active desk member of the step's `notify` (ladder.rules' stepRecipients: whom the step
 * names and whoever its escalation goes to; ladder-recipients resolves them), once per address,
 * in that person's language.
 */
export const slaStepPlanner: NotificationPlanner = async (em, event) => {
  if (event.type !== "sla.warning" && event.type !== "sla.breached") return [];
  const raw = event.detail["notify"];
  const notify = (Array.isArray(raw) ? raw : []).filter((r): r is LadderRecipient => (LADDER_RECIPIENTS as readonly unknown[]).includes(r));
  const drafts: OutboxDraft[] = [];
  const seen = new Set<string>();
  for (const { kind, agent } of await ladderContacts(em, event.ticket, notify)) {
    const to = agent.email.toLowerCase();
    if (seen.has(to)) continue;
    seen.add(to);
    drafts.push({
      eventId: event.id,
      channel: "EMAIL",
      recipient: to,
      siteId: event.siteId,
      ticketId: event.ticketId,
      payload: {
        template: SLA_STEP_TEMPLATE,
        language: agent.language,
        to,
        vars: {
          event: event.type,
          target: event.detail["target"],
          step: event.detail["step"],
          share: event.detail["share"],
          dueAt: event.detail["dueAt"],
          action: event.detail["action"],
          as: kind,
          name: agent.name,
          ticketId: event.ticketId,
          code: event.ticket.code,
          priority: event.ticket.priority,
          status: event.ticket.status,
        },
      },
    });
  }
  return drafts;
};
