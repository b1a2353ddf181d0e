/**
 * The downloadable documents, outside GraphQL because they carry bytes:
 * `GET /documents/ticket/<code>` (the ticket report PDF: the reporter's public copy with the
 * site key and tracking token as for attachments, or the desk's full copy with an agent's
 * bearer and "view tickets"), and `GET /exports/closed-incidents.pdf|.html?from&to[&lang]
 * [&groupId&agentId]` (seed 002's report of closed incidents, "view recaps", the asker's recap
 * scope). Errors answer in the GraphQL error shape.
 */
import { randomBytes } from "node:crypto";
import { Router, type Request, type Response } from "express";
import type { Logger } from "pino";
import { bearerOf } from "../../context.js";
import { badInput, forbidden, notFound, SigapError, type FieldProblem } from "../../errors.js";
import type { Services } from "../../services.js";
import { AgentEntity } from "../agents/agent.entity.js";
import { can, deniedMessage, SiteAction } from "../agents/permissions.rules.js";
import { mailLanguage } from "../notifications/mail-language.js";
import { EXPORT_PATH, enumParam, instantParam, param, reader, sendError, write } from "../recaps/recap-export.routes.js";
import { recapScope, type RecapScope } from "../recaps/recap-scope.rules.js";
import { MAX_CUSTOM_DAYS } from "../recaps/recap.rules.js";
import {
  closedIncidentBlocks,
  closedIncidentCells,
  closedIncidentsHtmlEnd,
  closedIncidentsHtmlRow,
  closedIncidentsHtmlStart,
  closedIncidentsPdfEnd,
  closedIncidentsPdfStart,
  type ClosedIncidentsMeta,
} from "./closed-incidents.document.js";
import { type PdfBlock, streamPdf } from "./pdf-document.js";

/** Where a ticket's report is downloaded, as `/documents/ticket/<code>`. */
export const TICKET_REPORT_PATH = "/documents/ticket";

// One answer for "no such ticket" and "not yours", so codes cannot be probed.
const NOT_YOURS = "No such ticket, or it is not yours to see.";

/** The document routes. */
export function documentRoutes(services: Services, log: Logger): Router {
  const router = Router();
  router.get(`${TICKET_REPORT_PATH}/:code`, (req, res) => void ticketReport(services, req, res).catch((e: unknown) => sendError(res, e, log)));
  router.get(`${EXPORT_PATH}/closed-incidents.pdf`, (req, res) => void closedIncidents(services, req, res, "pdf").catch((e: unknown) => sendError(res, e, log)));
  router.get(`${EXPORT_PATH}/closed-incidents.html`, (req, res) => void closedIncidents(services, req, res, "html").catch((e: unknown) => sendError(res, e, log)));
  return router;
}

function header(req: Request, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v ? v : null;
}

/** A PDF download's headers (its length, when known, is the caller's). */
function pdfHeaders(res: Response, filename: string): void {
  res.status(200);
  res.setHeader("Content-Type", "application/pdf");
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  res.setHeader("Cache-Control", "private, no-store");
  // The reporter's token may be in the URL; keep it out of Referer headers.
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Access-Control-Expose-Headers", "Content-Disposition");
}

function sendPdf(res: Response, pdf: Buffer, filename: string): void {
  pdfHeaders(res, filename);
  res.setHeader("Content-Length", String(pdf.length));
  res.end(pdf);
}

async function ticketReport(services: Services, req: Request, res: Response): Promise<void> {
  const code = String(req.params["code"]);
  const problems: FieldProblem[] = [];
  const lang = enumParam(req, "lang", ["en", "id"] as const, problems);
  if (problems.length) throw badInput(problems);
  const bearer = bearerOf(header(req, "authorization"));
  let pdf: Buffer;
  if (bearer) {
    const agent = await services.agents.authenticate(bearer);
    if (!can(agent.role, SiteAction.VIEW_TICKET)) throw forbidden(deniedMessage(agent.role, SiteAction.VIEW_TICKET));
    const ticket = await services.reads.byIdOrCode(agent.siteId, code);
    pdf = await services.documents.ticketReport(ticket, "DESK", lang ?? agent.language);
  } else {
    const token = param(req, "token");
    const siteKey = header(req, "x-sigap-site-key") ?? param(req, "siteKey");
    if (!token || !siteKey) throw notFound(NOT_YOURS);
    const { site } = await services.sites.resolvePublic(siteKey, header(req, "origin"));
    const ticket = await services.tickets.findForReporter(site, code, token).catch((error: unknown) => {
      throw error instanceof SigapError && error.code === "NOT_FOUND" ? notFound(NOT_YOURS) : error;
    });
    pdf = await services.documents.ticketReport(ticket, "REPORTER", lang ?? mailLanguage(ticket.reporterLanguage, "id"));
  }
  sendPdf(res, pdf, `ticket-${code.replace(/[^A-Za-z0-9.-]/g, "_")}.pdf`);
}

