/**
 * The tracker's closing part, loaded on demand once a ticket shows: the desk's resolution and
 * closure code once resolved, the "Download report" link
 * (the ticket's public record as a PDF, GET /documents/ticket/<code>) and, while the ticket is
 * RESOLVED (`confirmationOpen`, the gateway's rule), the closure check: "yes, it is fixed" closes
 * it; "no" reopens it with the reporter's words, which the gateway requires. While the ticket is
 * still open and the gateway lets the reporter withdraw it (`withdrawOpen`), it loads the
 * withdrawal part (withdraw-part.ts) on demand: the tracker's own first load carries none of it.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import { ConfirmResolution } from "../client/confirmation.operations.js";
import type { TicketViewFieldsFragment } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import type { LocaleController } from "../shared/locale.js";
import { problemText } from "../shared/problem-text.js";
import { ticketText } from "../shared/ticket-text.js";
import type { WithdrawalController } from "./withdraw-part.js";

const words = {
  en: {
    download: "Download report (PDF)",
    question: "Is the problem solved?",
    explain: "The desk marked this ticket resolved. Tell us whether it works for you now.",
    fixed: "Yes, it is fixed",
    notFixed: "No, it is not fixed",
    what: "What is still not working?",
    send: "Reopen the ticket",
    needWords: "Tell us what is still not working.",
    sending: "Sending…",
  },
  id: {
    download: "Unduh laporan (PDF)",
    question: "Apakah masalahnya sudah teratasi?",
    explain: "Petugas menandai tiket ini selesai ditangani. Beri tahu kami apakah sekarang sudah berfungsi.",
    fixed: "Ya, sudah teratasi",
    notFixed: "Belum teratasi",
    what: "Apa yang masih belum berfungsi?",
    send: "Buka kembali tiket",
    needWords: "Ceritakan apa yang masih belum berfungsi.",
    sending: "Mengirim…",
  },
};

/** What the part needs of the tracker. */
export interface ResolutionHost extends ReactiveControllerHost {
  readonly endpoint: Endpoint;
  readonly lc: LocaleController;
  /** Shows the ticket as the gateway answered (the live feed brings the same a moment later). */
  show(view: TicketViewFieldsFragment): void;
}

/** The report's download address for a reporter: code, tracking token and site key in its query, in the reader's language. */
export function reportUrl(endpoint: Endpoint, code: string, token: string, lang: string, base: string = document.baseURI): string {
  const url = new URL(`/documents/ticket/${encodeURIComponent(code)}`, new URL(endpoint.url, base));
  url.search = new URLSearchParams({ token, siteKey: endpoint.siteKey ?? "", lang }).toString();
  return url.href;
}

/** The download link and the closure check, and their state. */
export class ResolutionController implements ReactiveController {
  /** The reporter chose "not fixed" and is writing what is wrong. */
  writing = false;
  sending = false;
  problem = "";
  /** The withdrawal panel (withdraw-part.ts), loaded the first time a ticket may be withdrawn. */
  private withdrawal: WithdrawalController | undefined;

  constructor(private readonly host: ResolutionHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  private t(k: keyof typeof words.en): string {
    return this.host.lc.t(words, k);
  }

  private async answer(v: TicketViewFieldsFragment, token: string, fixed: boolean, said: string): Promise<void> {
    this.problem = "";
    if (!fixed && !said.trim()) {
      this.problem = this.t("needWords");
      this.host.requestUpdate();
      return;
    }
    this.sending = true;
    this.host.requestUpdate();
    try {
      const input = fixed ? { answer: "FIXED" as const } : { answer: "NOT_FIXED" as const, words: said };
      const data = await request(this.host.endpoint, ConfirmResolution, { code: v.code, token: token || null, input });
      this.writing = false;
      this.host.show(data.confirmResolution);
    } catch (error) {
      this.problem = problemText(this.host.lc, error);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private handleSubmit(e: SubmitEvent, v: TicketViewFieldsFragment, token: string): void {
    e.preventDefault();
    void this.answer(v, token, false, String(new FormData(e.target as HTMLFormElement).get("words") ?? ""));
  }

  /** The withdrawal panel while the gateway allows it; loads its part the first time. */
  private renderWithdrawal(v: TicketViewFieldsFragment, token: string): TemplateResult | typeof nothing {
    if (!v.withdrawOpen) return nothing;
    if (this.withdrawal) return this.withdrawal.render(v, token);
    void import("./withdraw-part.js").then((m) => {
      this.withdrawal ??= new m.WithdrawalController(this.host);
      this.host.requestUpdate();
    });
    return nothing;
  }

  /** The desk's resolution and its closure code, once given. */
  private renderResolution(v: TicketViewFieldsFragment): TemplateResult | typeof nothing {
    if (!v.resolution) return nothing;
    const lc = this.host.lc;
    return html`<section class="panel"><h3>${lc.t(ticketText, "resolution")}</h3><p class="msg">${v.resolution}</p>${v.closureLabel ? html`<p class="meta">${lc.t(ticketText, "closureCode")}: ${v.closureLabel[lc.lang]}</p>` : nothing}</section>`;
  }

  /** The resolution, the link (with a tracking token only: a signed-in reporter's copy needs one too), while resolved the check, while open the withdrawal. */
  render(v: TicketViewFieldsFragment, token: string): TemplateResult {
    const check = v.confirmationOpen
      ? html`<section part="confirmation" class="panel" aria-labelledby="confirm-title">
          <h3 id="confirm-title">${this.t("question")}</h3>
          <p class="muted">${this.t("explain")}</p>
          ${this.writing
            ? html`<form novalidate @submit=${(e: SubmitEvent) => this.handleSubmit(e, v, token)}>
                <label for="not-fixed">${this.t("what")}</label>
                <textarea id="not-fixed" name="words" rows="3" maxlength="5000" required aria-describedby="confirm-status"></textarea>
                <button type="submit" ?disabled=${this.sending}>${this.sending ? this.t("sending") : this.t("send")}</button>
              </form>`
            : html`<div class="row">
                <button type="button" ?disabled=${this.sending} @click=${() => this.answer(v, token, true, "")}>${this.t("fixed")}</button>
                <button type="button" class="secondary" ?disabled=${this.sending} @click=${() => {
                  this.writing = true;
                  this.host.requestUpdate();
                }}>${this.t("notFixed")}</button>
              </div>`}
          <p id="confirm-status" class=${this.problem ? "error" : "muted"} role="status">${this.problem}</p>
        </section>`
      : nothing;
    const link = token
      ? html`<p><a part="report-link" href=${reportUrl(this.host.endpoint, v.code, token, this.host.lc.lang)} rel="noopener noreferrer" download>${this.t("download")}</a></p>`
      : nothing;
    return html`${this.renderResolution(v)}${check}${link}${this.renderWithdrawal(v, token)}`;
  }
}
