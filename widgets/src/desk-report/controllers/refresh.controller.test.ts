import { describe, expect, it } from "vitest";
import { TestHost } from "../../shared/test-host.js";
import { RefreshController, type Schedule } from "./refresh.controller.js";

/** A schedule the test fires by hand. */
function manual() {
  const timers: Array<{ run: () => void; cancelled: boolean }> = [];
  const schedule: Schedule = (run) => {
    const t = { run, cancelled: false };
    timers.push(t);
    return () => (t.cancelled = true);
  };
  const fire = () => {
    for (const t of timers.filter((x) => !x.cancelled)) {
      t.cancelled = true;
      t.run();
    }
  };
  return { timers, schedule, fire };
}

describe("RefreshController", () => {
  it("turns a burst of pokes into one refresh after the quiet period", async () => {
    const clock = manual();
    let refreshes = 0;
    const c = new RefreshController(new TestHost(), async () => void refreshes++, 1000, clock.schedule);
    c.poke();
    c.poke();
    c.poke();
    expect(clock.timers.filter((t) => !t.cancelled)).toHaveLength(1);
    clock.fire();
    await Promise.resolve();
    expect(refreshes).toBe(1);
  });

  it("runs once more after a refresh that a poke interrupted, and never after its host left", async () => {
    const clock = manual();
    let release!: () => void;
    let refreshes = 0;
    const host = new TestHost();
    const refresh = () => {
      refreshes++;
      return new Promise<void>((r) => (release = r));
    };
    const c = new RefreshController(host, refresh, 1000, clock.schedule);
    c.poke();
    clock.fire();
    c.poke();
    clock.fire();
    expect(refreshes).toBe(1);
    release();
    await new Promise((r) => setImmediate(r));
    clock.fire();
    expect(refreshes).toBe(2);
    release();
    c.poke();
    for (const x of host.controllers) x.hostDisconnected?.();
    clock.fire();
    expect(refreshes).toBe(2);
  });
});
