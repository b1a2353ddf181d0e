import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { classifyAddress, isIpLiteral, refusalMessage } from "./ssrf.rules.js";

/** A refused target: the URL's host is or resolves to an address webhooks may not reach. */
export class RefusedTarget extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusedTarget";
  }
}

/** What a POST came to: an answer, or an error before one. */
export type PostResult =
  | { kind: "answer"; status: number; body: string; latencyMs: number }
  | { kind: "error"; message: string; refused: boolean; latencyMs: number };

const MAX_READ = 16 * 1024;

/** Every address a host resolves to, refused if any is private (unless allowed). Used at creation. */
export async function checkTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIpLiteral(host) ? [host] : (await resolveAll(host)).map((a) => a.address);
  for (const address of addresses) {
    const cls = classifyAddress(address);
    if (cls) throw new RefusedTarget(refusalMessage(host, address, cls));
  }
}

/**
 * Connections kept open between deliveries: a dispatcher round sends many messages to few
 * receivers, and a TCP (and TLS) connection each cost more than the POST (bench `notify`). An idle
 * connection closes after 4 s, or a second before the receiver's `Keep-Alive: timeout` hint.
 * Guarded and unguarded deliveries never share one: a connection the guard did not check (a
 * gateway with WEBHOOK_ALLOW_PRIVATE in the same process) is never lent to a guarded delivery.
 */
const AGENT_OPTIONS = { keepAlive: true, timeout: 4_000, scheduling: "lifo" } as const;
const agents = {
  guarded: { http: new HttpAgent(AGENT_OPTIONS), https: new HttpsAgent(AGENT_OPTIONS) },
  open: { http: new HttpAgent(AGENT_OPTIONS), https: new HttpsAgent(AGENT_OPTIONS) },
};

/**
 * POSTs a body without following redirects. The connection goes to the address the guard
 * checked: the check happens inside the socket's own DNS lookup, so a host cannot answer one
 * address to the check and another to the connection (DNS rebinding); a kept-open connection
 * stays with the address it was checked for.
 */
export async function postJson(url: URL, body: string, headers: Record<string, string>, timeoutMs: number, allowPrivate: boolean): Promise<PostResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    await checkLiteral(url, allowPrivate);
  } catch (error) {
    return { kind: "error", message: (error as Error).message, refused: true, latencyMs: 0 };
  }
  const https = url.protocol === "https:";
  const send = https ? httpsRequest : httpRequest;
  const pool = allowPrivate ? agents.open : agents.guarded;
  const options = {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Sigap-Webhooks/1" },
    agent: https ? pool.https : pool.http,
    lookup: allowPrivate ? undefined : guardedLookup,
  };
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    let req: ReturnType<typeof httpRequest>;
    const finish = (r: PostResult) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(r);
      }
    };
    const attempt = (retry: boolean) => {
      req = send(url, options, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < MAX_READ) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => finish({ kind: "answer", status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), latencyMs: latency() }));
        res.on("error", (e) => finish({ kind: "error", message: e.message, refused: false, latencyMs: latency() }));
      });
      req.on("error", (e: NodeJS.ErrnoException) => {
        // A kept-open connection the receiver closed just as it was reused: once more on a new one.
        if (retry && req.reusedSocket && (e.code === "ECONNRESET" || e.code === "EPIPE") && !settled) return attempt(false);
        finish({ kind: "error", message: e.message, refused: e instanceof RefusedTarget, latencyMs: latency() });
      });
      req.end(body);
    };
    const timer = setTimeout(() => {
      finish({ kind: "error", message: `no answer within ${timeoutMs / 1000} s`, refused: false, latencyMs: latency() });
      req.destroy();
    }, timeoutMs);
    attempt(true);
  });
}

async function checkLiteral(url: URL, allowPrivate: boolean): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Node connects to an IP literal without a lookup, so the guard inside the lookup never sees it.
  if (!allowPrivate && isIpLiteral(host)) {
    const cls = classifyAddress(host);
    if (cls) throw new RefusedTarget(refusalMessage(host, host, cls));
  }
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    const list = addresses as unknown as LookupAddress[];
    for (const a of list) {
      const cls = classifyAddress(a.address);
      if (cls) return callback(new RefusedTarget(refusalMessage(hostname, a.address, cls)), "", 4);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    const first = list[0];
    if (!first) return callback(new Error(`${hostname} has no address`), "", 4);
    callback(null, first.address, first.family);
  });
};

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(new RefusedTarget(`${host} does not resolve: ${err.code ?? err.message}`)) : resolve(addresses))),
  );
}
