import { CloseCode, handleProtocols, makeServer, MessageType, type ServerOptions } from "graphql-ws";
import type { IncomingMessage } from "node:http";
import WebSocket, { type WebSocketServer } from "ws";
import { requestIdOf } from "../http/request-id.js";

/** What a graphql-ws connection knows about its transport. */
export interface SocketExtra {
  readonly socket: WebSocket;
  /** The browser's Origin header at the upgrade, checked per site key like HTTP requests. */
  readonly origin: string | null;
  /** The connection's id in logs, sent back in the upgrade's `X-Request-Id`. */
  readonly requestId: string;
  /** `X-Forwarded-For` at the upgrade, as received. */
  readonly forwardedFor: string | null;
}

const alive = new WeakSet<WebSocket>();
function heartbeat(this: WebSocket): void {
  alive.add(this);
}

/**
 * Serves graphql-ws over a `ws` server: graphql-ws's own `use/ws` adapter, made lighter for
 * thousands of idle trackers. The connection keeps the Origin it came with, not the whole upgrade
 * request, one timer pings every socket and one sweep closes those that never initialised
 * (instead of timers and their closures per socket), and a subscription keeps its parsed
 * message, not also the text it came as.
 * A socket that has not answered the previous ping by the next one is dropped, as in `use/ws`.
 */
export function serveGraphqlWs(
  options: ServerOptions<Record<string, unknown>, SocketExtra>,
  wss: WebSocketServer,
  keepAliveMs = 12_000,
  /** How long a socket may stay open without `connection_init`, as graphql-ws's own option. @default 3000 */
  initWaitMs = 3_000,
): { dispose(): Promise<void> } {
  // graphql-ws would keep a timer and its closure per socket for as long as the socket lives;
  // one sweep closes the sockets that never said `connection_init`, with graphql-ws's close code.
  const server = makeServer({ ...options, connectionInitWaitTimeout: 0 });
  wss.options.handleProtocols = handleProtocols;
  const awaitingInit = new Map<WebSocket, number>();
  const initSweep = setInterval(
    () => {
      const now = Date.now();
      for (const [socket, deadline] of awaitingInit) {
        if (deadline > now) break; // in order of arrival, so of deadline
        awaitingInit.delete(socket);
        socket.close(CloseCode.ConnectionInitialisationTimeout, "Connection initialisation timeout");
      }
    },
    Math.max(100, Math.min(1_000, initWaitMs / 3)),
  );
  initSweep.unref();
  const pinger = setInterval(() => {
    for (const socket of wss.clients) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, keepAliveMs);
  pinger.unref();

  const ids = new WeakMap<IncomingMessage, string>();
  wss.on("headers", (headers, request) => {
    const id = requestIdOf(request.headers["x-request-id"]);
    ids.set(request, id);
    headers.push(`X-Request-Id: ${id}`);
  });
  wss.on("connection", (socket, request) => {
    alive.add(socket);
    awaitingInit.set(socket, Date.now() + initWaitMs);
    socket.on("pong", heartbeat);
    socket.once("error", () => socket.close(CloseCode.InternalServerError, "Internal server error"));
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve();
            socket.send(data, (err) => (err ? reject(err) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on("message", (data) => {
            let message: unknown;
            try {
              message = JSON.parse(String(data));
            } catch {
              return socket.close(CloseCode.BadRequest, "Invalid message received");
            }
            if ((message as { type?: unknown } | null)?.type === MessageType.ConnectionInit) awaitingInit.delete(socket);
            // graphql-ws validates a parsed message as it does text (its `parseMessage` parses only
            // strings). Handed the text, a subscription would keep it, query and all, in its
            // suspended handler for as long as it lasts; handed the message, it keeps what it
            // keeps anyway, whose query `onSubscribe` swaps for the document cache's one copy.
            // graphql-ws rejects a well-formed message the server never takes (a client's `next`,
            // a `pong` out of place…) by throwing; that is the client breaking the protocol.
            cb(message as string).catch((error: unknown) =>
              error instanceof Error && /^Unexpected message|Invalid message/.test(error.message)
                ? socket.close(CloseCode.BadRequest, "Invalid message received")
                : socket.close(CloseCode.InternalServerError, "Internal server error"),
            );
          }),
      },
      {
        socket,
        origin: typeof request.headers.origin === "string" ? request.headers.origin : null,
        requestId: ids.get(request) ?? requestIdOf(undefined),
        forwardedFor: typeof request.headers["x-forwarded-for"] === "string" ? request.headers["x-forwarded-for"] : null,
      },
    );
    socket.once("close", (code, reason) => {
      awaitingInit.delete(socket);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      clearInterval(pinger);
      clearInterval(initSweep);
      for (const client of wss.clients) client.close(1001, "Going away");
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
