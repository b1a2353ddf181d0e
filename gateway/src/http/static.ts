import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import type { Config } from "../config.js";
import { mailPreviewPage } from "../modules/notifications/mail-preview.js";
import { DEMO_SITE_KEY } from "../modules/sites/demo-seed.js";
import type { Services } from "../services.js";
import { isLoopbackPeer } from "./peer.js";

/** The workspace root: the nearest folder up from here holding pnpm-workspace.yaml. */
function workspaceRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * Serves the built widgets at /widgets/ (any page may load them: they are public scripts) and,
 * in demo mode, the demo pages at /demo/ plus a token endpoint standing in for the company
 * portal that would sign agent tokens. That endpoint hands out desk tokens to whoever asks, so it
 * answers only to a browser on this machine, judged by the socket's address (never a header).
 */
export function staticRoutes(config: Config, services: Services): Router {
  const router = Router();
  const root = workspaceRoot();
  const widgets = root ? join(root, "widgets", "dist") : null;
  if (widgets && existsSync(widgets)) {
    router.use(
      "/widgets",
      (_req, res, next) => {
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        next();
      },
      express.static(widgets, { maxAge: config.env === "production" ? "1h" : 0, fallthrough: false }),
    );
  }
  const demo = root ? join(root, "demo") : null;
  if (config.demo && demo && existsSync(demo)) {
    router.get("/", (_req, res) => res.redirect("/demo/"));
    router.get("/demo/agent-token", async (req, res) => {
      if (!isLoopbackPeer(req)) {
        res.status(403).json({ errors: [{ message: "The demo token endpoint answers only on this machine (loopback).", extensions: { code: "FORBIDDEN" } }] });
        return;
      }
      const email = typeof req.query["email"] === "string" ? req.query["email"] : "dewi@demo.sigap.local";
      const site = (await services.sites.list()).find((s) => s.siteKey === DEMO_SITE_KEY);
      const agent = site ? (await services.agents.list(site.id)).find((a) => a.email === email && a.active) : undefined;
      if (!agent) {
        res.status(404).json({ errors: [{ message: `No demo agent ${email}.`, extensions: { code: "NOT_FOUND" } }] });
        return;
      }
      res.setHeader("Cache-Control", "no-store");
      res.json({ token: await services.agents.mintToken(agent, 8 * 3600), name: agent.name, role: agent.role });
    });
    // What the outbox holds is every reporter's address and words: this machine only, like the token.
    router.get("/demo/mail", async (req, res) => {
      if (!isLoopbackPeer(req)) {
        res.status(403).json({ errors: [{ message: "The demo mail page answers only on this machine (loopback).", extensions: { code: "FORBIDDEN" } }] });
        return;
      }
      res.setHeader("Cache-Control", "no-store");
      res.type("html").send(await mailPreviewPage(services.ds, services.mail.renderer, services.mail.sending));
    });
    router.use("/demo", express.static(demo, { fallthrough: false }));
  }
  return router;
}
