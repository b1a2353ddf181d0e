import type { DataSource } from "typeorm";
import type { MailRenderer } from "./mail-renderer.js";
import { escapeHtml } from "./mail.rules.js";
import { OutboxMessageEntity } from "./outbox-message.entity.js";

/**
 * The demo's /demo/mail page: the latest mail in the outbox, rendered as it was (or would be)
 * sent, so a newcomer without an SMTP server sees what Sigap writes. Each mail sits in a
 * sandboxed iframe: its HTML is shown, never run.
 */
export async function mailPreviewPage(ds: DataSource, renderer: MailRenderer, sending: boolean, limit = 50): Promise<string> {
  const rows = await ds.getRepository(OutboxMessageEntity).find({ where: { channel: "EMAIL" }, order: { id: "DESC" }, take: limit });
  const items: string[] = [];
  for (const m of rows) {
    const mail = await renderer.render(m.siteId, JSON.parse(m.payload) as Record<string, unknown>);
    const state = m.status === "PENDING" && !sending ? "kept (no SMTP_URL)" : m.status.toLowerCase();
    items.push(`<article>
<h2>${escapeHtml(mail?.subject ?? "(unknown template)")}</h2>
<p class="meta">To <b>${escapeHtml(m.recipient)}</b> · ${escapeHtml(state)} · ${escapeHtml(m.createdAt.toISOString())}${m.lastError ? ` · ${escapeHtml(m.lastError)}` : ""}</p>
${mail ? `<iframe sandbox="" title="${escapeHtml(mail.subject)}" srcdoc="${escapeHtml(mail.html)}"></iframe><details><summary>Plain text</summary><pre>${escapeHtml(mail.text)}</pre></details>` : ""}
</article>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sigap demo: mail</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;max-width:760px}article{border:1px solid #ddd;border-radius:8px;padding:12px 16px;margin:16px 0}
h2{font-size:1.05rem;margin:0}.meta{color:#555;font-size:.85rem}iframe{width:100%;height:360px;border:1px solid #eee}pre{white-space:pre-wrap}</style></head>
<body><h1>Mail Sigap wrote</h1><p>${sending ? "SMTP_URL is set: these messages go out through it." : "No SMTP_URL: mail is kept in the outbox and shown here instead of being sent."} Newest first, at most ${limit}.</p>
${items.join("\n") || "<p>No mail yet: report an incident with an e-mail address.</p>"}</body></html>`;
}
