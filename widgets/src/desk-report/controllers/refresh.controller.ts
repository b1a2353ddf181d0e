import type { ReactiveController, ReactiveControllerHost } from "lit";

/** Starts a timer; returns its cancel. The page's setTimeout by default; tests pass their own. */
export type Schedule = (run: () => void, ms: number) => () => void;

const timeout: Schedule = (run, ms) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

/**
 * Turns a burst of live events into one re-read: each `poke()` (re)starts a quiet period of `wait`
 * ms, after which `refresh` runs once; a poke during a refresh runs one more after it. Stops with
 * its host, so a report taken off the page never fetches again.
 */
export class RefreshController implements ReactiveController {
  private cancel: (() => void) | undefined;
  private running = false;
  private again = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly refresh: () => Promise<void>,
    private readonly wait = 1500,
    private readonly schedule: Schedule = timeout,
  ) {
    host.addController(this);
  }

  /** Something changed: re-read after a quiet moment. */
  poke(): void {
    this.cancel?.();
    this.cancel = this.schedule(() => void this.run(), this.wait);
  }

  private async run(): Promise<void> {
    this.cancel = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      await this.refresh();
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    }
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = undefined;
  }
}
