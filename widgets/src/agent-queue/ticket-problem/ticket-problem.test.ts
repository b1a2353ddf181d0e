import { describe, expect, it } from "vitest";
import { problemPartMessages } from "./ticket-problem.messages.js";
import installIndonesian from "./ticket-problem.messages.id.js";
import { SigapTicketProblem } from "./ticket-problem.component.js";

describe("<sigap-ticket-problem>", () => {
  it("takes its ticket as a property, its gateway from `token` and `endpoint`", () => {
    expect(SigapTicketProblem.observedAttributes.sort()).toEqual(["endpoint", "theme", "token"]);
  });

  it("has every word in Indonesian too", () => {
    installIndonesian();
    expect(Object.keys(problemPartMessages.id ?? {}).sort()).toEqual(Object.keys(problemPartMessages.en).sort());
  });
});
