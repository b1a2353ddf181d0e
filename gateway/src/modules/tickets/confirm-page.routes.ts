/**
 * The closure check's page (`GET` and `POST /confirm/<ticket id>?sig=…`), opened from the
 * resolution mail: the signature (confirm-link.ts) is the credential, valid for that resolution
 * only. The answer goes through the same command as the tracker's `confirmResolution`.
 */
import { randomBytes } from "node:crypto";
import express, { Router, type Request, type Response } from "express";
import type { Logger } from "pino";
import { SigapError } from "../../errors.js";
import type { Services } from "../../services.js";
import { mailLanguage } from "../notifications/mail-language.js";
import { trackingLink } from "../notifications/mail.rules.js";
import { ResolutionAnswer } from "./confirmation.rules.js";
import { CONFIRM_PATH } from "./confirm-link.js";
import { TEXT_LIMIT, textProblem } from "./field.rules.js";
import { confirmPage, type ConfirmPageState } from "./confirm-page.js";
import { TicketEntity } from "./ticket.entity.js";

/** The closure check's routes. */
export function confirmPageRoutes(services: Services, log: Logger): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: "32kb" });
  router.get(`${CONFIRM_PATH}/:id`, (req, res) => void page(services, req, res, null).catch((e: unknown) => failed(res, e, log)));
  router.post(`${CONFIRM_PATH}/:id`, form, (req, res) => void page(services, req, res, (req.body ?? {}) as Record<string, unknown>).catch((e: unknown) => failed(res, e, log)));
  return router;
}

async function page(services: Services, req: Request, res: Response, body: Record<string, unknown> | null): Promise<void> {
  const sig = String(body?.["sig"] ?? req.query["sig"] ?? "");
  const id = String(req.params["id"]);
  const ticket = /^[0-9a-f-]{36}$/.test(id) ? await services.ds.getRepository(TicketEntity).findOneBy({ id }) : null;
  const lang = mailLanguage(ticket?.reporterLanguage, "id");
  if (!ticket || !services.confirmLinks.opens(ticket.id, ticket.resolvedAt, sig)) return send(res, 404, { kind: "gone" }, lang, null);
  const site = await services.sites.get(ticket.siteId);
  const tracker = trackingLink(site.trackingUrl, services.mail.links.publicUrl(), ticket.code, null);
  const ask = (problem: string | null): ConfirmPageState => ({ kind: "ask", code: ticket.code, resolution: ticket.resolution, sig, problem });
  if (!body) return send(res, 200, ask(null), lang, tracker);
  const answer = body["answer"] === ResolutionAnswer.FIXED ? ResolutionAnswer.FIXED : ResolutionAnswer.NOT_FIXED;
  const words = typeof body["words"] === "string" ? body["words"] : null;
  // Counted as the GraphQL input counts it (ConfirmResolutionInput.words).
  const tooLong = words ? textProblem("words", words, TEXT_LIMIT) : null;
  if (tooLong) return send(res, 400, ask(tooLong), lang, tracker);
  try {
    const after = await services.reporter.confirm(ticket, { answer, words });
    send(res, 200, { kind: "done", code: after.code, closed: answer === ResolutionAnswer.FIXED }, lang, tracker);
  } catch (error) {
    if (!(error instanceof SigapError)) throw error;
    if (error.code === "BAD_USER_INPUT") return send(res, 400, ask(error.message), lang, tracker);
    send(res, 409, { kind: "gone" }, lang, tracker);
  }
}

function send(res: Response, status: number, state: ConfirmPageState, lang: "id" | "en", tracker: string | null): void {
  const nonce = randomBytes(16).toString("base64");
  res.status(status);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'`);
  res.setHeader("Cache-Control", "no-store");
  // The signature is in the URL; keep it out of Referer headers.
  res.setHeader("Referrer-Policy", "no-referrer");
  res.end(confirmPage(state, lang, nonce, tracker));
}

function failed(res: Response, error: unknown, log: Logger): void {
  log.error({ err: error }, "unexpected error on the closure check page");
  if (!res.headersSent) res.status(500).type("text/plain").end("Something went wrong on our side; it has been logged.");
}
