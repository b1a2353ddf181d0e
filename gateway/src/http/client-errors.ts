import type { Server } from "node:http";
import type { Duplex } from "node:stream";

/** Node's parser error codes and what the client is told for each; anything else is a 400. */
const ANSWERS: Readonly<Record<string, { status: number; text: string; message: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    text: "Request Header Fields Too Large",
    message: "The request's headers (or its URL) are larger than this gateway accepts (16 KB); send the query in a POST body.",
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, text: "Request Timeout", message: "The request took too long to arrive; send it again." },
};

/**
 * Requests Node's HTTP parser refuses before any handler runs (a URL or headers over the size
 * limit, malformed request lines) would otherwise get a bare status line with no body; they get
 * the GraphQL error shape with a code like every other client mistake.
 */
export function answerClientErrors(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === "ECONNRESET" && !socket.readable)) {
      socket.destroy();
      return;
    }
    const answer = ANSWERS[error.code ?? ""] ?? { status: 400, text: "Bad Request", message: "The request could not be understood as HTTP." };
    const body = JSON.stringify({ errors: [{ message: answer.message, extensions: { code: "BAD_REQUEST" } }] });
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
