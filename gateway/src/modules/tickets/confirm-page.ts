/**
 * The closure check's small page on the gateway, reached from the resolution mail (the reporter
 * may have no tracking token at hand): the resolution, "yes, it is fixed", or what is still wrong,
 * and what their answer came to. Pure HTML in the reporter's language, no script, its stylesheet
 * allowed by a nonce.
 */
import type { MailLanguage } from "../notifications/mail-language.js";
import { escapeHtml } from "../notifications/mail.rules.js";

const W = {
  en: {
    title: "Is the problem solved?",
    resolved: "The service desk resolved ticket {code}:",
    fixed: "Yes, it is fixed",
    what: "Not fixed? Tell us what is still not working:",
    notFixed: "No, it is not fixed",
    closed: "Thank you. Ticket {code} is closed.",
    reopened: "Thank you. Ticket {code} is back with the service desk, with your words.",
    gone: "This link no longer opens the check: the ticket has moved on since this mail was sent.",
    track: "Open the ticket",
  },
  id: {
    title: "Apakah masalahnya sudah teratasi?",
    resolved: "Service desk telah menangani tiket {code}:",
    fixed: "Ya, sudah teratasi",
    what: "Belum teratasi? Ceritakan apa yang masih belum berfungsi:",
    notFixed: "Belum teratasi",
    closed: "Terima kasih. Tiket {code} ditutup.",
    reopened: "Terima kasih. Tiket {code} kembali ditangani service desk, dengan keterangan Anda.",
    gone: "Tautan ini tidak lagi membuka konfirmasi: tiket sudah berubah sejak e-mail ini dikirim.",
    track: "Buka tiket",
  },
} as const;

/** What the page shows. */
export type ConfirmPageState =
  | { kind: "ask"; code: string; resolution: string | null; sig: string; problem: string | null }
  | { kind: "done"; code: string; closed: boolean }
  | { kind: "gone" };

const CSS = "body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#111}blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #1d4ed8;background:#f3f4f6}textarea{width:100%;box-sizing:border-box}button{font:inherit;padding:.5rem 1rem;margin:.5rem .5rem .5rem 0}.error{color:#b91c1c}";

/** The page, in `lang`, with its stylesheet allowed by `nonce`. */
export function confirmPage(state: ConfirmPageState, lang: MailLanguage, nonce: string, trackerUrl: string | null): string {
  const w = W[lang];
  const fill = (text: string, code: string) => escapeHtml(text.replace("{code}", code));
  let body: string;
  if (state.kind === "ask") {
    body = `<h1>${escapeHtml(w.title)}</h1><p>${fill(w.resolved, state.code)}</p>${state.resolution ? `<blockquote>${escapeHtml(state.resolution)}</blockquote>` : ""}
<form method="post"><input type="hidden" name="sig" value="${escapeHtml(state.sig)}"><button type="submit" name="answer" value="FIXED">${escapeHtml(w.fixed)}</button></form>
<form method="post"><input type="hidden" name="sig" value="${escapeHtml(state.sig)}"><label for="words">${escapeHtml(w.what)}</label>
<textarea id="words" name="words" rows="4" maxlength="5000" required${state.problem ? ' aria-describedby="problem"' : ""}></textarea>
${state.problem ? `<p id="problem" class="error" role="alert">${escapeHtml(state.problem)}</p>` : ""}<button type="submit" name="answer" value="NOT_FIXED">${escapeHtml(w.notFixed)}</button></form>`;
  } else if (state.kind === "done") {
    body = `<h1>${escapeHtml(w.title)}</h1><p role="status">${fill(state.closed ? w.closed : w.reopened, state.code)}</p>`;
  } else {
    body = `<h1>${escapeHtml(w.title)}</h1><p>${escapeHtml(w.gone)}</p>`;
  }
  const track = trackerUrl ? `<p><a href="${escapeHtml(trackerUrl)}">${escapeHtml(w.track)}</a></p>` : "";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(w.title)}</title><style nonce="${nonce}">${CSS}</style></head><body><main>${body}${track}</main></body></html>`;
}
