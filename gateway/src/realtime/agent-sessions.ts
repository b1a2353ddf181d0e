import { CloseCode } from "graphql-ws";
import type { Logger } from "pino";
import type WebSocket from "ws";
import { SigapError } from "../errors.js";
import type { AgentService } from "../modules/agents/agent.service.js";

/** The reason an ended socket is closed with (graphql-ws clients do not reconnect after 4401). */
export const SESSION_ENDED_REASON = "Your agent token no longer works; sign in again.";

/**
 * The open graphql-ws connections that carry an agent token. HTTP requests check the token per
 * request, but a subscription was authorized once, when it started: this re-checks every open
 * connection's token (one query per distinct token) and closes those whose agent was deactivated
 * or whose token expired. It runs on a timer (every gateway of a cluster, so a deactivation by
 * the CLI or by another gateway is seen too) and at once when this gateway deactivates an agent.
 */
export class AgentSessions {
  private readonly sockets = new Map<WebSocket, string>();
  private running: Promise<number> | null = null;

  constructor(
    private readonly agents: AgentService,
    private readonly log: Logger,
  ) {}

  /** Remembers that `socket` subscribed with `bearer` (one token per connection: graphql-ws sends it once, at init). */
  track(socket: WebSocket, bearer: string): void {
    if (this.sockets.has(socket)) return;
    this.sockets.set(socket, bearer);
    socket.once("close", () => this.sockets.delete(socket));
  }

  /** Connections with an agent token open now. */
  get open(): number {
    return this.sockets.size;
  }

  /** Checks every open connection's token now; closes the refused ones with 4401. Returns how many were closed. */
  recheck(): Promise<number> {
    // A check already under way is joined, except by a caller that must see a change made after it began.
    const run = (this.running ?? Promise.resolve(0)).then(() => this.check());
    this.running = run.finally(() => {
      if (this.running === run) this.running = null;
    });
    return run;
  }

  /** Re-checks every `everyMs` (0: never); returns the stop function. */
  start(everyMs: number): () => void {
    if (everyMs <= 0) return () => undefined;
    const timer = setInterval(() => void this.recheck().catch((err: unknown) => this.log.error({ err }, "agent session check failed")), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async check(): Promise<number> {
    const byToken = new Map<string, WebSocket[]>();
    for (const [socket, token] of this.sockets) {
      const list = byToken.get(token);
      if (list) list.push(socket);
      else byToken.set(token, [socket]);
    }
    let closed = 0;
    for (const [token, sockets] of byToken) {
      try {
        await this.agents.authenticate(token);
      } catch (error) {
        // Only a refused token ends sessions; a database that does not answer ends nothing.
        if (!(error instanceof SigapError) || error.code !== "UNAUTHENTICATED") {
          this.log.warn({ err: error }, "could not re-check an agent token");
          continue;
        }
        for (const socket of sockets) {
          this.sockets.delete(socket);
          socket.close(CloseCode.Unauthorized, SESSION_ENDED_REASON);
          closed++;
        }
      }
    }
    return closed;
  }
}
