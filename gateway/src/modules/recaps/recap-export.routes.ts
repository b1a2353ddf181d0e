/**
 * The CSV exports, outside GraphQL because they stream: `GET /exports/recap.csv` (a recap's
 * totals or one breakdown, the same parameters as Query.recap), `GET /exports/work-orders.csv`
 * (the same for the recap's work-order figures; headers only when the period had no work
 * orders; groupBy LOCATION, GROUP, SERVICE or AGENT) and `GET /exports/tickets.csv`
 * (the tickets created in [from, to), keyset pages of 5,000 on (created_at, id), each seeking from
 * the last page's end, so a million rows never sit in memory and each page costs the same).
 * The agent's bearer, the recap scope rules, headers in `?lang=` or the agent's language; errors
 * answer with a 4xx in the GraphQL error shape.
 */
import { Router, type Request, type Response } from "express";
import type { Logger } from "pino";
import { bearerOf } from "../../context.js";
import { badInput, forbidden, SigapError, type ErrorCode, type FieldProblem } from "../../errors.js";
import type { Services } from "../../services.js";
import type { AgentEntity } from "../agents/agent.entity.js";
import type { MailLanguage } from "../notifications/mail-language.js";
import { TicketEntity } from "../tickets/ticket.entity.js";
import { Priority, TicketStatus } from "../tickets/ticket.enums.js";
import { BOM, csvLine } from "./csv.rules.js";
import { RECAP_COLUMNS, RECAP_KEY_HEADERS, TICKET_COLUMNS, type TicketRow, WORK_ORDER_COLUMNS } from "./export-columns.js";
import { recapScope } from "./recap-scope.rules.js";
import { MAX_CUSTOM_DAYS, RecapPeriod } from "./recap.rules.js";
import { RecapDimension } from "./recap.types.js";
import { WORK_ORDER_DIMENSIONS } from "./work-order-figures.js";

/** Where the exports live. */
export const EXPORT_PATH = "/exports";

/** Tickets read per page of the tickets export: one keyset seek each, about a megabyte of CSV. */
const PAGE = 5_000;
const TOTAL = { en: "Total", id: "Total" } as const;
const STATUS: Partial<Record<ErrorCode, number>> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** The export routes. */
export function recapExportRoutes(services: Services, log: Logger): Router {
  const router = Router();
  router.get(`${EXPORT_PATH}/recap.csv`, (req, res) => void recapCsv(services, req, res).catch((e: unknown) => sendError(res, e, log)));
  router.get(`${EXPORT_PATH}/work-orders.csv`, (req, res) => void workOrdersCsv(services, req, res).catch((e: unknown) => sendError(res, e, log)));
  router.get(`${EXPORT_PATH}/tickets.csv`, (req, res) => void ticketsCsv(services, req, res).catch((e: unknown) => sendError(res, e, log)));
  return router;
}

/** A query parameter's text; null when missing or empty. */
export function param(req: Request, name: string): string | null {
  const v = req.query[name];
  return typeof v === "string" && v !== "" ? v : null;
}

/** A required or optional ISO 8601 instant parameter; a bad one is added to `problems`. */
export function instantParam(req: Request, name: string, problems: FieldProblem[], required: boolean): Date | null {
  const text = param(req, name);
  if (text === null) {
    if (required) problems.push({ field: name, message: `${name} is required, as an ISO 8601 instant.` });
    return null;
  }
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) problems.push({ field: name, message: `${name} must be an ISO 8601 instant; got ${JSON.stringify(text)}.` });
  return d;
}

/** A parameter that must be one of `values`; a bad one is added to `problems`. */
export function enumParam<T extends string>(req: Request, name: string, values: readonly T[], problems: FieldProblem[]): T | null {
  const text = param(req, name);
  if (text === null) return null;
  if ((values as readonly string[]).includes(text)) return text as T;
  problems.push({ field: name, message: `${name} must be one of ${values.join(", ")}; got ${JSON.stringify(text)}.` });
  return null;
}

/** The agent behind the bearer token and the language to write in (`?lang=`, else theirs). */
export async function reader(services: Services, req: Request, problems: FieldProblem[]): Promise<{ agent: AgentEntity; lang: MailLanguage }> {
  const agent = await services.agents.authenticate(bearerOf(typeof req.headers.authorization === "string" ? req.headers.authorization : null));
  const lang = enumParam(req, "lang", ["en", "id"] as const, problems) ?? agent.language;
  return { agent, lang };
}

function start(res: Response, name: string): void {
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${name}"`);
  res.setHeader("Cache-Control", "no-store");
}

/** Writes a chunk, waiting for the socket to drain when its buffer is full. */
export async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await new Promise<void>((resolve) => res.once("drain", resolve));
}

/** A recap export's request (the parameters Query.recap takes), its reader and where and when it counts. */
async function recapAsked(services: Services, req: Request, dimensions: readonly RecapDimension[]) {
  const problems: FieldProblem[] = [];
  const { agent, lang } = await reader(services, req, problems);
  const period = enumParam(req, "period", Object.values(RecapPeriod), problems);
  if (param(req, "period") === null) problems.push({ field: "period", message: "period is required: DAY, WEEK, MONTH or CUSTOM." });
  const from = instantParam(req, "from", problems, true);
  const to = instantParam(req, "to", problems, false);
  const groupBy = enumParam(req, "groupBy", dimensions, problems);
  if (problems.length) throw badInput(problems);
  const request = { period: period!, from: from!, to, groupBy: groupBy ? [groupBy] : [], groupId: param(req, "groupId"), agentId: param(req, "agentId") };
  return { lang, groupBy, ...(await services.recaps.resolve(agent, request)) };
}