const SCOPE_TEXT = { SITE: { en: "The whole site", id: "Seluruh situs" }, GROUP: { en: "Group", id: "Grup" }, AGENT: { en: "Agent", id: "Petugas" } } as const;

async function closedIncidents(services: Services, req: Request, res: Response, format: "pdf" | "html"): Promise<void> {
  const problems: FieldProblem[] = [];
  const { agent, lang } = await reader(services, req, problems);
  if (!can(agent.role, SiteAction.VIEW_RECAP)) throw forbidden(deniedMessage(agent.role, SiteAction.VIEW_RECAP));
  const from = instantParam(req, "from", problems, true);
  const to = instantParam(req, "to", problems, true);
  if (from && to && !problems.length && !(to.getTime() > from.getTime())) problems.push({ field: "to", message: "to must be after from." });
  else if (from && to && to.getTime() - from.getTime() > MAX_CUSTOM_DAYS * 86_400_000) problems.push({ field: "to", message: `A report spans at most ${MAX_CUSTOM_DAYS} days.` });
  if (problems.length) throw badInput(problems);
  const scope = recapScope(agent, { groupId: param(req, "groupId"), agentId: param(req, "agentId") });
  if ("refused" in scope) throw forbidden(scope.refused);
  const site = await services.sites.get(agent.siteId);
  const meta: ClosedIncidentsMeta = { siteName: site.name, language: lang, timeZone: site.timeZone, from: from!, to: to!, scope: await scopeText(services, agent.siteId, scope, lang) };
  const pages = services.documents.closedIncidents({ siteId: agent.siteId, from: from!, to: to!, scope, language: lang });
  if (format === "pdf") {
    // Streamed: each page of rows is drawn and its finished PDF pages sent before the next is read.
    const { doc, blocks } = closedIncidentsPdfStart(meta);
    async function* batches(): AsyncGenerator<readonly PdfBlock[]> {
      yield blocks;
      let count = 0;
      for await (const page of pages) {
        count += page.length;
        yield page.flatMap((r) => closedIncidentBlocks(closedIncidentCells(r, meta), lang));
      }
      yield closedIncidentsPdfEnd(meta, count);
    }
    pdfHeaders(res, "closed-incidents.pdf");
    await streamPdf(doc, batches(), res);
    return;
  }
  const nonce = randomBytes(16).toString("base64");
  res.status(200);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", `default-src 'none'; style-src 'nonce-${nonce}'`);
  res.setHeader("Cache-Control", "private, no-store");
  let count = 0;
  await write(res, closedIncidentsHtmlStart(meta, nonce));
  for await (const page of pages) {
    count += page.length;
    await write(res, page.map((r) => closedIncidentsHtmlRow(closedIncidentCells(r, meta))).join(""));
  }
  res.end(closedIncidentsHtmlEnd(meta, count));
}

async function scopeText(services: Services, siteId: string, scope: RecapScope, lang: "en" | "id"): Promise<string> {
  if (scope.kind === "SITE") return SCOPE_TEXT.SITE[lang];
  if (scope.kind === "GROUP") return `${SCOPE_TEXT.GROUP[lang]}: ${(await services.catalog.groups(siteId)).find((g) => g.id === scope.groupId)?.name ?? scope.groupId}`;
  return `${SCOPE_TEXT.AGENT[lang]}: ${(await services.ds.getRepository(AgentEntity).findOneBy({ siteId, id: scope.agentId }))?.name ?? scope.agentId}`;
}
