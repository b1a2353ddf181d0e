import { describe, expect, it } from "vitest";
import { excerpt, failedTooLong, judgeStatus, WEBHOOK_RETRY_DELAYS_SECONDS } from "./webhook-delivery.rules.js";

describe("judgeStatus", () => {
  it.each([
    [200, { ok: true, retryable: false, disable: false }],
    [204, { ok: true, retryable: false, disable: false }],
    [299, { ok: true, retryable: false, disable: false }],
    [301, { ok: false, retryable: true, disable: false }],
    [400, { ok: false, retryable: true, disable: false }],
    [401, { ok: false, retryable: true, disable: false }],
    [404, { ok: false, retryable: true, disable: false }],
    [408, { ok: false, retryable: true, disable: false }],
    [410, { ok: false, retryable: false, disable: true }],
    [429, { ok: false, retryable: true, disable: false }],
    [500, { ok: false, retryable: true, disable: false }],
    [503, { ok: false, retryable: true, disable: false }],
  ])("judges HTTP %i", (status, verdict) => {
    expect(judgeStatus(status)).toEqual(verdict);
  });
});

describe("the retry schedule", () => {
  it("spans at least a day", () => {
    expect(WEBHOOK_RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(86_400);
  });
});

describe("failedTooLong", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");
  const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
  it.each([
    [null, later(1000), false],
    [t0, later(0), false],
    [t0, later(119), false],
    [t0, later(120), true],
    [t0, later(200), true],
  ])("since %s, at %s: %s", (since, now, expected) => {
    expect(failedTooLong(since, now)).toBe(expected);
  });
});

describe("excerpt", () => {
  it.each([
    ["", 0],
    ["short", 5],
    ["x".repeat(500), 500],
    ["x".repeat(501), 500],
  ])("keeps at most 500 characters of %#", (text, length) => {
    expect(excerpt(text)).toHaveLength(length);
  });
});
