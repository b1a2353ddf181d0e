/**
 * Sigap's mail, in Indonesian and English. Each template says what the mail holds once, as a
 * subject, paragraphs and an optional button; the HTML and plain-text bodies are both drawn from
 * that, with every value escaped for HTML. No template engine: nothing here evaluates text.
 */
import type { MailLanguage } from "./mail-language.js";
import { escapeHtml, safeColor, safeUrl } from "./mail.rules.js";
import { formatRupiah } from "../workorders/work-order.document.js";
import { lineAmount, type CostLine } from "../workorders/work-order.rules.js";

/** Every template a mail payload may name. */
export const MAIL_TEMPLATES = [
  "receipt", "agent-reply", "status-changed", "resolved", "closed",
  "desk-assigned", "desk-escalated", "desk-reporter-message", "sla-step", "bounce", "webhook-disabled",
  "tracking-link", "approval-requested", "cost-proposed",
  "password-reset", "agent-invite",
  "recap",
] as const;

/** One of {@link MAIL_TEMPLATES}. */
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** The site's look in its mail. */
export interface MailBrand {
  siteName: string;
  accentColor: string | null;
  logoUrl: string | null;
  timeZone: string;
}

/** A mail ready to send. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What a template says. */
interface Content {
  subject: string;
  paragraphs: string[];
  /** A quoted message (a reply, the reporter's words), shown apart. */
  quote?: string | null;
  action?: { label: string; url: string } | null;
}

type Vars = Record<string, unknown>;
type Helpers = { s: (k: string) => string; d: (k: string) => string; status: (k: string) => string };
type Write = (v: Vars, h: Helpers) => Content;

const STATUS: Record<MailLanguage, Record<string, string>> = {
  id: { NEW: "Baru", ASSIGNED: "Ditugaskan", IN_PROGRESS: "Sedang dikerjakan", PENDING: "Menunggu", RESOLVED: "Selesai ditangani", CLOSED: "Ditutup", CANCELLED: "Dibatalkan" },
  en: { NEW: "New", ASSIGNED: "Assigned", IN_PROGRESS: "In progress", PENDING: "Pending", RESOLVED: "Resolved", CLOSED: "Closed", CANCELLED: "Cancelled" },
};

/** Whole rupiah as each language writes it: "Rp 1.600.000" / "IDR 1,600,000". */
const rupiah = (language: MailLanguage, amount: unknown) => formatRupiah(language, Number(amount) || 0);
/** A cost proposal's lines, one a line, with their amounts. */
const costLines = (v: Vars, language: MailLanguage) =>
  (Array.isArray(v["lines"]) ? (v["lines"] as CostLine[]) : []).map((l) => `${l.description}: ${l.quantity} × ${rupiah(language, l.unitAmount)} = ${rupiah(language, lineAmount(l))}`).join("\n");

const link = (v: Vars, label: string) => (typeof v["link"] === "string" && v["link"] ? { label, url: v["link"] } : null);

