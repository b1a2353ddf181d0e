/**
 * `GET /work-orders/<code>.pdf[?lang=id|en]`: the printable work order of a WORK_ORDER ticket,
 * for the desk (the agent's bearer token, VIEW_TICKET), built by work-order.document and rendered
 * by the documents module. A PDF rather than a print view: one renderer for every Sigap document,
 * a file the technician carries to the customer, and no weight in the widgets.
 */
import { Router, type Request, type Response } from "express";
import type { Logger } from "pino";
import { bearerOf } from "../../context.js";
import { forbidden, notFound } from "../../errors.js";
import type { Services } from "../../services.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { can, deniedMessage, SiteAction } from "../agents/permissions.rules.js";
import { renderPdf } from "../documents/pdf-document.js";
import { sendError } from "../recaps/recap-export.routes.js";
import { TicketType } from "../tickets/ticket.enums.js";
import { workOrderDocument } from "./work-order.document.js";

/** The work-order download route. */
export function workOrderRoutes(services: Services, log: Logger): Router {
  const router = Router();
  router.get("/work-orders/:file", (req, res) => void workOrderPdf(services, req, res).catch((e: unknown) => sendError(res, e, log)));
  return router;
}

async function workOrderPdf(services: Services, req: Request, res: Response): Promise<void> {
  const agent = await services.agents.authenticate(bearerOf(typeof req.headers.authorization === "string" ? req.headers.authorization : null));
  if (!can(agent.role, SiteAction.VIEW_TICKET)) throw forbidden(deniedMessage(agent.role, SiteAction.VIEW_TICKET));
  const code = String(req.params["file"] ?? "").replace(/\.pdf$/i, "");
  const ticket = await services.reads.byIdOrCode(agent.siteId, code);
  const order = await services.workOrders.of(ticket);
  if (ticket.ticketType !== TicketType.WORK_ORDER || !order) throw notFound(`Ticket ${ticket.code} is not a work order.`);
  const language = req.query["lang"] === "en" || req.query["lang"] === "id" ? req.query["lang"] : agent.language;
  const [site, service, technician] = await Promise.all([
    services.sites.get(ticket.siteId),
    ticket.serviceId ? services.catalog.nameOf(ticket.serviceId, language) : null,
    ticket.assigneeId ? services.ds.manager.findOneBy(AgentEntity, { id: ticket.assigneeId }) : null,
  ]);
  const when = (d: Date) => new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: site.timeZone }).format(d);
  const proposal = order.proposals[0] ?? null;
  const doc = workOrderDocument({
    siteName: site.name,
    language,
    code: ticket.code,
    status: ticket.status,
    createdAt: when(ticket.createdAt),
    customer: {
      name: ticket.reporterName,
      phone: ticket.reporterPhone,
      email: ticket.reporterEmail,
      address: [ticket.location, ticket.kelurahan, ticket.kecamatan].filter(Boolean).join(", ") || null,
    },
    service,
    description: ticket.description,
    technician: technician?.name ?? null,
    findings: order.findings,
    proposal: proposal ? { lines: proposal.lines, total: proposal.total, status: proposal.status } : null,
    payment: { status: order.payment.status, method: order.payment.method, amount: order.payment.amount },
    printedAt: when(services.clock.now()),
  });
  const pdf = await renderPdf(doc);
  res.status(200);
  res.setHeader("Content-Type", "application/pdf");
  res.setHeader("Content-Disposition", `attachment; filename="work-order-${ticket.code}.pdf"`);
  res.setHeader("Cache-Control", "no-store");
  res.end(pdf);
}
