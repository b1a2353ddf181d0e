import { describe, expect, it } from "vitest";
import { SigapAgentQueue } from "./agent-queue.component.js";
import { SigapTicketView } from "./ticket-view/ticket-view.component.js";

describe("<sigap-agent-queue>", () => {
  it("keeps the public attributes it had before the split (`sound` and `title-count` are read by its awareness part)", () => {
    expect([...SigapAgentQueue.observedAttributes].sort()).toEqual(["endpoint", "page-size", "site-key", "theme", "ticket", "token"]);
  });
});

describe("<sigap-ticket-view>", () => {
  it("takes the same token and endpoint attributes as the queue, and its ticket by `ticket-id`", () => {
    expect([...SigapTicketView.observedAttributes].sort()).toEqual(["closable", "endpoint", "theme", "ticket-id", "token"]);
  });
});
