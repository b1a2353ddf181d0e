import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TestHost } from "../../shared/test-host.js";
import { HEARTBEAT_MS, PresenceController, TYPING_IDLE_MS, type Viewer } from "./presence.controller.js";

/** A controller whose gateway calls are written down. */
function presence() {
  const calls: string[] = [];
  let push: ((v: Viewer[]) => void) | null = null;
  const host = new TestHost();
  const c = new PresenceController(host, {
    announce: async (id, typing) => calls.push(`announce ${id} ${typing}`),
    leave: async (id) => calls.push(`leave ${id}`),
    watch: (id, seen) => {
      calls.push(`watch ${id}`);
      push = seen;
      return () => calls.push(`unwatch ${id}`);
    },
  });
  return { c, host, calls, push: (v: Viewer[]) => push?.(v) };
}

describe("PresenceController", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("announces on opening and on every heartbeat, and leaves when the ticket changes", () => {
    const { c, calls } = presence();
    c.follow("t1");
    expect(calls).toEqual(["watch t1", "announce t1 false"]);
    vi.advanceTimersByTime(HEARTBEAT_MS * 2);
    expect(calls.filter((x) => x === "announce t1 false")).toHaveLength(3);
    c.follow("t2");
    expect(calls.slice(-4)).toEqual(["unwatch t1", "leave t1", "watch t2", "announce t2 false"]);
  });

  it("says typing once for a burst of keystrokes, and stops after a pause", () => {
    const { c, calls } = presence();
    c.follow("t1");
    c.typed();
    c.typed();
    vi.advanceTimersByTime(TYPING_IDLE_MS - 1);
    c.typed();
    expect(calls.filter((x) => x === "announce t1 true")).toHaveLength(1);
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(calls.at(-1)).toBe("announce t1 false");
  });

  it("shows the others the gateway lists, and forgets them on leaving the page", () => {
    const { c, host, calls, push } = presence();
    c.follow("t1");
    push([{ agentId: "a2", name: "Sari", typing: false, since: "2026-11-30T08:00:00Z" }]);
    expect([c.viewers.map((v) => v.name), host.updates]).toEqual([["Sari"], 1]);
    c.hostDisconnected();
    expect(c.viewers).toEqual([]);
    expect(calls.slice(-2)).toEqual(["unwatch t1", "leave t1"]);
    c.hostConnected();
    expect(calls.slice(-2)).toEqual(["watch t1", "announce t1 false"]);
  });

  it("does nothing for keystrokes without a ticket", () => {
    const { c, calls } = presence();
    c.typed();
    expect(calls).toEqual([]);
  });
});
