import { describe, expect, it } from "vitest";
import { Role } from "../agents/role.js";
import { automaticEscalation, escalationRefusal, escalationTarget, functionalLevels, hierarchicalLevels, rolesForLevel } from "./escalation.rules.js";
import { Refusal } from "./refusal.js";
import { EscalationKind, TicketStatus } from "./ticket.enums.js";

const { FUNCTIONAL, HIERARCHICAL } = EscalationKind;
const open = (supportLevel: number, hierarchyLevel: number, status = TicketStatus.IN_PROGRESS) => ({ status, supportLevel, hierarchyLevel });

function refusal(fn: () => unknown): { code: string; fields: string[] } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return { code: e.code, fields: e.fields.map((f) => f.field) };
  }
}

describe("levels", () => {
  it.each([
    [1, [2, 3]],
    [2, [3]],
    [3, []],
  ])("a ticket at support level %i can go to %j", (level, above) => expect(functionalLevels(level)).toEqual(above));

  it.each([
    [0, [1, 2]],
    [1, [2]],
    [2, []],
  ])("a ticket at management level %i can still inform %j", (level, above) => expect(hierarchicalLevels(level)).toEqual(above));

  it.each([
    [1, [Role.SUPERVISOR, Role.MANAGER, Role.ADMIN]],
    [2, [Role.MANAGER, Role.ADMIN]],
    [3, []],
  ])("management level %i goes to %j", (level, roles) => expect(rolesForLevel(level)).toEqual(roles));
});

describe("escalationTarget", () => {
  it.each([
    ["functional, default one up", open(1, 0), { kind: FUNCTIONAL }, 2, null],
    ["functional straight to 3", open(1, 0), { kind: FUNCTIONAL, level: 3 }, 3, null],
    ["functional down", open(2, 0), { kind: FUNCTIONAL, level: 2 }, null, { code: "BAD_USER_INPUT", fields: ["level"] }],
    ["functional past the top", open(3, 0), { kind: FUNCTIONAL }, null, { code: "CONFLICT", fields: [] }],
    ["functional to a group of another level", open(1, 0), { kind: FUNCTIONAL, level: 2, group: { name: "L3", level: 3 } }, null, { code: "BAD_USER_INPUT", fields: ["groupId"] }],
    ["hierarchical, default supervisor", open(1, 0), { kind: HIERARCHICAL }, 1, null],
    ["hierarchical to a manager", open(1, 0), { kind: HIERARCHICAL, level: 2, person: { name: "M", role: Role.MANAGER } }, 2, null],
    ["hierarchical manager level to a supervisor", open(1, 0), { kind: HIERARCHICAL, level: 2, person: { name: "S", role: Role.SUPERVISOR } }, null, { code: "BAD_USER_INPUT", fields: ["agentId"] }],
    ["hierarchical level 7", open(1, 0), { kind: HIERARCHICAL, level: 7 }, null, { code: "BAD_USER_INPUT", fields: ["level"] }],
    ["hierarchical past the manager", open(1, 2), { kind: HIERARCHICAL }, null, { code: "CONFLICT", fields: [] }],
    ["a RESOLVED ticket", open(1, 0, TicketStatus.RESOLVED), { kind: FUNCTIONAL }, null, { code: "CONFLICT", fields: [] }],
    ["a CLOSED ticket", open(1, 0, TicketStatus.CLOSED), { kind: HIERARCHICAL }, null, { code: "CONFLICT", fields: [] }],
  ])("%s", (_what, state, req, level, refused) => {
    expect(refusal(() => escalationTarget(state, req))).toEqual(refused);
    if (level !== null) expect(escalationTarget(state, req)).toBe(level);
  });

  it("tells a RESOLVED ticket to be reopened first", () => {
    expect(escalationRefusal(open(1, 0, TicketStatus.RESOLVED), FUNCTIONAL)).toMatch(/Reopen it first/);
  });
});

describe("automaticEscalation", () => {
  const now = new Date("2026-01-05T12:00:00Z");
  const due = { responseDueAt: new Date("2026-01-05T10:00:00Z"), resolutionDueAt: new Date("2026-01-05T11:00:00Z") };
  it.each([
    ["a missed response goes to the supervisor", open(1, 0), "RESPONSE", { responseEscalatedAt: now, hierarchyLevel: 1 }, "RESPONSE_TARGET_MISSED"],
    ["a missed response keeps a manager who knows", open(1, 2), "RESPONSE", { responseEscalatedAt: now, hierarchyLevel: 2 }, "RESPONSE_TARGET_MISSED"],
    ["a missed resolution moves one support line up", open(1, 0), "RESOLUTION", { resolutionEscalatedAt: now, supportLevel: 2 }, "RESOLUTION_TARGET_MISSED"],
    ["a missed resolution at the top line informs management", open(3, 1), "RESOLUTION", { resolutionEscalatedAt: now, hierarchyLevel: 2 }, "RESOLUTION_TARGET_MISSED"],
  ] as const)("%s", (_what, state, target, patch, reason) => {
    const e = automaticEscalation({ ...state, ...due }, target, now);
    expect(e.patch).toEqual(patch);
    expect(e.entry).toMatchObject({ kind: "AUTO_ESCALATED", visibility: "PUBLIC", data: { reason } });
  });
});
