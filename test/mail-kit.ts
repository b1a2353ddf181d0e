/**
 * A real SMTP server in the test process (smtp-server), collecting what the gateway sends,
 * parsed with mailparser. It can go down and come back on the same port, and refuse recipients
 * for good (550) by address.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One mail as it arrived. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo: string | null;
  headers: ParsedMail["headers"];
  /** The files it carries, as parsed. */
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** The test's SMTP server. */
export interface TestSmtp {
  /** SMTP_URL for a gateway. */
  url: string;
  mails: ReceivedMail[];
  /** Mail that arrived for one address. */
  to(address: string): ReceivedMail[];
  /** Stops listening and drops connections (the mail server is down). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Starts an SMTP server on a free port; recipients matching `refuse` get 550. */
export async function startTestSmtp(refuse: (address: string) => boolean = () => false): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  let port = 0;
  let server: SMTPServer | null = null;
  const listen = async () => {
    const s = new SMTPServer({
      authOptional: true,
      // The gateway would upgrade to TLS when offered; this test server has no certificate worth trusting.
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 50,
      onRcptTo(address, _session, cb) {
        if (refuse(address.address)) cb(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
        else cb();
      },
      onData(stream, session, cb) {
        simpleParser(stream)
          .then((m) => {
            for (const rcpt of session.envelope.rcptTo) {
              mails.push({
                to: rcpt.address,
                subject: m.subject ?? "",
                text: m.text ?? "",
                html: typeof m.html === "string" ? m.html : "",
                replyTo: m.replyTo?.text ?? null,
                headers: m.headers,
                attachments: m.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content })),
              });
            }
            cb();
          })
          .catch((err: Error) => cb(err));
      },
    });
    await new Promise<void>((resolve) => s.listen(port, "127.0.0.1", () => resolve()));
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };
  await listen();
  const stop = async () => {
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((m) => m.to === address.toLowerCase()),
    stop,
    start: listen,
    close: stop,
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix = "http"): URL {
  const m = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s>]+`).exec(mail.text);
  if (!m) throw new Error(`no link in mail "${mail.subject}":\n${mail.text}`);
  return new URL(m[0]);
}
