import { nothing } from "lit";
import { describe, expect, it } from "vitest";
import { type LinkedProblem, renderManage } from "./problem-manage.js";

const problem = (extra: Partial<LinkedProblem>): LinkedProblem => ({
  id: "p",
  code: "PRB-01-1",
  title: "Printer",
  status: "NEW",
  rootCause: null,
  workaround: null,
  allowedActions: [],
  nextStatuses: [],
  resolveModes: [],
  ...extra,
});
const handlers = { update: () => undefined, move: () => undefined, resolve: () => undefined };

describe("renderManage", () => {
  it("shows nothing to an agent the gateway gives no handling", () => {
    expect(renderManage(problem({ allowedActions: ["LINK_INCIDENT"] }), (k) => k, false, handlers)).toBe(nothing);
  });

  it("offers resolving only with a mode the gateway lists", () => {
    expect(renderManage(problem({ allowedActions: ["RESOLVE"], resolveModes: [] }), (k) => k, false, handlers)).toBe(nothing);
    expect(renderManage(problem({ allowedActions: ["RESOLVE"], resolveModes: ["NOTIFY_LINKED"] }), (k) => k, false, handlers)).not.toBe(nothing);
  });

  it("offers a move when the gateway lists next statuses", () => {
    expect(renderManage(problem({ nextStatuses: ["INVESTIGATING"] }), (k) => k, false, handlers)).not.toBe(nothing);
  });
});
