import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { TicketPresenceSubscription } from "../../client/generated.js";

/** Another agent on the ticket, as the gateway lists them. */
export type Viewer = TicketPresenceSubscription["ticketPresence"][number];

/** A heartbeat while the ticket stays open; the gateway forgets an agent about 30 s after the last. */
export const HEARTBEAT_MS = 10_000;
/** Typing stops this long after the last keystroke. */
export const TYPING_IDLE_MS = 3_000;

/** What a {@link PresenceController} asks of the gateway. */
export interface PresenceOptions {
  /** Says the agent is on the ticket (and whether typing). */
  announce(ticketId: string, typing: boolean): Promise<unknown>;
  /** Says the agent left the ticket. */
  leave(ticketId: string): Promise<unknown>;
  /** Follows the other agents on the ticket; returns the end of it. */
  watch(ticketId: string, seen: (viewers: Viewer[]) => void): () => void;
}

/**
 * The agent's presence on one ticket: follows who else is there, announces the agent on opening,
 * every {@link HEARTBEAT_MS} while open and when typing starts or stops (debounced), and leaves
 * when the ticket closes or the host leaves the page. Failed announcements are not retried: the
 * next heartbeat says the same.
 */
export class PresenceController implements ReactiveController {
  /** The other agents on the ticket now. */
  viewers: Viewer[] = [];

  private ticketId = "";
  private typing = false;
  private stop: (() => void) | null = null;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PresenceOptions,
  ) {
    host.addController(this);
  }

  /** Follows a ticket ("" for none), leaving the one before. */
  follow(ticketId: string): void {
    if (ticketId === this.ticketId) return;
    this.end();
    this.ticketId = ticketId;
    if (!ticketId) return;
    this.stop = this.options.watch(ticketId, (viewers) => {
      this.viewers = viewers;
      this.host.requestUpdate();
    });
    this.say();
    this.heartbeat = setInterval(() => this.say(), HEARTBEAT_MS);
  }

  /** A keystroke in the composer: typing now, and until {@link TYPING_IDLE_MS} without another. */
  typed(): void {
    if (!this.ticketId) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.typing = false;
      this.say();
    }, TYPING_IDLE_MS);
    if (this.typing) return;
    this.typing = true;
    this.say();
  }

  hostConnected(): void {
    // Back on the page (moved in the DOM): follow the same ticket again.
    const id = this.ticketId;
    this.ticketId = "";
    if (id) this.follow(id);
  }

  hostDisconnected(): void {
    const id = this.ticketId;
    this.end();
    this.ticketId = id;
  }

  private say(): void {
    this.options.announce(this.ticketId, this.typing).catch(() => undefined);
  }

  private end(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.idle);
    this.stop?.();
    this.stop = null;
    if (this.ticketId) this.options.leave(this.ticketId).catch(() => undefined);
    this.typing = false;
    this.viewers = [];
  }
}