const TEMPLATES: Record<MailTemplate, Record<MailLanguage, Write>> = {
  receipt: {
    id: (v, h) => ({
      subject: `Laporan Anda diterima: ${h.s("code")}`,
      paragraphs: [
        `Halo ${h.s("reporterName")}, laporan Anda telah kami terima dengan nomor tiket ${h.s("code")}.`,
        `Prioritas: ${h.s("priority")}. Tanggapan pertama paling lambat ${h.d("responseDueAt")}; target penyelesaian ${h.d("resolutionDueAt")}.`,
        "Simpan e-mail ini: tautan di bawah membuka tiket Anda tanpa perlu masuk.",
        v["identified"]
          ? "Tiket ini juga ada di daftar Tiket saya saat Anda masuk di situs kami."
          : `Bila e-mail ini hilang, pelacak meminta kode tiket ${h.s("code")} dan alamat e-mail ini, lalu mengirim tautan baru ke sini.`,
      ],
      action: link(v, "Lacak tiket"),
    }),
    en: (v, h) => ({
      subject: `We received your report: ${h.s("code")}`,
      paragraphs: [
        `Hello ${h.s("reporterName")}, we received your report as ticket ${h.s("code")}.`,
        `Priority: ${h.s("priority")}. First response by ${h.d("responseDueAt")}; resolution target ${h.d("resolutionDueAt")}.`,
        "Keep this e-mail: the link below opens your ticket without signing in.",
        v["identified"]
          ? "The ticket is also listed under My tickets when you sign in on our site."
          : `If you lose this e-mail, the tracker asks for the ticket code ${h.s("code")} and this e-mail address, and sends a new link here.`,
      ],
      action: link(v, "Track your ticket"),
    }),
  },
  "tracking-link": {
    id: (v, h) => ({
      subject: `Tautan untuk membuka tiket ${h.s("code")}`,
      paragraphs: [
        `Seseorang meminta tautan untuk membuka tiket ${h.s("code")} dengan alamat ini.`,
        `Tautan di bawah membuka tiket satu kali dan berlaku ${h.s("minutes")} menit; tautan pelacakan lama tidak berlaku lagi setelah dipakai.`,
        "Bila Anda tidak memintanya, abaikan e-mail ini.",
      ],
      action: link(v, "Buka tiket"),
    }),
    en: (v, h) => ({
      subject: `Your link to ticket ${h.s("code")}`,
      paragraphs: [
        `Someone asked for a link to open ticket ${h.s("code")} with this address.`,
        `The link below opens the ticket once and works for ${h.s("minutes")} minutes; once used, your earlier tracking link stops working.`,
        "If you did not ask for it, ignore this e-mail.",
      ],
      action: link(v, "Open the ticket"),
    }),
  },
  "agent-reply": {
    id: (v, h) => ({ subject: `Balasan untuk tiket ${h.s("code")}`, paragraphs: [`${h.s("agentName")} membalas tiket ${h.s("code")}:`], quote: h.s("body"), action: link(v, "Buka tiket") }),
    en: (v, h) => ({ subject: `Reply on ticket ${h.s("code")}`, paragraphs: [`${h.s("agentName")} replied on ticket ${h.s("code")}:`], quote: h.s("body"), action: link(v, "Open the ticket") }),
  },
  "status-changed": {
    id: (v, h) => ({ subject: `Tiket ${h.s("code")}: ${h.status("to")}`, paragraphs: [`Status tiket ${h.s("code")} berubah dari ${h.status("from")} menjadi ${h.status("to")}.`], quote: h.s("note") || null, action: link(v, "Buka tiket") }),
    en: (v, h) => ({ subject: `Ticket ${h.s("code")}: ${h.status("to")}`, paragraphs: [`Ticket ${h.s("code")} moved from ${h.status("from")} to ${h.status("to")}.`], quote: h.s("note") || null, action: link(v, "Open the ticket") }),
  },
  resolved: {
    id: (v, h) => ({
      subject: `Tiket ${h.s("code")} telah ditangani`,
      paragraphs: [`Tiket ${h.s("code")} telah ditangani. Buka tiket untuk memastikan masalah sudah teratasi (atau beri tahu kami bila belum) dan menilai layanan kami.`],
      quote: h.s("resolution") || null,
      action: link(v, "Konfirmasi perbaikan"),
    }),
    en: (v, h) => ({
      subject: `Ticket ${h.s("code")} is resolved`,
      paragraphs: [`Ticket ${h.s("code")} has been resolved. Open it to confirm that the problem is solved (or tell us it is not) and to rate our service.`],
      quote: h.s("resolution") || null,
      action: link(v, "Confirm the fix"),
    }),
  },
  "cost-proposed": {
    id: (v, h) => ({
      subject: `Tiket ${h.s("code")}: biaya tambahan menunggu persetujuan Anda`,
      paragraphs: [
        `Teknisi kami mengusulkan biaya tambahan untuk tiket ${h.s("code")} sebesar ${rupiah("id", v["total"])}. Pekerjaan menunggu keputusan Anda.`,
        ...(h.s("findings") ? [`Temuan teknisi: ${h.s("findings")}`] : []),
        "Buka tiket untuk menyetujui atau menolak biaya ini.",
      ],
      quote: costLines(v, "id") || null,
      action: link(v, "Setujui atau tolak"),
    }),
    en: (v, h) => ({
      subject: `Ticket ${h.s("code")}: an extra cost awaits your decision`,
      paragraphs: [
        `Our technician proposes an extra cost of ${rupiah("en", v["total"])} on ticket ${h.s("code")}. The work waits for your decision.`,
        ...(h.s("findings") ? [`What the technician found: ${h.s("findings")}`] : []),
        "Open the ticket to accept or decline the cost.",
      ],
      quote: costLines(v, "en") || null,
      action: link(v, "Accept or decline"),
    }),
  },
  closed: {
    id: (v, h) => ({ subject: `Tiket ${h.s("code")} ditutup`, paragraphs: [`Tiket ${h.s("code")} telah ditutup. Terima kasih telah melapor.`], action: link(v, "Lihat tiket") }),
    en: (v, h) => ({ subject: `Ticket ${h.s("code")} is closed`, paragraphs: [`Ticket ${h.s("code")} is closed. Thank you for reporting.`], action: link(v, "View the ticket") }),
  },
  "desk-assigned": {
    id: (_v, h) => ({
      subject: `[${h.s("code")}] Ditugaskan kepada ${h.s("assignee")}`,
      paragraphs: [`Tiket ${h.s("code")} (${h.s("priority")}) ditugaskan kepada ${h.s("assignee")}.`, `Pelapor: ${h.s("reporterName")}.`],
      quote: h.s("description"),
    }),
    en: (_v, h) => ({
      subject: `[${h.s("code")}] Assigned to ${h.s("assignee")}`,
      paragraphs: [`Ticket ${h.s("code")} (${h.s("priority")}) is assigned to ${h.s("assignee")}.`, `Reporter: ${h.s("reporterName")}.`],
      quote: h.s("description"),
    }),
  },
  "desk-escalated": {
    id: (_v, h) => ({ subject: `[${h.s("code")}] Eskalasi: ${h.s("target")}`, paragraphs: [`Tiket ${h.s("code")} (${h.s("priority")}) dieskalasi ke ${h.s("target")}.`], quote: h.s("notes") || null }),
    en: (_v, h) => ({ subject: `[${h.s("code")}] Escalated: ${h.s("target")}`, paragraphs: [`Ticket ${h.s("code")} (${h.s("priority")}) was escalated to ${h.s("target")}.`], quote: h.s("notes") || null }),
  },
  "desk-reporter-message": {
    id: (_v, h) => ({ subject: `[${h.s("code")}] Pesan baru dari pelapor`, paragraphs: [`${h.s("reporterName")} menulis pada tiket ${h.s("code")}:`], quote: h.s("body") }),
    en: (_v, h) => ({ subject: `[${h.s("code")}] New message from the reporter`, paragraphs: [`${h.s("reporterName")} wrote on ticket ${h.s("code")}:`], quote: h.s("body") }),
  },
  // To each approver the chain asks now (approvals/approval-mail.planner.ts).
  "approval-requested": {
    id: (_v, h) => ({
      subject: `[${h.s("code")}] Menunggu persetujuan Anda: ${h.s("step")}`,
      paragraphs: [`${h.s("reporterName")} meminta ${h.s("service")} (tiket ${h.s("code")}). Setujui atau tolak di Persetujuan pada meja layanan.`],
      quote: h.s("description"),
    }),
    en: (_v, h) => ({
      subject: `[${h.s("code")}] Waiting for your approval: ${h.s("step")}`,
      paragraphs: [`${h.s("reporterName")} requests ${h.s("service")} (ticket ${h.s("code")}). Approve or reject it under Approvals at the desk.`],
      quote: h.s("description"),
    }),
  },
  "sla-step": {
    id: (v, h) => ({
      subject: `[${h.s("code")}] SLA ${h.s("target")}: ${h.s("share")}% dari target`,
      paragraphs: [`Tiket ${h.s("code")} telah memakai ${h.s("share")}% dari target ${h.s("target")} (langkah ${h.s("step")}); batas waktu ${h.d("dueAt")}.`],
      action: link(v, "Buka tiket"),
    }),
    en: (v, h) => ({
      subject: `[${h.s("code")}] SLA ${h.s("target")}: ${h.s("share")}% of target`,
      paragraphs: [`Ticket ${h.s("code")} has used ${h.s("share")}% of its ${h.s("target")} target (step ${h.s("step")}); due ${h.d("dueAt")}.`],
      action: link(v, "Open the ticket"),
    }),
  },
  // The scheduled recap to a manager or supervisor (recaps/scheduled-recaps.service.ts); its PDF is attached as it leaves.
  recap: {
    id: (_v, h) => ({
      subject: `${h.s("title")}: ${h.s("periodText")}`,
      paragraphs: [
        `${h.s("title")} untuk ${h.s("scope")}, ${h.s("periodText")}.`,
        `Tiket masuk ${h.s("ticketsIn")} · diselesaikan ${h.s("resolved")} · ditutup ${h.s("closed")} · tunggakan di akhir periode ${h.s("backlog")}.`,
        "Angka lengkap dan rinciannya ada di lampiran PDF.",
      ],
    }),
    en: (_v, h) => ({
      subject: `${h.s("title")}: ${h.s("periodText")}`,
      paragraphs: [
        `${h.s("title")} for ${h.s("scope")}, ${h.s("periodText")}.`,
        `Tickets in ${h.s("ticketsIn")} · resolved ${h.s("resolved")} · closed ${h.s("closed")} · backlog at the period's end ${h.s("backlog")}.`,
        "The full figures and breakdowns are in the attached PDF.",
      ],
    }),
  },
  bounce: {
    id: (_v, h) => ({ subject: `Tidak terkirim: ${h.s("originalSubject")}`, paragraphs: ["E-mail Anda tidak dapat kami terima:", h.s("reason")] }),
    en: (_v, h) => ({ subject: `Not delivered: ${h.s("originalSubject")}`, paragraphs: ["We could not accept your e-mail:", h.s("reason")] }),
  },
  // To each ADMIN of the site when an endpoint is switched off (a 410, or failing for days).
  "webhook-disabled": {
    id: (_v, h) => ({
      subject: `Webhook dinonaktifkan: ${h.s("endpointUrl")}`,
      paragraphs: [
        `Halo ${h.s("adminName")}, webhook ${h.s("endpointUrl")} (${h.s("endpointDescription")}) di ${h.s("siteName")} dinonaktifkan pada ${h.d("disabledAt")}.`,
        `Alasan: ${h.s("reason")}`,
        "Aktifkan kembali setelah penerima diperbaiki (sigap webhook:list, lalu ubah endpoint) dan kirim ulang pengiriman yang gagal.",
      ],
    }),
    en: (_v, h) => ({
      subject: `Webhook disabled: ${h.s("endpointUrl")}`,
      paragraphs: [
        `Hello ${h.s("adminName")}, the webhook ${h.s("endpointUrl")} (${h.s("endpointDescription")}) of ${h.s("siteName")} was disabled at ${h.d("disabledAt")}.`,
        `Reason: ${h.s("reason")}`,
        "Enable it again once the receiver is fixed (sigap webhook:list, then update the endpoint) and replay the failed deliveries.",
      ],
    }),
  },
  // Sign-in links: sent to one agent, valid once (see agents/sign-in.service.ts).
  "password-reset": {
    id: (v, h) => ({
      subject: "Atur ulang kata sandi Anda",
      paragraphs: [`Halo ${h.s("agentName")}, seseorang meminta pengaturan ulang kata sandi akun meja layanan Anda.`, `Tautan ini berlaku sekali, sampai ${h.d("expiresAt")}. Abaikan e-mail ini bila Anda tidak memintanya.`],
      action: link(v, "Atur kata sandi baru"),
    }),
    en: (v, h) => ({
      subject: "Reset your password",
      paragraphs: [`Hello ${h.s("agentName")}, someone asked to reset the password of your service desk account.`, `The link works once, until ${h.d("expiresAt")}. Ignore this e-mail if you did not ask.`],
      action: link(v, "Set a new password"),
    }),
  },
  "agent-invite": {
    id: (v, h) => ({
      subject: `Undangan ke meja layanan ${h.s("siteName")}`,
      paragraphs: [`Halo ${h.s("agentName")}, ${h.s("inviterName")} menambahkan Anda ke meja layanan ${h.s("siteName")} sebagai ${h.s("role")}.`, `Atur kata sandi Anda melalui tautan di bawah; tautan berlaku sekali, sampai ${h.d("expiresAt")}.`],
      action: link(v, "Atur kata sandi"),
    }),
    en: (v, h) => ({
      subject: `Your invitation to the ${h.s("siteName")} service desk`,
      paragraphs: [`Hello ${h.s("agentName")}, ${h.s("inviterName")} added you to the ${h.s("siteName")} service desk as ${h.s("role")}.`, `Set your password with the link below; it works once, until ${h.d("expiresAt")}.`],
      action: link(v, "Set your password"),
    }),
  },
};

