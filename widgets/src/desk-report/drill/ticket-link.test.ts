import { describe, expect, it } from "vitest";
import { ticketLink } from "./ticket-link.js";

describe("ticketLink", () => {
  it.each<[string, string | null]>([
    ["/demo/internal/queue.html#ticket={code}", "/demo/internal/queue.html#ticket=BPN-2611-0001"],
    ["/desk/tickets/{id}?code={code}", "/desk/tickets/t%2F1?code=BPN-2611-0001"],
    ["", null],
  ])("%s gives %s", (template, expected) => {
    expect(ticketLink(template, { id: "t/1", code: "BPN-2611-0001" })).toBe(expected);
  });
});
