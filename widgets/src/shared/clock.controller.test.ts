import { afterEach, describe, expect, it, vi } from "vitest";
import { ClockController } from "./clock.controller.js";
import { TestHost } from "./test-host.js";

afterEach(() => void vi.useRealTimers());

describe("ClockController", () => {
  it("ticks every half minute while its host is on the page, and stops when it leaves", () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const host = new TestHost();
    const clock = new ClockController(host);
    clock.hostConnected();
    vi.advanceTimersByTime(30_000);
    expect([clock.now, host.updates]).toEqual([1_030_000, 1]);
    clock.hostDisconnected();
    vi.advanceTimersByTime(60_000);
    expect([clock.now, host.updates]).toEqual([1_030_000, 1]);
  });
});