/** Whether `name` is a template Sigap can render. */
export function isMailTemplate(name: unknown): name is MailTemplate {
  return typeof name === "string" && (MAIL_TEMPLATES as readonly string[]).includes(name);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The date format of a locale in a time zone, made once: building an `Intl.DateTimeFormat` costs
 * far more than formatting with one, and every receipt formats its due times (bench `notify`).
 */
function dateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
    // Sites choose from the zone list; the bound only keeps a bug from growing it without end.
    if (dateFormats.size >= 256) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format;
}

/** Renders a template in a language with the site's brand; values are plain text, escaped for HTML here. */
export function renderMail(template: MailTemplate, language: MailLanguage, vars: Vars, brand: MailBrand): RenderedMail {
  const locale = language === "id" ? "id-ID" : "en-GB";
  const s = (k: string) => (vars[k] === undefined || vars[k] === null ? "" : String(vars[k]));
  const d = (k: string) => {
    const t = Date.parse(s(k));
    if (Number.isNaN(t)) return s(k);
    return dateFormat(locale, brand.timeZone).format(t);
  };
  const status = (k: string) => STATUS[language][s(k)] ?? s(k);
  const c = TEMPLATES[template][language]({ ...vars }, { s, d, status });
  const subject = `${c.subject} · ${brand.siteName}`.replace(/[\r\n]+/g, " ");
  const text = [
    brand.siteName,
    "",
    ...c.paragraphs.flatMap((p) => [p, ""]),
    ...(c.quote ? [c.quote.split("\n").map((l) => `> ${l}`).join("\n"), ""] : []),
    ...(c.action ? [`${c.action.label}: ${c.action.url}`, ""] : []),
    "— Sigap",
  ].join("\n");
  const color = safeColor(brand.accentColor);
  const logo = safeUrl(brand.logoUrl);
  const actionUrl = c.action ? safeUrl(c.action.url) : null;
  const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2430">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;overflow:hidden;border-top:4px solid ${color}">
<div style="padding:16px 24px;border-bottom:1px solid #e6e8eb">${logo ? `<img src="${escapeHtml(logo)}" alt="" height="32" style="vertical-align:middle;margin-right:8px">` : ""}<strong>${escapeHtml(brand.siteName)}</strong></div>
<div style="padding:8px 24px 24px">
${c.paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
${c.quote ? `<blockquote style="margin:16px 0;padding:8px 16px;border-left:3px solid ${color};background:#f8f9fa;white-space:pre-wrap">${escapeHtml(c.quote)}</blockquote>` : ""}
${c.action && actionUrl ? `<p><a href="${escapeHtml(actionUrl)}" style="display:inline-block;padding:10px 18px;background:${color};color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(c.action.label)}</a></p><p style="font-size:12px;color:#5b6472;word-break:break-all">${escapeHtml(actionUrl)}</p>` : ""}
</div></div></body></html>`;
  return { subject, text, html };
}
