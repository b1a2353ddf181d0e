import { describe, expect, it } from "vitest";
import { SigapTicketPresence } from "./ticket-presence.component.js";

describe("<sigap-ticket-presence>", () => {
  it("takes its ticket from `ticket-id`, its gateway from `token` and `endpoint`", () => {
    expect(SigapTicketPresence.observedAttributes.sort()).toEqual(["endpoint", "theme", "ticket-id", "token"]);
  });
});
