/**
 * The tracker's "get back in" part, loaded on demand: asks for a one-time link by ticket code and
 * the e-mail or phone given on the report (the gateway answers the same whether or not they
 * matched), and opens a mailed link (`?code=…&link=…`) by exchanging it for a tracking token.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import { request, type Endpoint } from "../client/http.js";
import { OpenTrackingLink, RequestTrackingLink } from "../client/identity.operations.js";
import type { LocaleController } from "../shared/locale.js";
import { problemText } from "../shared/problem-text.js";

const words = {
  en: {
    title: "Lost your tracking link?",
    contact: "E-mail or phone given on the report",
    send: "E-mail me a link",
    sent: "If the code and contact match a ticket, a link is on its way to the report's e-mail address. It works once, for 30 minutes.",
    needBoth: "Enter the ticket code and the e-mail or phone number you gave on the report.",
  },
  id: {
    title: "Kehilangan tautan pelacakan?",
    contact: "E-mail atau telepon pada laporan",
    send: "Kirim tautan ke e-mail saya",
    sent: "Jika kode dan kontak cocok dengan sebuah tiket, tautan sedang dikirim ke e-mail pada laporan. Tautan berlaku sekali, selama 30 menit.",
    needBoth: "Masukkan kode tiket dan e-mail atau nomor telepon yang Anda berikan pada laporan.",
  },
};

/** The page's address without its one-time link, which opens nothing once used. */
export function withoutLink(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("link");
  return url.href;
}

/** Exchanges a one-time link for the ticket's code and a fresh tracking token. */
export async function openLink(endpoint: Endpoint, link: string): Promise<{ code: string; trackingToken: string }> {
  return (await request(endpoint, OpenTrackingLink, { link })).openTrackingLink;
}

/** What the part needs of the tracker. */
export interface LinkRequestHost extends ReactiveControllerHost {
  readonly endpoint: Endpoint;
  readonly lc: LocaleController;
}

/** The "e-mail me a link" form and its state. */
export class LinkRequestController implements ReactiveController {
  sending = false;
  note = "";
  problem = "";

  constructor(private readonly host: LinkRequestHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  private t(k: keyof typeof words.en): string {
    return this.host.lc.t(words, k);
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const code = String(data.get("code") ?? "").trim();
    const contact = String(data.get("contact") ?? "").trim();
    this.note = this.problem = "";
    if (!code || !contact) {
      this.problem = this.t("needBoth");
      this.host.requestUpdate();
      return;
    }
    this.sending = true;
    this.host.requestUpdate();
    try {
      await request(this.host.endpoint, RequestTrackingLink, { code, contact });
      this.note = this.t("sent");
    } catch (error) {
      this.problem = problemText(this.host.lc, error);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  /** The form. */
  render(code: string): TemplateResult {
    return html`<form part="link-form" class="panel" novalidate @submit=${(e: SubmitEvent) => this.handleSubmit(e)} aria-labelledby="link-title">
      <h3 id="link-title">${this.t("title")}</h3>
      <div class="row">
        <label>${this.host.lc.t({ en: { c: "Ticket code" }, id: { c: "Kode tiket" } }, "c")}<input name="code" .value=${code} autocomplete="off" spellcheck="false" required /></label>
        <label>${this.t("contact")}<input name="contact" autocomplete="email" required /></label>
      </div>
      <p part="link-status" class=${this.problem ? "error" : "muted"} role="status">${this.problem || this.note}</p>
      <button type="submit" ?disabled=${this.sending}>${this.t("send")}</button>
    </form>`;
  }
}
