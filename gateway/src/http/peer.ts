import type { IncomingMessage } from "node:http";

/**
 * Whether the TCP peer of a request is this machine's loopback interface. It reads the socket's
 * address, never a header: `X-Forwarded-For` is whatever the caller wrote.
 */
export function isLoopbackPeer(req: IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? "";
  return a === "::1" || a.startsWith("127.") || a.startsWith("::ffff:127.");
}
