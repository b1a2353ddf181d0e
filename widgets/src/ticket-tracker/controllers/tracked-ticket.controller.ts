import type { ReactiveControllerHost } from "lit";
import type { TicketViewFieldsFragment } from "../../client/generated.js";
import type { LiveHandlers } from "../../client/live.js";
import { problemCode } from "../../shared/problem-text.js";
import { LiveSyncController } from "../../shared/live-sync.controller.js";

/** Where the tracker stands: asking for a code, reading the ticket, showing it, or why it cannot. */
export type TrackPhase = "lookup" | "loading" | "ready" | "notfound" | "failed";

/** One read of a tracked ticket: the ticket (null when the code and token match none) and the site's at-risk share. */
export interface TrackedRead {
  ticket: TicketViewFieldsFragment | null;
  atRisk: number;
}

/** What a {@link TrackedTicketController} asks of its host. */
export interface TrackedTicketOptions {
  /** Reads the ticket of this code, with its tracking token ("" when the reporter token opens it). */
  read(code: string, token: string): Promise<TrackedRead>;
  /** Subscribes to the ticket's changes (client/live `subscribe`); returns its stop. */
  open(code: string, token: string, handlers: LiveHandlers<TicketViewFieldsFragment>): () => void;
  /** A failed read, in words. */
  problem(error: unknown): string;
  /** A ticket was shown; `prev` is what was shown before (null at first). */
  shown(prev: TicketViewFieldsFragment | null, next: TicketViewFieldsFragment): void;
}

/**
 * The one ticket the tracker follows: read by code and token, kept live by the `ticketUpdated`
 * subscription (read again after a reconnect, as nothing was pushed meanwhile), with the phase and
 * failure the view shows. Never steps back to an older version: a slow read does not undo a newer push.
 */
export class TrackedTicketController {
  /** Where the tracker stands. */
  phase: TrackPhase = "lookup";
  /** The ticket shown, or null. */
  view: TicketViewFieldsFragment | null = null;
  /** The site's at-risk share of an SLA window, read with the ticket (the gateway's rule, not ours). */
  atRisk = 0;
  /** What went wrong, in words; "" when nothing did. */
  problem = "";
  /** The ticket's live feed; its state is the live indicator's. */
  readonly live: LiveSyncController<TicketViewFieldsFragment>;
  private code = "";
  private token = "";

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TrackedTicketOptions,
  ) {
    this.live = new LiveSyncController(host, {
      open: (handlers) => options.open(this.code, this.token, handlers),
      next: (t) => this.show(t),
      reconnected: () => void this.read(),
      failed: (error) => {
        if (problemCode(error) !== "NOT_FOUND") return false;
        this.notFound();
        return true;
      },
    });
  }

  /** Follows the ticket of this code: shown at once if it is the one already shown, read and kept live. */
  follow(code: string, token: string): void {
    this.lookup(code);
    this.token = token;
    this.phase = this.view ? "ready" : "loading";
    void this.read();
    this.live.start();
  }

  /** Follows nothing and asks for a code; the ticket shown stays known only if it is this code's. */
  lookup(code: string): void {
    this.live.stop();
    this.code = code;
    this.token = "";
    this.problem = "";
    if (this.view && this.view.code !== code) this.view = null;
    this.set("lookup");
  }

  /** Shows a phase and what went wrong outside a read (a lookup left half empty, a one-time link refused). */
  set(phase: TrackPhase, problem = this.problem): void {
    this.phase = phase;
    this.problem = problem;
    this.host.requestUpdate();
  }

  /** Shows a ticket (read, pushed, or a mutation's answer) unless a newer one is already shown. */
  show(next: TicketViewFieldsFragment): void {
    const prev = this.view;
    if (prev && prev.code === next.code && Date.parse(next.updatedAt) < Date.parse(prev.updatedAt)) return;
    this.view = next;
    this.set("ready", "");
    this.options.shown(prev, next);
  }

  private async read(): Promise<void> {
    const { code, token } = this;
    try {
      const data = await this.options.read(code, token);
      if (code !== this.code || token !== this.token) return;
      this.atRisk = data.atRisk;
      if (data.ticket) this.show(data.ticket);
      else this.notFound();
    } catch (error) {
      if (code !== this.code || token !== this.token) return;
      if (problemCode(error) === "NOT_FOUND") this.notFound();
      else if (this.phase !== "ready") this.set("failed", this.options.problem(error));
    }
  }

  private notFound(): void {
    this.live.stop();
    this.view = null;
    this.set("notfound");
  }
}
