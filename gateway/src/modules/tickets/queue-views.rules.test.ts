import { describe, expect, it } from "vitest";
import {
  cappedCount,
  parseViewChoice,
  QUEUE_VIEWS,
  QueueView,
  queueScope,
  savedChoice,
  savedViewNameProblem,
  VIEW_LABELS,
  type QueueScope,
} from "./queue-views.rules.js";
import { PendingReason, TicketStatus } from "./ticket.enums.js";

const { NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, CANCELLED } = TicketStatus;
const ME = { id: "agent-1", groupId: "group-1" };
const LONER = { id: "agent-2", groupId: null };

describe("queueScope", () => {
  // Each view's predicate written out by hand, so a change to a definition fails loudly here.
  it.each<[QueueView | null, QueueScope]>([
    [null, { open: true, statuses: null, empty: false }],
    [QueueView.MINE, { open: true, statuses: null, empty: false, assigneeId: "agent-1" }],
    [QueueView.UNASSIGNED, { open: true, statuses: null, empty: false, assigneeId: null }],
    [QueueView.MY_GROUPS, { open: true, statuses: null, empty: false, groupId: "group-1" }],
    [QueueView.AT_RISK, { open: true, statuses: null, empty: false, sla: "atRisk" }],
    [QueueView.BREACHED, { open: true, statuses: null, empty: false, sla: "breached" }],
    [QueueView.WAITING, { open: false, statuses: [PENDING], empty: false, pendingReason: PendingReason.REPORTER }],
    [QueueView.RESOLVED, { open: false, statuses: [RESOLVED], empty: false }],
    [QueueView.CLOSED, { open: false, statuses: [CLOSED], empty: false }],
    [QueueView.CANCELLED, { open: false, statuses: [CANCELLED], empty: false }],
    [QueueView.ALL, { open: false, statuses: null, empty: false }],
  ])("defines %s", (view, scope) => {
    expect(queueScope(view, null, ME)).toEqual(scope);
  });

  it.each<[QueueView | null, TicketStatus[], readonly TicketStatus[] | null, boolean, boolean]>([
    // view, filter statuses → statuses, open, empty
    [null, [CLOSED], [CLOSED], false, false],
    [QueueView.MINE, [PENDING, CLOSED], [PENDING], false, false],
    [QueueView.MINE, [CLOSED], [], false, true],
    [QueueView.WAITING, [NEW, ASSIGNED], [], false, true],
    [QueueView.CLOSED, [CLOSED, RESOLVED], [CLOSED], false, false],
    [QueueView.ALL, [IN_PROGRESS], [IN_PROGRESS], false, false],
    [QueueView.AT_RISK, [], null, true, false],
  ])("narrows %s by the statuses %j", (view, filter, statuses, open, empty) => {
    const scope = queueScope(view, filter, ME);
    expect([scope.statuses, scope.open, scope.empty]).toEqual([statuses, open, empty]);
  });

  it("gives an agent without a group an empty MY_GROUPS view, not an error", () => {
    expect(queueScope(QueueView.MY_GROUPS, null, LONER).empty).toBe(true);
  });
});

describe("the views list", () => {
  it("shows the built-in views in the desk's order, each named in both languages", () => {
    expect(QUEUE_VIEWS).toEqual(["MINE", "UNASSIGNED", "MY_GROUPS", "AT_RISK", "BREACHED", "WAITING", "RESOLVED", "CLOSED", "CANCELLED", "ALL"]);
    for (const v of QUEUE_VIEWS) expect(VIEW_LABELS[v].en && VIEW_LABELS[v].id).toBeTruthy();
  });

  it.each([
    [0, { count: 0, capped: false }],
    [999, { count: 999, capped: false }],
    [1000, { count: 999, capped: true }],
  ])("shows %i rows read as %j", (rows, shown) => {
    expect(cappedCount(rows)).toEqual(shown);
  });
});

describe("a remembered view", () => {
  const id = "0190b3c4-7d2e-7abc-8def-0123456789ab";
  it.each<[string, ReturnType<typeof parseViewChoice>]>([
    ["MINE", { view: QueueView.MINE }],
    ["ALL", { view: QueueView.ALL }],
    [savedChoice(id), { savedId: id }],
    [`saved:${id.toUpperCase()}`, { savedId: id }],
    ["mine", null],
    ["saved:", null],
    ["saved:not-an-id", null],
    ["", null],
  ])("reads %j as %j", (value, choice) => {
    expect(parseViewChoice(value)).toEqual(choice);
  });
});

describe("a saved view's name", () => {
  it.each<[string, string | null]>([
    ["Breached P1", null],
    ["  ", "name must not be empty"],
    ["x".repeat(60), null],
    ["x".repeat(61), "name must be at most 60 characters (got 61)"],
    ["🙂".repeat(60), null],
  ])("%j → %j", (name, problem) => {
    expect(savedViewNameProblem(name)).toBe(problem);
  });
});
