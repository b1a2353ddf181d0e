import type { ReactiveControllerHost } from "lit";
import { coalesced } from "../../shared/coalesce.js";
import type { QueueEvent, Row } from "../desk-parts.js";

/** One page of the queue as the gateway answers it. */
export interface QueuePage {
  rows: Row[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** What a {@link QueueDataController} asks of and tells its host. */
export interface QueueDataOptions {
  /** Reads a page with the host's filters, in the gateway's order. */
  page(first: number, after: string | null): Promise<QueuePage>;
  /** Rows a page holds (1–200). */
  pageSize(): number;
  /** A failed read: returns the text to show, or undefined when the host handled it (a refused token). */
  failed(error: unknown): string | undefined;
  /** A ticket pushed live appeared in a page for the first time (`kind` CREATED or UPDATED). */
  arrived?(row: Row, kind: string): void;
  /** A ticket changed on screen (pushed, or returned by an action). */
  changed?(row: Row): void;
  /** The gateway may have lost events: everything shown must be read again. */
  resync?(): void;
  /** A search is shown: it spans every status, so a ticket REMOVED from the live queue may still match it. */
  searching?(): boolean;
}

/**
 * The queue's rows: paged reads, live changes applied on top, and highlights for arrivals. Where a
 * changed ticket belongs is the gateway's to say: a change is shown in place at once, then the rows
 * are read again, never re-sorted here. A ticket that leaves the live queue (REMOVED) goes at once,
 * except from search results, where the gateway is asked again whether it still matches. Events that arrive while the first page loads are held and
 * replayed on top of it; a slower earlier read is dropped.
 */
export class QueueDataController {
  /** The rows shown, in the gateway's order. */
  rows: Row[] = [];
  /** Whether the gateway has more rows after these. */
  hasNextPage = false;
  /** A read is under way. */
  loading = false;
  /** The last read's failure, in words; "" when it worked. */
  problem = "";
  /** Rows that arrived or changed live since the agent looked: highlighted until opened ({@link seen}). */
  fresh: ReadonlySet<string> = new Set();

  private endCursor: string | null = null;
  private generation = 0;
  private held: QueueEvent[] | undefined;
  private readonly arrivals = new Map<string, string>();
  /** Reads the loaded rows again; calls made meanwhile fold into one more read. */
  private readonly reload = coalesced(() => this.loadFirst(true));

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: QueueDataOptions,
  ) {
    // Not added as a controller: it has no timers left to stop (a highlight lasts until the row is opened).
  }

  /** Forgets every row (a new sign-in) and drops reads under way. */
  reset(): void {
    this.generation++;
    this.rows = [];
    this.held = undefined;
    this.host.requestUpdate();
  }

  /** Loads the first page, or with `keep` as many rows as are on screen (live changes). */
  async loadFirst(keep = false): Promise<void> {
    const generation = ++this.generation;
    this.held = [];
    this.loading = true;
    this.host.requestUpdate();
    try {
      const size = this.options.pageSize();
      const page = await this.options.page(keep ? Math.min(200, Math.max(size, this.rows.length)) : size, null);
      if (generation !== this.generation) return;
      const shown = new Set(this.rows.map((r) => r.id));
      this.rows = page.rows;
      for (const r of this.rows) {
        const kind = this.arrivals.get(r.id);
        if (kind && !shown.has(r.id)) this.highlight(r, kind);
      }
      this.arrivals.clear();
      this.hasNextPage = page.hasNextPage;
      this.endCursor = page.endCursor;
      this.problem = "";
      const held = this.held ?? [];
      this.held = undefined;
      for (const event of held) this.receive(event);
    } catch (error) {
      if (generation !== this.generation) return;
      this.held = undefined;
      this.problem = this.options.failed(error) ?? "";
    } finally {
      if (generation === this.generation) this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Appends the next page; a ticket pushed live and already shown is not shown twice. */
  async more(): Promise<void> {
    const generation = this.generation;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const page = await this.options.page(this.options.pageSize(), this.endCursor);
      if (generation !== this.generation) return;
      const have = new Set(this.rows.map((r) => r.id));
      this.rows = [...this.rows, ...page.rows.filter((n) => !have.has(n.id))];
      this.hasNextPage = page.hasNextPage;
      this.endCursor = page.endCursor;
    } catch (error) {
      this.problem = this.options.failed(error) ?? "";
    } finally {
      if (generation === this.generation) this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Takes one push of the live queue. */
  receive(event: QueueEvent): void {
    // RESYNC (no ticket): the gateway may have lost events, so what is on screen is read again.
    if (event.kind === "RESYNC" || !event.ticket) {
      void this.loadFirst();
      this.options.resync?.();
      return;
    }
    if (this.held) {
      this.held.push(event);
      return;
    }
    this.apply(event.ticket, event.kind);
  }

  /** The agent opened a ticket: it is read and no longer highlighted. */
  seen(id: string): void {
    const next = new Set(this.fresh);
    next.delete(id);
    this.fresh = next;
    this.rows = this.rows.map((r) => (r.id === id ? { ...r, unread: false } : r));
    this.host.requestUpdate();
  }

  /** Shows a changed ticket's new state where it is on screen, then reads the rows again. */
  apply(t: Row, kind: string): void {
    const old = this.rows.find((r) => r.id === t.id);
    if (old && old.version > t.version) return;
    // Search results keep it in its new state until the gateway's read says whether it still matches.
    const gone = kind === "REMOVED" && !this.options.searching?.();
    this.rows = gone ? this.rows.filter((r) => r.id !== t.id) : this.rows.map((r) => (r.id === t.id ? t : r));
    if (!gone) {
      // Changed while shown: highlighted until opened (an action's own ticket is the open one, seen at once).
      if (old) this.fresh = new Set([...this.fresh, t.id]);
      else this.arrivals.set(t.id, kind);
      // A push answers `unread` for the whole desk; this read says it for this agent.
      this.reload();
    }
    this.options.changed?.(t);
    this.host.requestUpdate();
  }

  private highlight(t: Row, kind: string): void {
    this.fresh = new Set([...this.fresh, t.id]);
    this.options.arrived?.(t, kind);
  }
}
