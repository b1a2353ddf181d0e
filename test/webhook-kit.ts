/**
 * A real webhook receiver in the test process (node:http): records every request with its
 * headers and body, and answers what the test chooses.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got, and what it answered. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
  /** The sender's end of the TCP connection it came on (its port): the same for requests on one kept-open connection. */
  connection: number;
}

/** A webhook receiver whose answer the test chooses. */
export class Receiver {
  readonly got: Received[] = [];
  /** The status to answer a request with, given its body. @default 200 */
  answer: (body: string) => number = () => 200;
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server);
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const answered = receiver.answer(body);
        receiver.got.push({ headers: req.headers, body, answered, connection: req.socket.remotePort ?? 0 });
        res.writeHead(answered, { "content-type": "text/plain" }).end(answered >= 300 ? `nope ${"x".repeat(800)}` : "thanks");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** Bodies the receiver accepted (answered 2xx), parsed. */
  accepted(): Array<{ id: string; type: string; data: { ticket: { id: string; code: string }; detail: Record<string, unknown> } } & Record<string, unknown>> {
    return this.got.filter((r) => r.answered < 300).map((r) => JSON.parse(r.body));
  }

  /** Closes the connections kept open between requests, as a receiver whose keep-alive ran out does. */
  closeIdle(): void {
    this.server.closeIdleConnections();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
