/**
 * `GET /documents/approval/<code>`: an approved request's approval document (work permit) as
 * PDF, for an agent of the site (bearer) or the requester (site key, the code and its tracking
 * token, as for attachments). One NOT_FOUND for a wrong ticket, a wrong token, another site's
 * agent and a request that is not approved, so nothing can be probed. `?lang=id|en` chooses
 * the language (default: the reporter's, or the agent's).
 */
import { Router, type Request, type Response } from "express";
import type { Logger } from "pino";
import { bearerOf } from "../../context.js";
import { notFound, SigapError } from "../../errors.js";
import type { Services } from "../../services.js";
import { sendError } from "../attachments/attachment.routes.js";
import { displayValue } from "../fields/custom-field.rules.js";
import { renderPdf } from "../documents/pdf-document.js";
import type { TicketEntity } from "../tickets/ticket.entity.js";
import { approvalDocument, type DocumentLanguage } from "./approval-document.js";
import { APPROVAL_DOCUMENT_PATH, validUntil } from "./approval-view.js";

const NOT_YOURS = "No approved request with this code, or its document is not yours to see.";

/** The approval document route. */
export function approvalDocumentRoutes(services: Services, log: Logger): Router {
  const router = Router();
  router.get(`${APPROVAL_DOCUMENT_PATH}/:code`, (req, res) => void send(services, req, res).catch((e: unknown) => sendError(res, e, log)));
  return router;
}

async function send(services: Services, req: Request, res: Response): Promise<void> {
  const { ticket, language: preferred } = await reader(services, req, String(req.params["code"]));
  const chain = await services.approvals.ofTicket(ticket.id);
  const until = chain && validUntil(chain);
  if (!chain || !until || !chain.decidedAt) throw notFound(NOT_YOURS);
  const lang = query(req, "lang");
  const language: DocumentLanguage = lang === "en" || lang === "id" ? lang : preferred;
  const [site, serviceName, values] = await Promise.all([
    services.sites.get(ticket.siteId),
    ticket.serviceId ? services.catalog.nameOf(ticket.serviceId, language) : null,
    services.fields.ofTicket(ticket.siteId, ticket.id),
  ]);
  const fields = values.map(({ field, values: v }) => [language === "id" ? field.labelId : field.labelEn, v.map((x) => displayValue(field, x)[language]).join(", ")] as const);
  const pdf = await renderPdf(
    approvalDocument({
      site: { name: site.name, colour: site.accentColor, timeZone: site.timeZone },
      language,
      ticket,
      serviceName,
      fields,
      steps: chain.steps,
      decisions: chain.decisions,
      approvedAt: chain.decidedAt,
      validUntil: until,
    }),
  );
  res.status(200);
  res.setHeader("Content-Type", "application/pdf");
  res.setHeader("Content-Length", String(pdf.length));
  res.setHeader("Content-Disposition", `attachment; filename="approval-${ticket.code.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf"`);
  res.setHeader("Cache-Control", "private, no-store");
  // The tracking token may be in the URL; keep it out of Referer headers.
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Access-Control-Expose-Headers", "Content-Disposition");
  res.end(pdf);
}

/** The ticket and the reader's language: an agent of its site by bearer, or the requester by site key, code and token. */
async function reader(services: Services, req: Request, code: string): Promise<{ ticket: TicketEntity; language: DocumentLanguage }> {
  const bearer = bearerOf(header(req, "authorization"));
  if (bearer) {
    const agent = await services.agents.authenticate(bearer);
    const ticket = await services.reads.byIdOrCode(agent.siteId, code).catch(hideNotFound);
    return { ticket, language: agent.language };
  }
  const token = query(req, "token");
  const siteKey = header(req, "x-sigap-site-key") ?? query(req, "siteKey");
  if (!token || !siteKey) throw notFound(NOT_YOURS);
  const { site } = await services.sites.resolvePublic(siteKey, header(req, "origin"));
  const ticket = await services.tickets.findForReporter(site, code, token).catch(hideNotFound);
  return { ticket, language: ticket.reporterLanguage === "en" ? "en" : "id" };
}

function hideNotFound(error: unknown): never {
  throw error instanceof SigapError && error.code === "NOT_FOUND" ? notFound(NOT_YOURS) : error;
}

function header(req: Request, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v ? v : null;
}

function query(req: Request, name: string): string | null {
  const v = req.query[name];
  return typeof v === "string" && v ? v : null;
}
