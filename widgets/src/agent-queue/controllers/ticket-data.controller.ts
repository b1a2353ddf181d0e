import type { ReactiveControllerHost } from "lit";
import { coalesced } from "../../shared/coalesce.js";
import type { Detail, Row } from "../desk-parts.js";

/** What a {@link TicketDataController} asks of its host. */
export interface TicketDataOptions {
  /** Reads one ticket in full (timeline, files, feedback), by id or code. */
  load(id: string): Promise<Detail>;
  /** A failed read: returns the text to show, or undefined when the host handled it (a refused token). */
  failed(error: unknown): string | undefined;
}

/**
 * The one ticket a view shows: what is known at once (a queue row), then the full ticket read from
 * the gateway. Never steps back to an older version; reads asked for while one is under way fold
 * into one more read, so the latest state is always read once more and never by overlapping requests.
 */
export class TicketDataController {
  /** The ticket shown, or null. */
  detail: Detail | null = null;
  /** The last read's failure, in words; "" when it worked. */
  problem = "";
  /** The id or code asked for, until the first read answers with the ticket's id. */
  private wanted = "";
  /** Reads the ticket again; calls made meanwhile fold into one more read. */
  readonly refresh = coalesced(() => this.read());

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TicketDataOptions,
  ) {
  }

  /** Shows a ticket known from elsewhere (a row, an action's answer): another one from scratch, the same one if newer. */
  show(t: Row | Detail): void {
    if (this.detail?.id !== t.id) {
      this.detail = { ...t };
      this.wanted = t.id;
      this.problem = "";
      this.refresh();
    } else if (t.version > this.detail.version) {
      this.detail = { ...this.detail, ...t };
      this.refresh();
    } else if (t.version === this.detail.version && "timeline" in t && t.timeline) {
      this.detail = { ...this.detail, ...t };
    } else return;
    this.host.requestUpdate();
  }

  /** Shows the ticket of this id or code, read from the gateway. */
  open(idOrCode: string): void {
    if (this.detail && (this.detail.id === idOrCode || this.detail.code === idOrCode)) return;
    this.detail = null;
    this.problem = "";
    this.wanted = idOrCode;
    this.host.requestUpdate();
    if (idOrCode) this.refresh();
  }

  /** Shows nothing. */
  clear(): void {
    this.detail = null;
    this.wanted = "";
    this.host.requestUpdate();
  }

  private async read(): Promise<void> {
    const id = this.detail?.id ?? this.wanted;
    if (!id) return;
    try {
      const ticket = await this.options.load(id);
      const current = this.detail?.id ?? this.wanted;
      if ((current !== id && current !== ticket.code) || (this.detail && ticket.version < this.detail.version)) return;
      this.detail = ticket;
      this.wanted = ticket.id;
      this.problem = "";
    } catch (error) {
      if ((this.detail?.id ?? this.wanted) === id) this.problem = this.options.failed(error) ?? "";
    }
    this.host.requestUpdate();
  }
}
