/**
 * The tracker's withdrawal part, loaded on demand (through the resolution part) only while the
 * gateway says the reporter may withdraw the ticket (`TicketView.withdrawOpen`, its
 * withdrawal.rules): "Withdraw request" asks for a short reason, then for a confirmation, then
 * sends `withdrawTicket`; the answer (CANCELLED, an approval it waited for WITHDRAWN) shows at once,
 * and the live feed brings the same a moment later.
 */
import { html, type ReactiveController, type TemplateResult } from "lit";
import type { TicketViewFieldsFragment } from "../client/generated.js";
import { request } from "../client/http.js";
import { WithdrawTicket } from "../client/withdrawal.operations.js";
import { problemText } from "../shared/problem-text.js";
import type { ResolutionHost } from "./resolution-part.js";

/** The part's words, both languages (the part loads on demand, so its Indonesian comes with it). */
export const withdrawWords = {
  en: {
    "open.request": "Withdraw request",
    "open.ticket": "Withdraw ticket",
    explain: "No longer needed? Withdraw it: the desk stops work on it and it is cancelled.",
    reason: "Why are you withdrawing it? (optional: the desk reads it)",
    confirm: "Withdraw {code}? It will be cancelled; this cannot be undone.",
    yes: "Yes, withdraw it",
    keep: "Keep it",
    sending: "Withdrawing…",
  },
  id: {
    "open.request": "Tarik permintaan",
    "open.ticket": "Tarik tiket",
    explain: "Sudah tidak diperlukan? Tarik kembali: petugas berhenti menanganinya dan tiket dibatalkan.",
    reason: "Mengapa Anda menariknya? (opsional: petugas akan membacanya)",
    confirm: "Tarik {code}? Tiket akan dibatalkan; ini tidak dapat diurungkan.",
    yes: "Ya, tarik",
    keep: "Tidak jadi",
    sending: "Menarik…",
  },
};

/** A key of the part's words. */
export type WithdrawKey = keyof typeof withdrawWords.en;

/** Where the reporter is in the withdrawal: not started, writing the reason, or asked to confirm. */
export type WithdrawStep = "idle" | "writing" | "confirming";

/** The words of the button that starts (and, once written, asks to confirm) the withdrawal: a request's, or any other ticket's. */
export function openKey(type: TicketViewFieldsFragment["type"]): WithdrawKey {
  return type === "SERVICE_REQUEST" ? "open.request" : "open.ticket";
}

/** The withdrawal's panel and its state. */
export class WithdrawalController implements ReactiveController {
  private step: WithdrawStep = "idle";
  private sending = false;
  private problem = "";
  /** The reason as typed, kept while the reporter confirms. */
  private words = "";

  constructor(private readonly host: ResolutionHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  private t(key: WithdrawKey, values?: Record<string, string | number>): string {
    return this.host.lc.t(withdrawWords, key, values);
  }

  private go(step: WithdrawStep): void {
    this.step = step;
    this.problem = "";
    this.host.requestUpdate();
  }

  private async send(v: TicketViewFieldsFragment, token: string): Promise<void> {
    this.sending = true;
    this.problem = "";
    this.host.requestUpdate();
    try {
      const data = await request(this.host.endpoint, WithdrawTicket, { code: v.code, token: token || null, input: { words: this.words.trim() || null } });
      this.step = "idle";
      this.words = "";
      this.host.show(data.withdrawTicket);
    } catch (error) {
      this.problem = problemText(this.host.lc, error);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private handleSubmit(e: SubmitEvent, v: TicketViewFieldsFragment, token: string): void {
    e.preventDefault();
    if (this.step === "writing") this.go("confirming");
    else void this.send(v, token);
  }

  /** The panel of a ticket the reporter may withdraw (the resolution part asks only while `withdrawOpen`). */
  render(v: TicketViewFieldsFragment, token: string): TemplateResult {
    const open = this.t(openKey(v.type));
    const confirming = this.step === "confirming";
    return html`<section part="withdrawal" class="panel" aria-labelledby="withdraw-title">
      <h3 id="withdraw-title">${open}</h3>
      <p class="muted">${this.t("explain")}</p>
      ${this.step === "idle"
        ? html`<button type="button" class="secondary" @click=${() => this.go("writing")}>${open}</button>`
        : html`<form novalidate @submit=${(e: SubmitEvent) => this.handleSubmit(e, v, token)}>
            <label for="withdraw-words">${this.t("reason")}</label>
            <textarea id="withdraw-words" name="words" rows="2" maxlength="5000" .value=${this.words} ?readonly=${confirming} ?disabled=${this.sending}
              aria-describedby="withdraw-status" @input=${(e: Event) => (this.words = (e.target as HTMLTextAreaElement).value)}></textarea>
            ${confirming ? html`<p role="alert"><strong>${this.t("confirm", { code: v.code })}</strong></p>` : ""}
            <div class="row end">
              <button type="button" class="secondary" ?disabled=${this.sending} @click=${() => this.go("idle")}>${this.t("keep")}</button>
              <button type="submit" ?disabled=${this.sending}>${this.sending ? this.t("sending") : confirming ? this.t("yes") : open}</button>
            </div>
          </form>`}
      <p id="withdraw-status" part="error" class="error" role="status">${this.problem}</p>
    </section>`;
  }
}
