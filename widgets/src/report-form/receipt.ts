/**
 * The report form's success screen: the ticket code (spelled for screen readers), copy, the
 * tracking link and the due times. Loaded on demand, while the report is on its way: most page
 * views never send a report, so the form's first load does not carry it.
 */
import { css, html, nothing, type TemplateResult } from "lit";
import type { LocaleController } from "../shared/locale.js";
import { spellTicketCode } from "../shared/ticket-code.js";
import type { ReportReceipt } from "./report-form.component.js";

/** The success screen's words, in both languages: they travel with it rather than weigh on the form. */
const words = {
  en: {
    received: "Report received",
    codeLabel: "Your ticket code",
    dot: "dot",
    copy: "Copy code",
    copied: "Code copied.",
    copyManual: "Code selected: press Ctrl+C to copy.",
    track: "Follow your ticket",
    keepLink: "Keep this link: it opens your ticket.",
    priority: "Priority",
    P1: "P1 Critical",
    P2: "P2 High",
    P3: "P3 Medium",
    P4: "P4 Low",
    P5: "P5 Planning",
    responseDue: "First response by",
    resolutionDue: "Resolution by",
    another: "Report another problem",
    earlier: "An earlier version of this report had already arrived; add your changes as a reply on the ticket.",
    findAgain: "To open it again, the tracker asks for:",
    SIGN_IN: "signing in on this site (see My tickets)",
    CODE: "the ticket code",
    EMAIL: "the e-mail you gave",
    PHONE: "or the phone number you gave",
    TRACKING_TOKEN: "the tracking token in the link above",
  },
  id: {
    received: "Laporan diterima",
    codeLabel: "Nomor tiket anda",
    dot: "titik",
    copy: "Salin kode",
    copied: "Kode disalin.",
    copyManual: "Kode terpilih: tekan Ctrl+C untuk menyalin.",
    track: "Pantau tiket anda",
    keepLink: "Simpan tautan ini: tautan ini membuka tiket anda.",
    priority: "Prioritas",
    P1: "P1 Kritis",
    P2: "P2 Tinggi",
    P3: "P3 Sedang",
    P4: "P4 Rendah",
    P5: "P5 Perencanaan",
    responseDue: "Ditanggapi paling lambat",
    resolutionDue: "Diselesaikan paling lambat",
    another: "Laporkan gangguan lain",
    earlier: "Versi sebelumnya dari laporan ini sudah diterima; tambahkan perubahan sebagai balasan pada tiket.",
    findAgain: "Untuk membukanya lagi, pelacak akan meminta:",
    SIGN_IN: "masuk di situs ini (lihat Tiket saya)",
    CODE: "kode tiket",
    EMAIL: "e-mail yang anda berikan",
    PHONE: "atau nomor telepon yang anda berikan",
    TRACKING_TOKEN: "token pelacakan pada tautan di atas",
  },
};

/** A key of the success screen's words. */
export type ReceiptKey = keyof typeof words.en;

/** What the success screen needs of the form. */
export interface ReceiptHost {
  /** The form's language. */
  lc: LocaleController;
  /** The report had already arrived under an earlier attempt. */
  recovered: boolean;
  /** Says something to screen readers. */
  announce(text: string): void;
  /** Starts a new report. */
  another(): void;
  /** The form's shadow root, to select the code when the clipboard is refused. */
  root: ParentNode;
}

/** What the form announces once the report is in: the code, spelled digit by digit. */
export function receivedText(host: ReceiptHost, code: string): string {
  const t = (k: ReceiptKey) => host.lc.t(words, k);
  return `${t("received")}. ${t("codeLabel")}: ${spellTicketCode(code, t("dot"))}`;
}

async function copy(host: ReceiptHost, code: string): Promise<void> {
  let ok = false;
  try {
    await navigator.clipboard.writeText(code);
    ok = true;
  } catch {
    // No clipboard API (an http page) or refused: select the code so the reader can copy it,
    // and try the old command, which still works in most browsers.
    const el = host.root.querySelector("[part~=code]");
    const selection = getSelection();
    if (el && selection) {
      const range = document.createRange();
      range.selectNodeContents(el);
      selection.removeAllRanges();
      selection.addRange(range);
      ok = document.execCommand("copy");
    }
  }
  host.announce(host.lc.t(words, ok ? "copied" : "copyManual"));
}

/** The screen's styles, adopted by the form's shadow root when it first shows (a constructed sheet: no inline style under a strict CSP). */
const styles = css`
  .receipt {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .receipt > * {
    margin: 0 0 0.75rem;
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
    color: var(--_success);
  }
  .code-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    overflow-wrap: anywhere;
  }
  .code {
    font: 700 var(--sigap-code-font-size, 2rem) ui-monospace, Menlo, Consolas, "Liberation Mono", monospace;
    letter-spacing: 0.04em;
  }
  .dot {
    margin: 0 0.2em;
    color: var(--_muted);
  }
  dt {
    color: var(--_muted);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
  }
  dd {
    margin: 0;
  }
  a {
    font-weight: 600;
    color: var(--_accent);
  }
`;

function adoptStyles(root: ParentNode): void {
  const sheet = styles.styleSheet;
  if (!sheet || !("adoptedStyleSheets" in root)) return;
  const shadow = root as ShadowRoot;
  if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}

/** The success screen for one receipt. */
export function renderReceipt(host: ReceiptHost, r: ReportReceipt): TemplateResult {
  const t = (k: ReceiptKey) => host.lc.t(words, k);
  adoptStyles(host.root);
  return html`<section part="receipt" class="receipt" tabindex="-1" aria-labelledby="received">
      <p id="received" class="title">${t("received")}</p>
      ${host.recovered ? html`<p>${t("earlier")}</p>` : nothing}
      <p class="hint">${t("codeLabel")}</p>
      <p class="code-row">
        <span part="code" class="code" aria-hidden="true">${r.code.split(".").map((g, i) => html`${i ? html`<span class="dot">.</span>` : nothing}<span>${g}</span>`)}</span>
        <span class="visually-hidden">${spellTicketCode(r.code, t("dot"))}</span>
        <button type="button" class="secondary" part="copy-button" @click=${() => copy(host, r.code)}>${t("copy")}</button>
      </p>
      <p><a part="tracking-link" href=${r.trackingUrl}>${t("track")}</a><br /><span class="hint">${t("keepLink")}</span></p>
      <p part="find-again">${t("findAgain")} ${r.findAgainWith.map((k) => t(k)).join(", ")}.</p>
      <dl>
        <dt>${t("priority")}</dt>
        <dd>${t(r.priority)}</dd>
        <dt>${t("responseDue")}</dt>
        <dd>${host.lc.dateTime(r.responseDueAt)}</dd>
        <dt>${t("resolutionDue")}</dt>
        <dd>${host.lc.dateTime(r.resolutionDueAt)}</dd>
      </dl>
      <button type="button" part="another-button" @click=${() => host.another()}>${t("another")}</button>
    </section>`;
}
