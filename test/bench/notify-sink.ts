/**
 * Where the `notify` benchmark's notifications land, in its own process: a real SMTP server
 * (smtp-server) that accepts every mail and discards it after reading its headers, and a real
 * HTTP receiver for webhooks that answers 204. Each arrival is stamped with the time it was
 * received completely, keyed by the ticket it is about, so the runner can compute the outbox lag.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { serve } from "./ipc.js";

/** One mail's or webhook's arrival. */
export interface Arrival {
  ticketId: string;
  /** Epoch milliseconds when it was received completely. */
  at: number;
  /** The ticket's createdAt (epoch ms) as the webhook payload states it; null for mail. */
  createdAt: number | null;
}

let mails: Arrival[] = [];
let hooks: Arrival[] = [];
let smtp: SMTPServer | null = null;
let http: Server | null = null;

// The receipt's `X-Sigap-Event` header is its event id, `<ticketId>:v<version>:<entry>`.
const EVENT_HEADER = /^x-sigap-event:\s*([^\s:]+):v\d+:0\s*$/im;

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

serve({
  async start() {
    smtp = new SMTPServer({
      authOptional: true,
      // The gateway upgrades to TLS when offered; the sink has no certificate, as the tests' server.
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 50,
      onData(stream, _session, cb) {
        let head = "";
        stream.on("data", (c: Buffer) => {
          if (head.length < 8_192) head += c.toString("latin1");
        });
        stream.on("end", () => {
          const end = head.indexOf("\r\n\r\n");
          const id = EVENT_HEADER.exec(end < 0 ? head : head.slice(0, end))?.[1];
          if (id) mails.push({ ticketId: id, at: Date.now(), createdAt: null });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp!.listen(0, "127.0.0.1", () => resolve()));
    http = createServer((req, res) => {
      readAll(req)
        .then((body) => {
          const p = JSON.parse(body) as { type?: string; data?: { ticket?: { id: string; createdAt: string } } };
          const t = p.data?.ticket;
          if (p.type === "ticket.created" && t) hooks.push({ ticketId: t.id, at: Date.now(), createdAt: Date.parse(t.createdAt) });
          res.writeHead(204).end();
        })
        .catch(() => res.writeHead(400).end());
    });
    // Keep-alive as a real receiver would; the gateway's webhook client decides whether to reuse.
    await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", () => resolve()));
    return {
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      webhookUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`,
    };
  },
  /** What arrived since the last take, and forgets it. */
  take() {
    const out = { mails, hooks };
    mails = [];
    hooks = [];
    return out;
  },
  /** How many have arrived so far (to wait for the outbox to drain). */
  count: () => ({ mails: mails.length, hooks: hooks.length }),
  async stop() {
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    return true;
  },
});
