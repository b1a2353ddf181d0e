import { randomBytes } from "node:crypto";
import { Router, type Response } from "express";
import type { Logger } from "pino";
import { escapeHtml } from "../notifications/mail.rules.js";
import { OIDC_CALLBACK_PATH, OIDC_COOKIE, OIDC_START_PATH, OidcRefusal, type OidcOutcome, type OidcSignIn } from "./oidc.service.js";

/** The `type` of the message the callback page posts to the widget's window. */
export const SIGN_IN_MESSAGE = "sigap-sign-in";

/** Serves the popup's two pages: the start (a redirect to the identity provider) and the callback. */
export function oidcRoutes(oidc: OidcSignIn, log: Logger): Router {
  const router = Router();
  router.get(OIDC_START_PATH, async (req, res) => {
    try {
      const started = await oidc.start(query(req.query["site"]), query(req.query["origin"]));
      res.setHeader("Set-Cookie", started.cookie);
      res.setHeader("Cache-Control", "no-store");
      res.redirect(302, started.redirectTo);
    } catch (error) {
      if (!(error instanceof OidcRefusal)) log.error({ err: error }, "OpenID Connect sign-in could not start");
      page(res, { origin: null, error: error instanceof OidcRefusal ? error.message : "Sign-in could not start; it has been logged." }, 400);
    }
  });
  router.get(OIDC_CALLBACK_PATH, async (req, res) => {
    const cookie = /(?:^|;\s*)sigap_oidc=([^;]+)/.exec(req.headers.cookie ?? "")?.[1] ?? null;
    // The flow is over either way: its cookie goes.
    res.setHeader("Set-Cookie", `${OIDC_COOKIE}=; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0`);
    try {
      page(res, await oidc.finish(req.originalUrl, cookie));
    } catch (error) {
      log.error({ err: error }, "OpenID Connect sign-in failed");
      page(res, { origin: null, error: "Sign-in failed on our side; it has been logged." }, 500);
    }
  });
  return router;
}

function query(v: unknown): string | null {
  return typeof v === "string" && v ? v : null;
}

/**
 * The popup's last page: posts the outcome to the window that opened it, to the site's allowed
 * origin only, and closes. Its one script runs under its own strict CSP (a nonce); the page
 * that hosts the widget needs no CSP exception, as `postMessage` is not a fetch.
 */
function page(res: Response, outcome: OidcOutcome, status = 200): void {
  const nonce = randomBytes(16).toString("base64");
  const message = "code" in outcome ? { type: SIGN_IN_MESSAGE, code: outcome.code } : { type: SIGN_IN_MESSAGE, error: outcome.error };
  const data = JSON.stringify({ message, origin: outcome.origin }).replace(/</g, "\\u003c");
  const text = "code" in outcome ? "Signed in. You can close this window." : outcome.error;
  res.status(status);
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Content-Security-Policy", `default-src 'none'; script-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`);
  res.send(`<!doctype html><html><head><meta charset="utf-8"><title>Sigap sign-in</title></head><body><p>${escapeHtml(text)}</p>
<script nonce="${nonce}">(function(){var d=${data};if(window.opener&&d.origin){window.opener.postMessage(d.message,d.origin);if(d.message.code)window.close();}})();</script></body></html>`);
}
