import { In } from "typeorm";
import { AgentEntity } from "../agents/agent.entity.js";
import { CatalogTextEntity } from "../catalog/catalog-text.entity.js";
import { mailDraft } from "../notifications/mail-planners.js";
import type { NotificationPlanner } from "../notifications/notification.types.js";
import { approversToAsk } from "./approval.rules.js";
import { TicketApprovalEntity } from "./ticket-approval.entity.js";

/**
 * Mail to the approvers a chain asks now (ticket.approval_requested: on intake, and when a step
 * is approved and the next one starts): one `approval-requested` mail each, in their language.
 * Read in the change's transaction, so the chain is the one the change just wrote.
 */
export const approvalPlanner: NotificationPlanner = async (em, event) => {
  if (event.type !== "ticket.approval_requested") return [];
  const chain = await em.findOneBy(TicketApprovalEntity, { ticketId: event.ticketId });
  if (!chain) return [];
  const ask = approversToAsk(chain.steps, chain.decisions);
  if (!ask.length) return [];
  const agents = await em.findBy(AgentEntity, { id: In(ask.map((a) => a.id)), active: true });
  const t = event.ticket;
  const texts = t.serviceId ? await em.findBy(CatalogTextEntity, { itemId: t.serviceId }) : [];
  const step = Number(event.entry?.data?.["step"] ?? 1);
  const label = chain.steps[step - 1]?.label;
  return agents.map((a) => {
    const service = texts.find((x) => x.language === a.language)?.name ?? texts[0]?.name ?? "—";
    const vars = { code: t.code, reporterName: t.reporterName, description: t.description, service, step: label ? label[a.language] : String(step) };
    return mailDraft(event.id, t.siteId, t.id, a.email.toLowerCase(), "approval-requested", a.language, vars);
  });
};
