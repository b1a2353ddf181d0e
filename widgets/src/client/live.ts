import { SigapRequestError, toRequestError } from "./graphql-error.js";
import { wsUrl, type Endpoint } from "./http.js";
import type { Operation } from "./operation.js";

/** Callbacks of a live subscription. */
export interface LiveHandlers<R> {
  next(data: R): void;
  /** The subscription was refused (bad token…) or failed for good. */
  error(error: SigapRequestError): void;
  /** The socket (re)connected: refetch so nothing that happened while away is missed. */
  connected?(reconnected: boolean): void;
  /** The socket dropped; it retries by itself. */
  disconnected?(): void;
}

type Errors = Parameters<typeof toRequestError>[0];

/** A message of the graphql-transport-ws protocol, as far as a client that subscribes reads it. */
interface Message {
  type: "connection_ack" | "ping" | "pong" | "next" | "error" | "complete";
  /** `next`: an execution result; `error`: a list of GraphQL errors. */
  payload?: unknown;
}

/** What a subscription that failed for good says when the gateway gave no reason. */
const FAILED = "The live connection to the service desk failed.";

/**
 * Whether the gateway closed the socket in a way another attempt cannot mend: graphql-transport-ws's
 * 44xx codes (bad request, unauthorized, forbidden, subscriber exists, too many inits…) and 4500,
 * but not its timeouts (4408 init, 4499 terminated), which a new socket may well get past.
 */
const fatal = (code: number): boolean => (code >= 4400 && code < 4500 && code !== 4408 && code !== 4499) || code === 4500;

/**
 * Subscribes over the graphql-transport-ws protocol (the one graphql-ws speaks) on a socket of its
 * own, and keeps the subscription alive across dropped connections: it reconnects forever with
 * exponential backoff and jitter, subscribes again and says `connected(true)` so the caller
 * refetches. Handlers are only ever called from socket events and timers, never during this call,
 * and never after the returned function, which ends the subscription, was called.
 */
export function subscribe<R, V>(endpoint: Endpoint, op: Operation<R, V>, variables: V, handlers: LiveHandlers<R>): () => void {
  let socket: WebSocket | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let acked = false;
  let over = false;
  const end = (): void => {
    over = true;
    clearTimeout(retry);
    socket?.close(1000);
  };
  const fail = (message: string, code = "NETWORK_ERROR"): void => {
    over = true;
    handlers.error(new SigapRequestError(message, code));
  };
  const connect = (): void => {
    let ws: WebSocket;
    try {
      ws = socket = new WebSocket(wsUrl(endpoint.url), "graphql-transport-ws");
    } catch {
      // A URL the browser refuses outright, which no retry mends; reported later, like every outcome.
      retry = setTimeout(fail, 0, FAILED);
      return;
    }
    const send = (message: object): void => ws.send(JSON.stringify(message));
    ws.onopen = () =>
      send({
        type: "connection_init",
        payload: {
          ...(endpoint.siteKey ? { siteKey: endpoint.siteKey } : {}),
          ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
          ...(endpoint.reporterToken ? { reporterToken: endpoint.reporterToken } : {}),
        },
      });
    ws.onmessage = ({ data }: MessageEvent<string>) => {
      let m: Message;
      try {
        m = JSON.parse(data) as Message;
      } catch {
        return;
      }
      if (m.type === "ping") send({ type: "pong" });
      else if (m.type === "connection_ack") {
        attempts = 0;
        // One subscription per socket, so one id does.
        send({ id: "1", type: "subscribe", payload: { query: op.query, variables } });
        handlers.connected?.(acked);
        acked = true;
      } else if (m.type === "next") {
        const result = m.payload as { data?: R | null; errors?: Errors } | undefined;
        if (result?.errors?.length) handlers.error(toRequestError(result.errors));
        else if (result?.data) handlers.next(result.data);
      } else if (m.type === "error" || m.type === "complete") {
        // The gateway ended this subscription; a new socket would only be refused again.
        end();
        if (m.type === "error") handlers.error(toRequestError(Array.isArray(m.payload) ? (m.payload as Errors) : []));
      }
    };
    ws.onclose = ({ code, reason }) => {
      if (over || socket !== ws) return;
      if (fatal(code)) {
        fail(reason || FAILED, code === 4401 ? "UNAUTHENTICATED" : code === 4403 ? "FORBIDDEN" : "NETWORK_ERROR");
        return;
      }
      handlers.disconnected?.();
      // 1 s, 2 s, 4 s… up to 30 s, plus 0.3–3 s so a restarted gateway is not met by every reader at once.
      retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempts++) + 300 + Math.random() * 2700);
    };
  };
  connect();
  return end;
}
