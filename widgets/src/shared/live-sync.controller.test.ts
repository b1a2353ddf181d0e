import { describe, expect, it } from "vitest";
import type { LiveHandlers } from "../client/live.js";
import { LiveSyncController } from "./live-sync.controller.js";
import { TestHost } from "./test-host.js";

/** A feed whose socket events the test drives by hand. */
function feed() {
  const opened: Array<{ handlers: LiveHandlers<string>; stopped: boolean }> = [];
  const seen: string[] = [];
  const log: string[] = [];
  let handled = false;
  const host = new TestHost();
  const live = new LiveSyncController<string>(host, {
    open: (handlers) => {
      const f = { handlers, stopped: false };
      opened.push(f);
      return () => (f.stopped = true);
    },
    next: (d) => seen.push(d),
    reconnected: () => log.push("reconnected"),
    failed: () => {
      log.push("failed");
      return handled;
    },
  });
  return { host, live, opened, seen, log, handle: () => (handled = true) };
}

describe("LiveSyncController", () => {
  it("goes connecting → live → reconnecting → live, asking for a re-read only after a reconnect", () => {
    const f = feed();
    f.live.start();
    expect(f.live.state).toBe("connecting");
    f.opened[0]!.handlers.connected!(false);
    expect(f.live.state).toBe("live");
    f.opened[0]!.handlers.disconnected!();
    expect(f.live.state).toBe("reconnecting");
    f.opened[0]!.handlers.connected!(true);
    expect([f.live.state, f.log]).toEqual(["live", ["reconnected"]]);
    f.opened[0]!.handlers.next("a");
    expect(f.seen).toEqual(["a"]);
    expect(f.host.updates).toBeGreaterThan(0);
  });

  it("ignores a replaced feed and stops it, and stops when the host leaves the page", () => {
    const f = feed();
    f.live.start();
    f.live.start();
    expect(f.opened[0]!.stopped).toBe(true);
    f.opened[0]!.handlers.next("old");
    f.opened[0]!.handlers.connected!(true);
    expect([f.seen, f.log]).toEqual([[], []]);
    for (const c of f.host.controllers) c.hostDisconnected?.();
    expect([f.opened[1]!.stopped, f.live.state, f.live.running]).toEqual([true, "off", false]);
  });

  it("shows off after a failure the host did not handle, and leaves the state to the host when it did", () => {
    const f = feed();
    f.live.start();
    f.opened[0]!.handlers.error(new Error("boom") as never);
    expect([f.live.state, f.live.running]).toEqual(["off", false]);
    f.handle();
    f.live.start();
    f.opened[1]!.handlers.connected!(false);
    f.opened[1]!.handlers.error(new Error("refused") as never);
    expect(f.log).toEqual(["failed", "failed"]);
    expect(f.live.state).toBe("live");
  });
});
