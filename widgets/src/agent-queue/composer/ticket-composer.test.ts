import { describe, expect, it } from "vitest";
import type { TicketAction } from "../../client/generated.js";
import { composerActions } from "../ticket-actions.js";
import { SigapTicketComposer } from "./ticket-composer.component.js";

const ticket = (allowedActions: TicketAction[]) => ({ status: "IN_PROGRESS" as const, allowedActions, nextStatuses: [] });

describe("<sigap-ticket-composer>", () => {
  it.each([
    [["REPLY", "INTERNAL_NOTE", "RESOLVE"], ["reply", "note"]],
    [["INTERNAL_NOTE"], ["note"]],
    [["REPLY"], ["reply"]],
    [["CLOSE"], []],
  ] as const)("offers %j as %j", (allowed, expected) => {
    expect(composerActions(ticket([...allowed]))).toEqual(expected);
  });

  it("takes its ticket from `ticket-id`, its gateway from `token` and `endpoint`", () => {
    expect(SigapTicketComposer.observedAttributes.sort()).toEqual(["endpoint", "theme", "ticket-id", "token"]);
  });
});
