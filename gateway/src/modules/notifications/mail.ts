import type { DataSource } from "typeorm";
import type { NotifyConfig } from "../../config.js";
import type { ReceiptPlanner } from "../tickets/intake.service.js";
import { deskPlanner, receiptPlanner, reporterPlanner, trackingLinkPlanner, type MailLinks } from "./mail-planners.js";
import { MailRenderer } from "./mail-renderer.js";
import type { Notifications } from "./notifications.service.js";
import { exponentialSchedule } from "./outbox.rules.js";
import type { ReplyAddresses } from "./reply-address.js";
import type { MailTemplate } from "./mail-templates.js";
import { CONFIRM_PATH, type ConfirmLinks } from "../tickets/confirm-link.js";
import { createSmtpSender, type SmtpSender } from "./smtp-sender.js";

/** E-mail retries: from 30 s doubling to 6 h, ten times (about a day and a half in all), then DEAD. */
export const EMAIL_SCHEDULE = exponentialSchedule(30, 10, 6 * 3600);

/** A file a mail carries, drawn when the mail leaves. */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** Draws the files a mail of one template carries, from its site and payload vars. */
export type MailAttacher = (siteId: string, vars: Record<string, unknown>) => Promise<MailAttachment[]>;

/** Mail out, wired: the planners, the renderer and (with SMTP_URL) the sender. */
export interface Mail {
  renderer: MailRenderer;
  /** Where links in mail point (PUBLIC_URL, else the gateway's own URL once it listens). */
  links: MailLinks;
  /** The receipt intake plans. */
  receipt: ReceiptPlanner;
  /** The one-time link mail an anonymous reporter asks for (reporters/tracking-links). */
  trackingLink: ReturnType<typeof trackingLinkPlanner>;
  /** Whether mail leaves (SMTP_URL set); without it mail waits in the outbox, PENDING and never attempted. */
  sending: boolean;
  /** Gives a template's mails their files (the recap's PDF), drawn as each leaves. */
  attachTo(template: MailTemplate, attacher: MailAttacher): void;
  /** Points links at the gateway's own URL once it listens, when PUBLIC_URL is not set. */
  listening(url: string): void;
  close(): void;
}

/**
 * Registers the EMAIL planners on the outbox and, when SMTP_URL is set, the EMAIL channel.
 * Without SMTP_URL the planners still run, so mail is kept (PENDING) and /demo/mail shows it;
 * setting SMTP_URL later sends what waited.
 */
export function setupMail(notifications: Notifications, ds: DataSource, config: NotifyConfig | null, replies: ReplyAddresses | null = null, confirm: ConfirmLinks | null = null): Mail {
  let base = config?.publicUrl ?? "http://127.0.0.1:4000";
  const links: MailLinks = {
    publicUrl: () => base,
    confirmUrl: (ticketId, resolvedAt) => (confirm ? `${base}${CONFIRM_PATH}/${ticketId}?sig=${confirm.sign(ticketId, resolvedAt)}` : null),
  };
  const renderer = new MailRenderer(ds);
  notifications.addPlanner(reporterPlanner(links));
  notifications.addPlanner(deskPlanner());
  const attachers = new Map<string, MailAttacher>();
  let sender: SmtpSender | null = null;
  if (config?.smtpUrl) {
    const attach = async (siteId: string, payload: Record<string, unknown>) =>
      (await attachers.get(String(payload["template"]))?.(siteId, (payload["vars"] ?? {}) as Record<string, unknown>)) ?? [];
    sender = createSmtpSender(config.smtpUrl, config.smtpFrom, renderer, (ticketId) => replies?.replyAddress(ticketId) ?? null, attach);
    notifications.addChannel("EMAIL", sender.send, EMAIL_SCHEDULE);
  }
  return {
    renderer,
    links,
    receipt: receiptPlanner(links),
    trackingLink: trackingLinkPlanner(links),
    sending: sender !== null,
    attachTo(template, attacher) {
      attachers.set(template, attacher);
    },
    listening(url) {
      if (!config?.publicUrl) base = url;
    },
    close: () => sender?.close(),
  };
}
