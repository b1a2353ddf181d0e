import { describe, expect, it } from "vitest";
import { linkSecret, popupOutcome, popupUrl, withoutSecret } from "./sign-in.link.js";

const START = "https://desk.example.com/auth/oidc/start?site=pk_demo";

describe("linkSecret / withoutSecret", () => {
  it.each([
    ["#sigap-password=abc_DEF-123", "abc_DEF-123", ""],
    ["#tab=queue&sigap-password=xyz", "xyz", "#tab=queue"],
    ["#tab=queue", "", "#tab=queue"],
    ["", "", ""],
  ])("%s → secret %j, hash left %j", (hash, secret, left) => {
    expect(linkSecret(hash)).toBe(secret);
    expect(withoutSecret(hash)).toBe(left);
  });
});

describe("popupUrl", () => {
  it("adds the page's origin to the start URL", () => {
    expect(popupUrl(START, "https://intranet.example.com")).toBe("https://desk.example.com/auth/oidc/start?site=pk_demo&origin=https%3A%2F%2Fintranet.example.com");
  });
});

describe("popupOutcome", () => {
  it.each([
    ["a code from the gateway", { origin: "https://desk.example.com", data: { type: "sigap-sign-in", code: "c0de" } }, { code: "c0de" }],
    ["an error from the gateway", { origin: "https://desk.example.com", data: { type: "sigap-sign-in", error: "No agent." } }, { error: "No agent." }],
    ["a code from another origin", { origin: "https://evil.example", data: { type: "sigap-sign-in", code: "c0de" } }, null],
    ["another kind of message", { origin: "https://desk.example.com", data: { type: "other", code: "c0de" } }, null],
    ["a string", { origin: "https://desk.example.com", data: "sigap-sign-in" }, null],
    ["null", { origin: "https://desk.example.com", data: null }, null],
  ])("%s", (_name, event, outcome) => {
    expect(popupOutcome(event, START)).toEqual(outcome);
  });
});
