import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { TryLater, type InboundService } from "./inbound.service.js";

/**
 * The largest mail taken, in bytes. Attachments travel base64-encoded (4 bytes for 3), so this
 * leaves room for a few files at the default 10 MB upload limit; each file still meets the site's
 * own limits, and a mail over this is refused with 552 by the sending server.
 */
export const MAX_MAIL_BYTES = 30 * 1024 * 1024;

/** A listening SMTP receiver. */
export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply with its code, as smtp-server sends an error's `responseCode`. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * An SMTP listener for the company's MX or relay to deliver to (no authentication, no TLS: it is
 * meant to listen on loopback or a private network behind that relay, never on the internet).
 * Recipients that are neither a genuine reply address nor a desk address are refused at RCPT
 * (550), so the sending server bounces them; an accepted mail is answered 250 only once handled.
 */
export async function startSmtpListener(inbound: InboundService, port: number, host: string, log: Logger): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: "sigap",
    banner: "Sigap service desk",
    size: MAX_MAIL_BYTES,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      inbound.accepts(address.address).then(
        (ok) => callback(ok ? null : smtpError(550, "No such mailbox here")),
        (err: unknown) => {
          log.error({ err }, "inbound SMTP: checking a recipient failed");
          callback(smtpError(451, "Try again later"));
        },
      );
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(smtpError(552, `Message exceeds the size limit of ${MAX_MAIL_BYTES} bytes`));
          return;
        }
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        inbound.receive(Buffer.concat(chunks), envelope).then(
          (outcome) => {
            log.info({ outcome: outcome.kind, to: envelope.rcptTo }, "inbound mail handled");
            callback(null, `Accepted (${outcome.kind.toLowerCase()})`);
          },
          (err: unknown) => {
            if (!(err instanceof TryLater)) log.error({ err }, "inbound SMTP: handling a mail failed; the sender will retry");
            callback(smtpError(451, "Try again later"));
          },
        );
      });
    },
  });
  server.on("error", (err) => log.error({ err }, "inbound SMTP listener error"));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.server.address() as AddressInfo).port;
  log.info({ host, port: bound }, "inbound SMTP listener ready");
  return { port: bound, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