async function recapCsv(services: Services, req: Request, res: Response): Promise<void> {
  const { lang, groupBy, where, bounds } = await recapAsked(services, req, Object.values(RecapDimension));
  const rows = groupBy
    ? await services.recaps.rows(where, bounds, groupBy, lang)
    : [{ key: null, label: TOTAL[lang], figures: await services.recaps.totals(where, bounds) }];
  start(res, "recap.csv");
  await write(res, BOM + csvLine([...RECAP_KEY_HEADERS[lang], ...RECAP_COLUMNS.map((c) => c[lang])]));
  for (const row of rows) await write(res, csvLine([row.key, row.label, ...RECAP_COLUMNS.map((c) => c.value(row.figures))]));
  res.end();
}

async function workOrdersCsv(services: Services, req: Request, res: Response): Promise<void> {
  const { lang, groupBy, where, bounds } = await recapAsked(services, req, WORK_ORDER_DIMENSIONS);
  const part = await services.recaps.workOrders.recap(where, bounds, groupBy ? [groupBy] : [], lang);
  const rows = !part ? [] : groupBy ? part.breakdowns[0]!.rows : [{ key: null, label: TOTAL[lang], figures: part.totals }];
  start(res, "work-orders.csv");
  await write(res, BOM + csvLine([...RECAP_KEY_HEADERS[lang], ...WORK_ORDER_COLUMNS.map((c) => c[lang])]));
  for (const row of rows) await write(res, csvLine([row.key, row.label, ...WORK_ORDER_COLUMNS.map((c) => c.value(row.figures))]));
  res.end();
}

async function ticketsCsv(services: Services, req: Request, res: Response): Promise<void> {
  const problems: FieldProblem[] = [];
  const { agent, lang } = await reader(services, req, problems);
  const from = instantParam(req, "from", problems, true);
  const to = instantParam(req, "to", problems, true);
  const status = enumParam(req, "status", Object.values(TicketStatus), problems);
  const priority = enumParam(req, "priority", Object.values(Priority), problems);
  if (from && to && !problems.length && !(to.getTime() > from.getTime())) problems.push({ field: "to", message: "to must be after from." });
  else if (from && to && to.getTime() - from.getTime() > MAX_CUSTOM_DAYS * 86_400_000) problems.push({ field: "to", message: `An export spans at most ${MAX_CUSTOM_DAYS} days.` });
  if (problems.length) throw badInput(problems);
  const scope = recapScope(agent, { groupId: param(req, "groupId"), agentId: param(req, "agentId") });
  if ("refused" in scope) throw forbidden(scope.refused);
  const page = (after: { at: Date | string; id: string } | null) => {
    const qb = services.ds
      .getRepository(TicketEntity)
      .createQueryBuilder("t")
      .select(["t.id AS id", "t.code AS code", "t.created_at AS created_at", "t.status AS status", "t.priority AS priority", "t.channel AS channel", "t.kecamatan AS kecamatan", "t.description AS description", "t.resolved_at AS resolved_at", "t.closed_at AS closed_at"])
      // The cursor is the range's lower bound, so each page seeks straight to where the last ended
      // on the (site_id, created_at, id) order of one index; the OR only settles ties at that instant.
      .where("t.site_id = :siteId AND t.created_at >= :from AND t.created_at < :to", { siteId: agent.siteId, from: after?.at ?? from, to });
    if (after) qb.andWhere("(t.created_at > :from OR t.id > :id)", { id: after.id });
    if (scope.kind === "GROUP") qb.andWhere("t.group_id = :g", { g: scope.groupId });
    if (scope.kind === "AGENT") qb.andWhere("t.assignee_id = :a", { a: scope.agentId });
    if (status) qb.andWhere("t.status = :status", { status });
    if (priority) qb.andWhere("t.priority = :priority", { priority });
    return qb.orderBy("t.created_at", "ASC").addOrderBy("t.id", "ASC").limit(PAGE).getRawMany<TicketRow & { id: string }>();
  };
  start(res, "tickets.csv");
  await write(res, BOM + csvLine(TICKET_COLUMNS.map((c) => c[lang])));
  let after: { at: Date | string; id: string } | null = null;
  for (;;) {
    const rows = await page(after);
    // One write a page: the socket takes a few hundred kilobytes at once, and waits (drain) when full.
    if (rows.length) await write(res, rows.map((row) => csvLine(TICKET_COLUMNS.map((c) => c.value(row)))).join(""));
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { at: last.created_at, id: last.id };
  }
  res.end();
}

/** Answers an export's failure in the GraphQL error shape (a 4xx), or drops a response already under way. */
export function sendError(res: Response, error: unknown, log: Logger): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof SigapError) {
    res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions: { ...error.extensions } }] });
    return;
  }
  log.error({ err: error }, "unexpected error on an export");
  res.status(500).json({ errors: [{ message: "Something went wrong on our side; it has been logged.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
}

