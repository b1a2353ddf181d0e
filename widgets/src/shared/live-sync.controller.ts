import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { LiveHandlers } from "../client/live.js";

/** Where a live feed stands, as the indicator shows it. */
export type LiveState = "off" | "connecting" | "live" | "reconnecting";

/** What a {@link LiveSyncController} tells its host. */
export interface LiveSyncOptions<R> {
  /** Opens the subscription (client/live `subscribe` bound to its endpoint and operation); returns its stop. */
  open(handlers: LiveHandlers<R>): () => void;
  /** A pushed result. */
  next(data: R): void;
  /** The socket came back: nothing was pushed while it was down, so what is on screen must be read again. */
  reconnected(): void;
  /** The subscription failed for good; return true if the host handled it (a refused token), else the feed just shows "off". */
  failed(error: Error): boolean;
}

/**
 * Keeps one live subscription of its host: started on demand, stopped when the host leaves the
 * page or starts another, and its state (`off`, `connecting`, `live`, `reconnecting`) kept for the
 * host to show. Callbacks of a stopped feed are ignored, so a replaced token never hears the old one.
 */
export class LiveSyncController<R> implements ReactiveController {
  /** Where the feed stands. */
  state: LiveState = "off";
  private stopFeed: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LiveSyncOptions<R>,
  ) {
    host.addController(this);
  }

  /** Opens the feed, closing any earlier one. */
  start(): void {
    this.stop();
    this.set("connecting");
    const stop = this.options.open({
      next: (data) => {
        if (this.stopFeed === stop) this.options.next(data);
      },
      error: (error) => {
        if (this.stopFeed !== stop) return;
        this.stopFeed = undefined;
        if (!this.options.failed(error)) this.set("off");
      },
      connected: (reconnected) => {
        if (this.stopFeed !== stop) return;
        this.set("live");
        if (reconnected) this.options.reconnected();
      },
      disconnected: () => {
        if (this.stopFeed === stop) this.set("reconnecting");
      },
    });
    this.stopFeed = stop;
  }

  /** Closes the feed, if one is open. */
  stop(): void {
    const stop = this.stopFeed;
    this.stopFeed = undefined;
    stop?.();
    this.set("off");
  }

  /** Whether a feed is open. */
  get running(): boolean {
    return this.stopFeed !== undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }

  private set(state: LiveState): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }
}
