import { ImapFlow } from "imapflow";
import type { Logger } from "pino";
import { envelopeFromHeaders } from "./inbound-mail.rules.js";
import { TryLater, type InboundService } from "./inbound.service.js";
import { MAX_MAIL_BYTES } from "./smtp-listener.js";


/** A running mailbox poller. */
export interface ImapPoller {
  /** Reads the mailbox in a pass that starts after this call (after the one running, if any); resolves with the number of mails handled. */
  poll(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Polls a mailbox (`IMAP_URL`, `imaps://user:password@host:993/INBOX`) for unseen mail and hands
 * each to the inbound service; a handled mail is marked seen, one to retry (TryLater, the database
 * away) is left unseen for the next pass. One connection per pass: a mailbox that drops idle
 * connections costs nothing between passes. A mail over {@link MAX_MAIL_BYTES} is never downloaded:
 * its headers alone are enough to bounce it, as the SMTP listener refuses one with 552.
 */
export function startImapPoller(inbound: InboundService, imapUrl: string, log: Logger, everyMs: number, maxBytes = MAX_MAIL_BYTES): ImapPoller {
  const url = new URL(imapUrl);
  const secure = url.protocol === "imaps:";
  const mailbox = decodeURIComponent(url.pathname.slice(1)) || "INBOX";
  let running: Promise<number> | null = null;
  let queued: Promise<number> | null = null;

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
          const head = await client.fetchOne(String(uid), { size: true, headers: true }, { uid: true });
          if (head === false || !head.headers) continue;
          const tooLarge = (head.size ?? 0) > maxBytes;
          const msg = tooLarge ? null : await client.fetchOne(String(uid), { source: true }, { uid: true });
          const raw = tooLarge ? Buffer.concat([head.headers, Buffer.from("\r\n")]) : msg ? msg.source : undefined;
          if (!raw) continue;
          try {
            await inbound.receive(raw, envelopeFromHeaders(head.headers.toString("latin1")), { tooLarge });
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

  const start = (): Promise<number> => {
    running = pass().finally(() => (running = null));
    return running;
  };
  // A pass already running may have searched the mailbox before the caller's mail arrived: wait for it and read again
  // (callers that come while one waits share that next pass).
  const poll = (): Promise<number> => {
    if (!running) return start();
    queued ??= running
      .catch(() => 0)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
  const tick = () => void poll().catch((err: unknown) => log.error({ err, host: url.hostname }, "IMAP poll failed; trying again at the next interval"));
  // 0: no timer, the mailbox is read only when asked (Gateway.pollMailbox).
  const timer = everyMs > 0 ? setInterval(tick, everyMs) : null;
  timer?.unref();
  if (timer) tick();
  log.info({ host: url.hostname, mailbox, everyMs }, "polling the inbound mailbox");
  return {
    poll,
    close: async () => {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
