/**
 * The tracker's "my tickets" part, loaded on demand when a reporter token is given and no ticket
 * is open: the identified reporter's tickets with their status and unread desk replies, live
 * (`myTicketsChanged` pushes the first page again), and more pages on request.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { MyTicketPageFieldsFragment } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { subscribe } from "../client/live.js";
import { MyTickets, MyTicketsChanged } from "../client/identity.operations.js";
import type { LocaleController } from "../shared/locale.js";
import { problemText } from "../shared/problem-text.js";
import { priorityLabel, statusLabel } from "../shared/ticket-text.js";

/** One of the reporter's tickets. */
export type MyTicket = MyTicketPageFieldsFragment["items"][number];

const words = {
  en: { title: "My tickets", none: "You have not reported anything on this site yet.", more: "Show more", unread: "{n} new replies", loading: "Loading…", open: "Open" },
  id: { title: "Tiket saya", none: "Anda belum melaporkan apa pun di situs ini.", more: "Tampilkan lagi", unread: "{n} balasan baru", loading: "Memuat…", open: "Buka" },
};

/**
 * The list after the first page arrived again: the pushed first page, then the tickets of later
 * pages already shown that it does not hold (tickets never reorder: newer ones only come first).
 */
export function mergeFirstPage(shown: readonly MyTicket[], first: readonly MyTicket[]): MyTicket[] {
  const fresh = new Set(first.map((t) => t.code));
  const oldestFirst = first.at(-1)?.code;
  const cut = oldestFirst ? shown.findIndex((t) => t.code === oldestFirst) : -1;
  return [...first, ...shown.slice(cut + 1).filter((t) => !fresh.has(t.code))];
}

/** What the part needs of the tracker. */
export interface MyTicketsHost extends ReactiveControllerHost {
  /** The gateway, with the site key and the reporter token. */
  readonly endpoint: Endpoint;
  readonly lc: LocaleController;
  /** Opens one ticket in the tracker. */
  open(code: string): void;
}

/** Loads and follows the reporter's tickets while the tracker shows them. */
export class MyTicketsController implements ReactiveController {
  items: MyTicket[] = [];
  next: string | null = null;
  state: "loading" | "ready" | "failed" = "loading";
  problem = "";
  private stopLive: (() => void) | undefined;

  constructor(private readonly host: MyTicketsHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.start();
  }

  hostDisconnected(): void {
    this.stopLive?.();
    this.stopLive = undefined;
  }

  /** Loads the first page and listens for changes, once per connection. */
  start(): void {
    if (this.stopLive) return;
    void this.load(null);
    this.stopLive = subscribe(this.host.endpoint, MyTicketsChanged, {}, {
      next: (data) => this.show(data.myTicketsChanged, true),
      error: (error) => this.fail(error),
      connected: (reconnected) => reconnected && void this.load(null),
    });
  }

  /** Reads the first page again (back from a ticket: its replies are read now). */
  reload(): Promise<void> {
    return this.load(null);
  }

  /** Loads the next page. */
  more(): Promise<void> {
    return this.load(this.next);
  }

  private async load(after: string | null): Promise<void> {
    try {
      const data = await request(this.host.endpoint, MyTickets, { after });
      this.show(data.myTickets, after === null);
    } catch (error) {
      this.fail(error);
    }
  }

  private show(page: MyTicketPageFieldsFragment, first: boolean): void {
    if (first) {
      const merged = mergeFirstPage(this.items, page.items);
      // The pushed first page knows the next cursor only when no later page was loaded yet.
      if (this.items.length <= page.items.length) this.next = page.nextCursor;
      this.items = merged;
    } else {
      this.items = [...this.items, ...page.items];
      this.next = page.nextCursor;
    }
    this.state = "ready";
    this.host.requestUpdate();
  }

  private fail(error: unknown): void {
    this.problem = problemText(this.host.lc, error);
    this.state = "failed";
    this.host.requestUpdate();
  }

  /** The list, or where it stands. */
  render(): TemplateResult {
    const lc = this.host.lc;
    const t = (k: keyof typeof words.en, v?: Record<string, number>) => lc.t(words, k, v);
    return html`<style>
        .mine {
          list-style: none;
          padding: 0;
          display: grid;
          gap: 0.5rem;
        }
        .mine li {
          display: flex;
          flex-wrap: wrap;
          align-items: center;
          gap: 0.5rem;
        }
        .mine .summary {
          flex-basis: 100%;
        }
      </style>
      <section part="my-tickets" class="panel" aria-labelledby="mine-title">
      <h2 id="mine-title">${t("title")}</h2>
      ${this.state === "failed"
        ? html`<p part="error" class="error" role="alert">${this.problem}</p>`
        : this.state === "loading"
          ? html`<p class="muted" role="status">${t("loading")}</p>`
          : this.items.length
            ? html`<ul class="mine">
                ${this.items.map(
                  (x) => html`<li part="my-ticket">
                    <button type="button" class="secondary" @click=${() => this.host.open(x.code)} aria-label="${t("open")} ${x.code}">
                      <span class="code">${x.code}</span>
                    </button>
                    <span part="badge status" class="badge ${x.status}">${statusLabel(lc, x.status)}</span>
                    <span class="muted">${priorityLabel(lc, x.priority)} · ${lc.dateTime(x.createdAt)}</span>
                    ${x.unreadReplies ? html`<strong part="unread">${t("unread", { n: x.unreadReplies })}</strong>` : nothing}
                    <span class="summary">${x.summary}</span>
                  </li>`,
                )}
              </ul>
              ${this.next ? html`<button type="button" class="secondary" @click=${() => this.more()}>${t("more")}</button>` : nothing}`
            : html`<p class="muted">${t("none")}</p>`}
    </section>`;
  }
}
