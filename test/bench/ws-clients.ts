/**
 * Many WebSocket clients in one process: graphql-transport-ws trackers of the gateway, or plain
 * sockets of the raw `ws` baseline. Records when each socket receives the message that follows
 * an `arm`, on the machine's clock shared with the runner (timeOrigin + now).
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { serve } from "./ipc.js";

const sockets: WebSocket[] = [];
let received = new Float64Array(0);
let armedAt = 0;
let pending = 0;
let onAll: (() => void) | null = null;
let lastMessage = "";

const clock = () => performance.timeOrigin + performance.now();

function open(url: string, protocol: string | undefined): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = protocol ? new WebSocket(url, protocol, { perMessageDeflate: false }) : new WebSocket(url, { perMessageDeflate: false });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

function watch(ws: WebSocket, index: number): void {
  ws.on("message", (data) => {
    if (!armedAt || received[index]) return;
    received[index] = clock();
    if (index === 0) lastMessage = String(data);
    if (--pending === 0) onAll?.();
  });
}

/** Opens one graphql-ws tracker: init, ack, subscribe. Resolves once the subscribe is sent. */
async function tracker(url: string, connectionParams: unknown, payload: unknown): Promise<WebSocket> {
  const ws = await open(url, "graphql-transport-ws");
  await new Promise<void>((resolve, reject) => {
    ws.once("message", (data) => {
      const msg = JSON.parse(String(data)) as { type: string };
      if (msg.type === "connection_ack") resolve();
      else reject(new Error(`expected connection_ack, got ${String(data)}`));
    });
    ws.send(JSON.stringify({ type: "connection_init", payload: connectionParams }));
  });
  ws.send(JSON.stringify({ id: "1", type: "subscribe", payload }));
  return ws;
}

serve({
  /** Opens `n` sockets, `parallel` at a time; with `subscriptions`, each a tracker of the gateway. */
  async connect(args) {
    const url = String(args["url"]);
    const n = Number(args["n"]);
    const parallel = Number(args["parallel"] ?? 100);
    const query = args["query"] as string | undefined;
    const variables = args["variables"] as Array<Record<string, unknown>> | undefined;
    const params = args["connectionParams"];
    let next = 0;
    const worker = async () => {
      while (next < n) {
        const i = next++;
        const ws = query ? await tracker(url, params, { query, variables: variables![i % variables!.length] }) : await open(url, undefined);
        sockets[i] = ws;
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    received = new Float64Array(sockets.length);
    sockets.forEach((ws, i) => {
      watch(ws, i);
    });
    return sockets.length;
  },
  /** From now on, the next message on each socket is timed. */
  arm() {
    received.fill(0);
    pending = sockets.length;
    armedAt = clock();
    onAll = null;
    return armedAt;
  },
  /** Waits until every socket has its message (or `timeoutMs`), and returns delivery times after `t0`. */
  async collect(args) {
    const t0 = Number(args["t0"]);
    const timeoutMs = Number(args["timeoutMs"] ?? 30_000);
    if (pending > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        onAll = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    armedAt = 0;
    const ms = Array.from(received).filter((t) => t > 0).map((t) => t - t0).sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;
    return { received: ms.length, of: sockets.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: ms.at(-1) ?? NaN };
  },
  /** The message socket 0 received last. */
  lastMessage: () => lastMessage,
  async close() {
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            ws.once("close", () => resolve());
            ws.terminate();
          }),
      ),
    );
    sockets.length = 0;
    return true;
  },
});
