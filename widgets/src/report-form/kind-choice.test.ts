import { describe, expect, it } from "vitest";
import { KindChoice, ofKind, type KindHost } from "./kind-choice.js";

const services = [
  { id: "ipos", ticketType: "INCIDENT" },
  { id: "laptop", ticketType: "SERVICE_REQUEST" },
  { id: "ac", ticketType: "WORK_ORDER" },
] as const;

/** A form as the choice reads it, with the service picked so far. */
function host(service = ""): KindHost & { updates: number } {
  return {
    i18n: { lang: "en" },
    values: { service },
    site: { services },
    // No shadow root here: the part adopts its styles only where there is one.
    renderRoot: {} as DocumentFragment,
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
  };
}

describe("<sigap-report-form>'s problem-or-request choice", () => {
  it.each([
    ["INCIDENT", "problem", true],
    ["INCIDENT", "request", false],
    ["SERVICE_REQUEST", "problem", false],
    ["SERVICE_REQUEST", "request", true],
    ["WORK_ORDER", "problem", false],
    ["WORK_ORDER", "request", true],
  ] as const)("counts a %s service under %s: %s", (type, kind, expected) => {
    expect(ofKind(type, kind)).toBe(expected);
  });

  it("offers incident services first, and requires a service only for a request", () => {
    const c = new KindChoice(host());
    expect(c.kind).toBe("problem");
    expect(c.services(services).map((s) => s.id)).toEqual(["ipos"]);
    expect(c.needs("service")).toBe(false);
    expect(c.label("service")).toBeUndefined();
  });

  it("follows a draft's request item", () => {
    const c = new KindChoice(host("laptop"));
    expect(c.kind).toBe("request");
    expect(c.services(services).map((s) => s.id)).toEqual(["laptop", "ac"]);
    expect([c.needs("service"), c.needs("location")]).toEqual([true, false]);
    expect([c.label("service"), c.label("description"), c.label("reporterName")]).toEqual(["What you are requesting", "Details of your request", undefined]);
  });

  it("drops a picked service of the other kind when the choice changes, and keeps one that fits", () => {
    const h = host("ipos");
    const c = new KindChoice(h);
    c.choose("request");
    expect([h.values["service"], h.updates]).toEqual(["", 1]);
    h.values = { service: "ac" };
    c.choose("request");
    expect(h.values["service"]).toBe("ac");
  });
});
