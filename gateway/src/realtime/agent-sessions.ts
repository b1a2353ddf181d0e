import { CloseCode } from "graphql-ws";
import type { Logger } from "pino";
import type WebSocket from "ws";
import { SigapError } from "../errors.js";
import type { AgentService } from "../modules/agents/agent.service.js";
import type { Role } from "../modules/agents/role.js";

/** The reason an ended socket is closed with (graphql-ws clients do not reconnect after 4401). */
export const SESSION_ENDED_REASON = "Your agent token no longer works; sign in again.";

/**
 * The close code of a socket whose agent's role changed: outside graphql-ws's fatal 44xx range, so
 * clients reconnect and subscribe again, now scoped by the new role.
 */
export const ROLE_CHANGED_CODE = 4205;
/** The reason sent with {@link ROLE_CHANGED_CODE}. */
export const ROLE_CHANGED_REASON = "Your role changed; reconnect to see the desk as it is for you now.";

/**
 * The open graphql-ws connections that carry an agent token. HTTP requests check the token per
 * request, but a subscription was authorized once, when it started: this re-checks every open
 * connection's token (one query per distinct token) and closes those whose agent was deactivated
 * or whose token expired, and those whose agent's role is no longer the one their feeds were
 * scoped by (the socket reconnects, see {@link ROLE_CHANGED_CODE}). It runs on a timer (every gateway of a cluster, so a deactivation by
 * the CLI or by another gateway is seen too) and at once when this gateway deactivates an agent.
 */
export class AgentSessions {
  private readonly sockets = new Map<WebSocket, string>();
  /** The role each socket's subscriptions were scoped by, once its agent was read. */
  private readonly roles = new Map<WebSocket, Role>();
  private running: Promise<number> | null = null;

  constructor(
    private readonly agents: AgentService,
    private readonly log: Logger,
  ) {}

  /**
   * Remembers that `socket` subscribed with `bearer` (one token per connection: graphql-ws sends it
   * once, at init) and, once `agent` is read, the role its subscriptions are scoped by.
   */
  track(socket: WebSocket, bearer: string, agent?: Promise<{ role: Role }>): void {
    if (!this.sockets.has(socket)) {
      this.sockets.set(socket, bearer);
      socket.once("close", () => {
        this.sockets.delete(socket);
        this.roles.delete(socket);
      });
    }
    // A refused token is the subscription's own error to report; here it only leaves the role unknown.
    agent?.then(
      (a) => {
        if (this.sockets.has(socket) && !this.roles.has(socket)) this.roles.set(socket, a.role);
      },
      () => undefined,
    );
  }

  /** Connections with an agent token open now. */
  get open(): number {
    return this.sockets.size;
  }

  /** Checks every open connection's token now; closes the refused ones with 4401, those whose role changed with 4205. Returns how many were closed. */
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
        const { role } = await this.agents.authenticate(token);
        for (const socket of sockets) {
          const seen = this.roles.get(socket);
          if (seen === undefined) this.roles.set(socket, role);
          else if (seen !== role) {
            this.forget(socket);
            socket.close(ROLE_CHANGED_CODE, ROLE_CHANGED_REASON);
            closed++;
          }
        }
      } catch (error) {
        // Only a refused token ends sessions; a database that does not answer ends nothing.
        if (!(error instanceof SigapError) || error.code !== "UNAUTHENTICATED") {
          this.log.warn({ err: error }, "could not re-check an agent token");
          continue;
        }
        for (const socket of sockets) {
          this.forget(socket);
          socket.close(CloseCode.Unauthorized, SESSION_ENDED_REASON);
          closed++;
        }
      }
    }
    return closed;
  }

  private forget(socket: WebSocket): void {
    this.sockets.delete(socket);
    this.roles.delete(socket);
  }
}
