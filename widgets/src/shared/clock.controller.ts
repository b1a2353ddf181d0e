import type { ReactiveController, ReactiveControllerHost } from "lit";

/** The countdowns are minutes-precise, so a tick every half minute keeps them honest. */
const TICK_MS = 30_000;

/** The time its host's SLA countdowns read, ticking while the host is on the page. */
export class ClockController implements ReactiveController {
  /** Now, as of the last tick (epoch ms). */
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, TICK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}
