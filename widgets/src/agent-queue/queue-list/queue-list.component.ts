import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { LocaleController } from "../../shared/locale.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { priorityLabel, statusLabel } from "../../shared/ticket-text.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import { deskText, indonesian } from "../agent-queue.messages.js";
import { RowKeysController } from "../controllers/keyboard.controller.js";
import { directoryNames } from "../desk-directory.js";
import { notify, type Directory, type Row } from "../desk-parts.js";
import { renderCountdown, renderTypeBadge } from "../desk-render.js";
import { queueListStyles } from "./queue-list.styles.js";

/** The list's columns, in order, each with its class (narrow lists hide some; see the styles). */
export const QUEUE_COLUMNS = ["code", "priority", "status", "reporter", "service", "assignee", "sla"] as const;

/** Who holds a ticket, as the list says it: the assignee, else the group, else "" (unassigned). */
export function rowHolder(row: Pick<Row, "assigneeId" | "groupId">, names: ReadonlyMap<string, string>): string {
  return (row.assigneeId && names.get(row.assigneeId)) || (row.groupId && names.get(row.groupId)) || "";
}

/** Detail of `sigap-ticket-open`: the row an agent opened. */
export interface SigapTicketOpenDetail {
  id: string;
}

/**
 * The queue's table: one row per ticket with its type (requests and work orders), priority, SLA countdown and who holds it, one tab
 * stop with arrow-key navigation, and a "load more" button. It shows what it is given; the shell
 * (or any host) reads the gateway.
 *
 * @summary The ticket rows of the agent queue.
 * @tagname sigap-queue-list
 *
 * @csspart table - The queue table.
 * @csspart row - One ticket row (unread rows also `unread`).
 * @csspart dot - The unread marker.
 * @csspart badge - A priority badge (also `priority`), or a request's or work order's type badge beside its code (also `type`).
 * @csspart countdown - The SLA countdown of a row.
 * @csspart more - The "load more" button.
 * @csspart error - A failure to load the queue.
 *
 * @fires {CustomEvent<SigapTicketOpenDetail>} sigap-ticket-open - A row was clicked or opened with Enter or Space.
 * @fires {CustomEvent<null>} sigap-queue-more - The agent asked for the next page.
 */
export class SigapQueueList extends LitElement {
  static override styles = [themeStyles, ticketStyles, queueListStyles];

  static override properties: PropertyDeclarations = {
    rows: { attribute: false },
    directory: { attribute: false },
    selected: {},
    fresh: { attribute: false },
    loading: { type: Boolean },
    problem: {},
    hasNextPage: { type: Boolean, attribute: "has-next-page" },
    now: { type: Number },
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly keys = new RowKeysController(this, {
    ids: () => this.rows.map((r) => r.id),
    element: (id) => this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${id}"]`),
    focused: () => this.renderRoot.querySelector<HTMLElement>("tbody tr:focus"),
    activate: () => this.requestUpdate(),
    open: (id) => notify<SigapTicketOpenDetail>(this, "sigap-ticket-open", { id }),
  });

  /** The tickets, in the gateway's order. */
  rows: Row[] = [];
  /** The site's directory, for service, group and agent names and the SLA windows. */
  directory: Directory | null = null;
  /** The id of the ticket open beside the list. */
  selected = "";
  /** Ids of rows to highlight: arrived or changed live since the agent looked. */
  fresh: ReadonlySet<string> = new Set();
  /** Whether a read is under way. */
  loading = false;
  /** A failure to load, in words. */
  problem = "";
  /** Whether there are more rows to load. */
  hasNextPage = false;
  /** The time the countdowns read (epoch ms). @default the time of the first render */
  now = Date.now();
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private names = new Map<string, string>();

  protected override willUpdate(): void {
    if (this.directory) this.names = directoryNames(this.directory);
  }

  /** Moves focus to the row holding the tab stop. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>(`tr[tabindex="0"]`)?.focus();
  }

  private nameOf(id: string | null | undefined): string {
    return (id && this.names.get(id)) || "";
  }

  private handleClick(e: Event): void {
    const id = (e.target as HTMLElement).closest("tr")?.dataset["id"];
    if (id && this.rows.some((r) => r.id === id)) notify<SigapTicketOpenDetail>(this, "sigap-ticket-open", { id });
  }

  override render(): TemplateResult {
    const t = (k: Parameters<typeof deskText>[1], v?: Record<string, string | number>): string => deskText(this.lc, k, v);
    const active = this.rows.some((r) => r.id === this.keys.active) ? this.keys.active : this.rows[0]?.id;
    return html`<div class="scroll">
        <table part="table" role="grid" aria-readonly="true" aria-label=${t("title")} aria-busy=${this.loading ? "true" : "false"}>
          <thead>
            <tr>
              ${QUEUE_COLUMNS.map((c) => html`<th scope="col" class="c-${c}">${t(c)}</th>`)}
            </tr>
          </thead>
          <tbody @click=${this.handleClick} @keydown=${this.keys.handleKey} @focusin=${this.keys.handleFocus}>
            ${this.rows.map(
              // The open ticket is being read: no unread marker, whatever a read under way says.
              (r, _, __, unread = r.unread && r.id !== this.selected) => html`<tr
                part="row"
                data-id=${r.id}
                tabindex=${r.id === active ? "0" : "-1"}
                aria-selected=${r.id === this.selected ? "true" : "false"}
                class=${(this.fresh.has(r.id) ? "fresh " : "") + (unread ? "unread" : "")}
              >
                <td class="c-code"><span class="code">${unread ? html`<i part="dot" role="img" aria-label=${t("unread")}></i>` : nothing}${r.code}</span>${renderTypeBadge(this.lc, r)}</td>
                <td class="c-priority"><span part="badge priority" class="badge ${r.priority}">${priorityLabel(this.lc, r.priority)}</span></td>
                <td class="c-status">${statusLabel(this.lc, r.status)}</td>
                <td class="c-reporter">${r.reporterName}</td>
                <td class="c-service">${this.nameOf(r.serviceId) || "—"}</td>
                <td class="c-assignee">${rowHolder(r, this.names) || t("unassigned")}</td>
                <td class="c-sla">${renderCountdown(this.lc, r, this.now, this.directory)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${!this.rows.length && !this.loading ? html`<p class="muted">${t("empty")}</p>` : nothing}
      <p part="error" class="error" role="alert">${this.problem}</p>
      <div class="row end">
        <span class="grow muted">${this.loading ? t("loading") : t("count", { n: this.rows.length })}</span>
        ${this.hasNextPage
          ? html`<button part="more" type="button" class="secondary" ?disabled=${this.loading} @click=${() => notify(this, "sigap-queue-more", null)}>${t("more")}</button>`
          : nothing}
      </div>`;
  }
}
