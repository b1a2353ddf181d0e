import { createTransport } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import type { MailAttachment } from "./mail.js";
import type { MailRenderer } from "./mail-renderer.js";
import type { ChannelSender, DeliveryOutcome } from "./notification.types.js";

/** The EMAIL channel's sender over SMTP, and how to let its connections go. */
export interface SmtpSender {
  send: ChannelSender;
  close(): void;
}

/**
 * Sends EMAIL messages to `SMTP_URL` (`smtp://` upgrades with STARTTLS when the server offers
 * it; `smtps://` is TLS from the start). A 5xx answer is a refusal for good; a 4xx answer, a
 * refused or dropped connection or a timeout is tried again on the channel's schedule.
 */
export function createSmtpSender(
  smtpUrl: string,
  from: string,
  renderer: MailRenderer,
  replyAddress: (ticketId: string) => string | null = () => null,
  attachments: (siteId: string, payload: Record<string, unknown>) => Promise<MailAttachment[]> = async () => [],
): SmtpSender {
  const url = new URL(smtpUrl);
  const transport = createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    pool: true,
    maxConnections: 3,
    // A hanging server costs a dispatcher pass, never a request; still, not minutes of it.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  // An idle pooled connection the server drops is reported here; the next send's outcome says what matters.
  transport.on("error", () => undefined);
  return {
    close: () => transport.close(),
    async send(message): Promise<DeliveryOutcome> {
      const mail = await renderer.render(message.siteId, message.payload);
      if (!mail) return { ok: false, retryable: false, detail: `unknown mail template ${JSON.stringify(message.payload["template"])}` };
      const started = Date.now();
      try {
        const files = await attachments(message.siteId, message.payload);
        const composed = new MailComposer({
          from,
          to: message.recipient,
          replyTo: message.ticketId ? (replyAddress(message.ticketId) ?? undefined) : undefined,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          ...(files.length ? { attachments: files.map((f) => ({ filename: f.filename, content: f.content, contentType: f.contentType })) } : {}),
          // The same id on a retry lets a mailbox drop a copy the first attempt delivered after all.
          messageId: `<outbox-${message.id}.${message.eventId.replace(/[^A-Za-z0-9.-]/g, "-")}@sigap>`,
          // Bounces answer a mail (RFC 3834 auto-replied); the rest Sigap generates: neither invites an automatic answer.
          headers: { "Auto-Submitted": message.payload["template"] === "bounce" ? "auto-replied" : "auto-generated", "X-Sigap-Event": message.eventId },
        }).compile();
        // Built in memory first, the message reaches the socket in one write instead of one per MIME
        // chunk: under load those small writes were most of what a mail cost the gateway (bench `notify`).
        const raw = await composed.build();
        const info = await transport.sendMail({ envelope: composed.getEnvelope(), raw });
        return { ok: true, retryable: false, detail: info.response ?? "sent", latencyMs: Date.now() - started };
      } catch (err) {
        const e = err as { responseCode?: number; message?: string; code?: string };
        const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
        return {
          ok: false,
          retryable: !permanent,
          detail: `${e.code ?? "SMTP"}: ${e.message ?? String(err)}`.slice(0, 300),
          ...(e.responseCode ? { statusCode: e.responseCode } : {}),
          latencyMs: Date.now() - started,
        };
      }
    },
  };
}
