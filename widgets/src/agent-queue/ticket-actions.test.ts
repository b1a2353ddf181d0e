import { describe, expect, it } from "vitest";
import type { TicketAction, TicketStatus } from "../client/generated.js";
import { barActions, composerActions, escalationKinds, panelActions, statusTargets } from "./ticket-actions.js";

const ticket = (status: TicketStatus, allowedActions: TicketAction[], nextStatuses: TicketStatus[]) => ({ status, allowedActions, nextStatuses });

describe("panelActions", () => {
  it.each([
    ["an agent on a new ticket", ticket("NEW", ["CLASSIFY", "ASSIGN", "CHANGE_STATUS", "REPLY", "INTERNAL_NOTE", "ESCALATE_FUNCTIONAL", "CANCEL"], ["ASSIGNED", "IN_PROGRESS", "CANCELLED"]), ["classify", "assign", "status", "reply", "note", "escalate", "cancel"]],
    ["a caller who may only note", ticket("IN_PROGRESS", ["INTERNAL_NOTE"], []), ["note"]],
    ["hierarchical escalation alone still shows the escalate form", ticket("ASSIGNED", ["ESCALATE_HIERARCHICAL"], []), ["escalate"]],
    ["a resolved ticket: reopen and close, no status form left", ticket("RESOLVED", ["REOPEN", "CLOSE", "INTERNAL_NOTE"], ["IN_PROGRESS", "CLOSED"]), ["note", "close", "reopen"]],
    ["CHANGE_STATUS without a move of its own shows nothing", ticket("IN_PROGRESS", ["CHANGE_STATUS", "RESOLVE"], ["RESOLVED"]), ["resolve"]],
    ["nothing allowed, nothing shown", ticket("CLOSED", [], []), []],
  ] as const)("%s", (_, t, expected) => {
    expect(panelActions(t)).toEqual(expected);
  });
});

describe("statusTargets", () => {
  it.each([
    ["drops the own status and the moves with forms of their own", ticket("IN_PROGRESS", ["CHANGE_STATUS", "RESOLVE", "CANCEL"], ["IN_PROGRESS", "PENDING", "RESOLVED", "CANCELLED"]), ["PENDING"]],
    ["keeps IN_PROGRESS when reopening is not the caller's action", ticket("PENDING", ["CHANGE_STATUS"], ["IN_PROGRESS"]), ["IN_PROGRESS"]],
    ["leaves IN_PROGRESS to the reopen form", ticket("RESOLVED", ["CHANGE_STATUS", "REOPEN"], ["IN_PROGRESS"]), []],
  ] as const)("%s", (_, t, expected) => {
    expect(statusTargets(t)).toEqual(expected);
  });
});

describe("escalationKinds", () => {
  it.each([
    [["ESCALATE_FUNCTIONAL", "ESCALATE_HIERARCHICAL"], ["FUNCTIONAL", "HIERARCHICAL"]],
    [["ESCALATE_HIERARCHICAL"], ["HIERARCHICAL"]],
    [["REPLY"], []],
  ] as const)("%j → %j", (allowedActions, expected) => {
    expect(escalationKinds({ allowedActions })).toEqual(expected);
  });
});

describe("barActions and composerActions", () => {
  it.each([
    [ticket("NEW", ["CLASSIFY", "ASSIGN", "REPLY", "INTERNAL_NOTE", "ESCALATE_FUNCTIONAL"], []), ["classify", "assign", "escalate"], ["reply", "note"]],
    [ticket("IN_PROGRESS", ["INTERNAL_NOTE", "ESCALATE_HIERARCHICAL", "RESOLVE"], ["RESOLVED"]), ["escalate", "resolve"], ["note"]],
    [ticket("CLOSED", [], []), [], []],
  ] as const)("split %j between the bar (%j) and the composer (%j)", (t, bar, composer) => {
    expect(barActions(t)).toEqual(bar);
    expect(composerActions(t)).toEqual(composer);
  });
});
