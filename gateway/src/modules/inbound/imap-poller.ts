import { ImapFlow } from "imapflow";
import type { Logger } from "pino";
import { envelopeFromHeaders } from "./inbound-mail.rules.js";
import { TryLater, type InboundService } from "./inbound.service.js";

/** How often the mailbox is read. */
export const IMAP_POLL_MS = 60_000;

/** A running mailbox poller. */
export interface ImapPoller {
  /** Reads the mailbox once now; resolves with the number of mails handled. */
  poll(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Polls a mailbox (`IMAP_URL`, `imaps://user:password@host:993/INBOX`) for unseen mail and hands
 * each to the inbound service; a handled mail is marked seen, one to retry (TryLater, the database
 * away) is left unseen for the next pass. One connection per pass: a mailbox that drops idle
 * connections costs nothing between passes.
 */
export function startImapPoller(inbound: InboundService, imapUrl: string, log: Logger, everyMs = IMAP_POLL_MS): ImapPoller {
  const url = new URL(imapUrl);
  const secure = url.protocol === "imaps:";
  const mailbox = decodeURIComponent(url.pathname.slice(1)) || "INBOX";
  let running: Promise<number> | null = null;

  const pass = async (): Promise<number> => {
    const client = new ImapFlow({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 993 : 143,
      secure,
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      logger: false,
      disableAutoIdle: true,
    });
    // A dropped connection is reported through the pass that used it; an unheard 'error' would end the process.
    client.on("error", (err: unknown) => log.warn({ err }, "IMAP connection error"));
    await client.connect();
    let handled = 0;
    try {
      const lock = await client.getMailboxLock(mailbox);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (msg === false || !msg.source) continue;
          const raw = msg.source;
          const end = raw.indexOf("\r\n\r\n");
          try {
            await inbound.receive(raw, envelopeFromHeaders(raw.subarray(0, end < 0 ? raw.length : end).toString("latin1")));
          } catch (err) {
            if (!(err instanceof TryLater)) log.error({ err, uid }, "IMAP: handling a mail failed; it stays unseen for the next pass");
            continue;
          }
          await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          handled++;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
    return handled;
  };

  const poll = (): Promise<number> => {
    running ??= pass().finally(() => (running = null));
    return running;
  };
  const tick = () => void poll().catch((err: unknown) => log.error({ err, host: url.hostname }, "IMAP poll failed; trying again at the next interval"));
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  log.info({ host: url.hostname, mailbox, everyMs }, "polling the inbound mailbox");
  return {
    poll,
    close: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
