import type { Logger } from "pino";
import type { InboundConfig } from "../../config.js";
import { startImapPoller } from "./imap-poller.js";
import type { InboundService } from "./inbound.service.js";
import { startSmtpListener } from "./smtp-listener.js";

/** The running receivers of mail; `close` stops them. */
export interface InboundReceivers {
  /** The SMTP listener's port, or null when `SMTP_INBOUND_PORT` is unset. */
  smtpPort: number | null;
  /** Reads the `IMAP_URL` mailbox now (see ImapPoller.poll); null when there is none. */
  pollMailbox: (() => Promise<number>) | null;
  close(): Promise<void>;
}

/** Starts the receivers the configuration asks for (the SMTP listener; the IMAP poller when `IMAP_URL` is set). */
export async function startInbound(config: InboundConfig, inbound: InboundService, log: Logger): Promise<InboundReceivers> {
  const smtp = config.smtpPort === null ? null : await startSmtpListener(inbound, config.smtpPort, config.smtpHost, log);
  const imap = config.imapUrl === null ? null : startImapPoller(inbound, config.imapUrl, log, config.imapPollMs);
  return {
    smtpPort: smtp?.port ?? null,
    pollMailbox: imap ? () => imap.poll() : null,
    close: async () => {
      await imap?.close();
      await smtp?.close();
    },
  };
}
