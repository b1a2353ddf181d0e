import { describe, expect, it } from "vitest";
import { Role } from "../agents/role.js";
import {
  ApprovalDecision as D,
  ApprovalRule,
  ApprovalState as S,
  approversToAsk,
  chainStatus,
  decisionRefusal,
  isRequester,
  parseSteps,
  reasonProblem,
  stepApprovers,
  stepProblems,
  withoutRequester,
  type DecisionRecord,
  type PoolAgent,
  type StepConfig,
  type StepSnapshot,
} from "./approval.rules.js";

const label = { en: "Supervisor", id: "Supervisor" };
const ann = { id: "ann", name: "Ann" };
const bob = { id: "bob", name: "Bob" };
const cid = { id: "cid", name: "Cid" };
const any = (...approvers: { id: string; name: string }[]): StepSnapshot => ({ rule: ApprovalRule.ANY_OF, label, approvers });
const all = (...approvers: { id: string; name: string }[]): StepSnapshot => ({ rule: ApprovalRule.ALL_OF, label, approvers });
const dec = (step: number, approverId: string, decision: D = D.APPROVE): DecisionRecord => ({ step, approverId, approverName: approverId, decision, reason: null, at: "2026-01-05T08:00:00.000Z" });
const requester = { loggedById: null, email: "client@example.com" };
const agent = (id: string, email = `${id}@desk.example`) => ({ id, email });

describe("chainStatus", () => {
  it.each([
    ["one ANY_OF step, nobody decided", [any(ann, bob)], [], S.PENDING, 0, [S.PENDING]],
    ["one ANY_OF step, one approved", [any(ann, bob)], [dec(0, "bob")], S.APPROVED, null, [S.APPROVED]],
    ["ALL_OF, one of two approved", [all(ann, bob)], [dec(0, "ann")], S.PENDING, 0, [S.PENDING]],
    ["ALL_OF, both approved", [all(ann, bob)], [dec(0, "ann"), dec(0, "bob")], S.APPROVED, null, [S.APPROVED]],
    ["two steps, the first approved", [any(ann), any(bob)], [dec(0, "ann")], S.PENDING, 1, [S.APPROVED, S.PENDING]],
    ["two steps, both approved", [any(ann), all(bob, cid)], [dec(0, "ann"), dec(1, "bob"), dec(1, "cid")], S.APPROVED, null, [S.APPROVED, S.APPROVED]],
    ["a rejection in the first step ends the chain", [any(ann, bob), any(cid)], [dec(0, "bob", D.REJECT)], S.REJECTED, null, [S.REJECTED, S.WAITING]],
    ["a rejection after an approval in ALL_OF", [all(ann, bob)], [dec(0, "ann"), dec(0, "bob", D.REJECT)], S.REJECTED, null, [S.REJECTED]],
    ["later steps wait", [any(ann), any(bob), any(cid)], [], S.PENDING, 0, [S.PENDING, S.WAITING, S.WAITING]],
    ["ALL_OF with nobody to ask stays pending", [all()], [], S.PENDING, 0, [S.PENDING]],
  ])("%s", (_name, steps, decisions, state, current, stepStates) => {
    expect(chainStatus(steps, decisions)).toEqual({ state, current, steps: stepStates });
  });
});

describe("chainStatus of a withdrawn request", () => {
  it.each([
    ["undecided steps read WITHDRAWN, nothing is current", [any(ann), any(bob)], [], S.WITHDRAWN, [S.WITHDRAWN, S.WITHDRAWN]],
    ["an approved step stays approved", [any(ann), all(bob, cid)], [dec(0, "ann"), dec(1, "bob")], S.WITHDRAWN, [S.APPROVED, S.WITHDRAWN]],
    ["a decided chain keeps its outcome", [any(ann), any(bob)], [dec(0, "ann", D.REJECT)], S.REJECTED, [S.REJECTED, S.WAITING]],
    ["an approved chain stays approved", [any(ann)], [dec(0, "ann")], S.APPROVED, [S.APPROVED]],
  ])("%s", (_name, steps, decisions, state, stepStates) => {
    expect(chainStatus(steps, decisions, true)).toEqual({ state, current: null, steps: stepStates });
  });
});

describe("decisionRefusal", () => {
  it.each([
    ["an approver of the current step", [any(ann, bob)], [], agent("ann"), requester, null],
    ["someone not in the step", [any(ann, bob)], [], agent("cid"), requester, "FORBIDDEN"],
    ["an approver of a later step, too early", [any(ann), any(bob)], [], agent("bob"), requester, "FORBIDDEN"],
    ["the requester by e-mail, even as an approver", [any(ann, bob)], [], agent("ann", "Client@Example.com"), requester, "FORBIDDEN"],
    ["the agent who logged it", [any(ann, bob)], [], agent("ann"), { loggedById: "ann", email: null }, "FORBIDDEN"],
    ["an ALL_OF approver a second time", [all(ann, bob)], [dec(0, "ann")], agent("ann"), requester, "CONFLICT"],
    ["the other ALL_OF approver", [all(ann, bob)], [dec(0, "ann")], agent("bob"), requester, null],
    ["anyone once approved", [any(ann)], [dec(0, "ann")], agent("ann"), requester, "CONFLICT"],
    ["anyone once rejected", [any(ann, bob)], [dec(0, "ann", D.REJECT)], agent("bob"), requester, "CONFLICT"],
  ])("%s", (_name, steps, decisions, who, req, code) => {
    expect(decisionRefusal(steps, decisions, who, req)?.code ?? null).toBe(code);
  });
});

describe("stepApprovers", () => {
  const pool: PoolAgent[] = [
    { id: "s1", name: "Sari", role: Role.SUPERVISOR, groupId: "dc", active: true },
    { id: "s2", name: "Budi", role: Role.SUPERVISOR, groupId: "net", active: true },
    { id: "s3", name: "Andi", role: Role.SUPERVISOR, groupId: "dc", active: false },
    { id: "a1", name: "Dewi", role: Role.AGENT, groupId: "dc", active: true },
  ];
  const step = (c: Partial<StepConfig>): StepConfig => ({ rule: ApprovalRule.ANY_OF, role: null, groupId: null, agentIds: [], ...c });
  it.each([
    ["the role in the ticket's group", step({ role: Role.SUPERVISOR }), "dc", ["s1"]],
    ["the role site-wide when the ticket has no group", step({ role: Role.SUPERVISOR }), null, ["s2", "s1"]],
    ["a group's active members by name", step({ groupId: "dc" }), null, ["a1", "s1"]],
    ["named agents in order, inactive left out", step({ agentIds: ["s2", "s3", "a1"] }), "dc", ["s2", "a1"]],
  ])("%s", (_name, config, groupId, ids) => {
    expect(stepApprovers(config, groupId, pool).map((a) => a.id)).toEqual(ids);
  });
});

describe("stepProblems", () => {
  const ok: StepConfig = { rule: ApprovalRule.ANY_OF, role: Role.SUPERVISOR, groupId: null, agentIds: [] };
  it.each([
    ["a role step", [ok], []],
    ["no approver kind", [{ ...ok, role: null }], ["steps.0"]],
    ["two kinds", [{ ...ok, groupId: "g" }], ["steps.0"]],
    ["every AGENT", [{ ...ok, role: Role.AGENT }], ["steps.0.role"]],
    ["a named approver twice", [{ ...ok, role: null, agentIds: ["a", "a"] }], ["steps.0.agentIds"]],
    ["six steps", Array(6).fill(ok), ["steps"]],
  ])("%s", (_name, steps, fields) => {
    expect(stepProblems(steps).map((p) => p.field)).toEqual(fields);
  });
});

describe("the rest of a chain", () => {
  it.each([
    [D.REJECT, "", "reason"],
    [D.REJECT, "Not on Sunday", null],
    [D.APPROVE, null, null],
    [D.APPROVE, "x".repeat(2001), "reason"],
  ])("a %s with reason %j: problem %s", (decision, reason, field) => {
    expect(reasonProblem(decision, reason)?.field ?? null).toBe(field);
  });

  it("asks the current step's approvers who have not decided", () => {
    expect(approversToAsk([all(ann, bob), any(cid)], [dec(0, "ann")])).toEqual([bob]);
    expect(approversToAsk([any(ann), any(cid)], [dec(0, "ann")])).toEqual([cid]);
    expect(approversToAsk([any(ann)], [dec(0, "ann")])).toEqual([]);
  });

  it("leaves the requester out of every step, so ALL_OF does not wait for them", () => {
    const steps = withoutRequester([all(ann, bob)], (a) => isRequester(agent(a.id), { loggedById: "bob", email: null }));
    expect(steps[0]!.approvers).toEqual([ann]);
    expect(chainStatus(steps, [dec(0, "ann")]).state).toBe(S.APPROVED);
  });
});

describe("parseSteps", () => {
  it.each([
    ["", [], []],
    ["ANY_OF:role=SUPERVISOR", [{ rule: ApprovalRule.ANY_OF, role: Role.SUPERVISOR, groupId: null, agentIds: [] }], []],
    ["any_of:role=supervisor ; ALL_OF:agents=a1, a2", [
      { rule: ApprovalRule.ANY_OF, role: Role.SUPERVISOR, groupId: null, agentIds: [] },
      { rule: ApprovalRule.ALL_OF, role: null, groupId: null, agentIds: ["a1", "a2"] },
    ], []],
    ["ALL_OF:group=g1", [{ rule: ApprovalRule.ALL_OF, role: null, groupId: "g1", agentIds: [] }], []],
    ["SOME_OF:role=SUPERVISOR;ANY_OF:role=BOSS;ANY_OF:team=x", [], ["steps.0", "steps.1", "steps.2"]],
  ])("%j", (text, steps, fields) => {
    const parsed = parseSteps(text);
    expect(parsed.steps).toEqual(steps);
    expect(parsed.problems.map((p) => p.field)).toEqual(fields);
  });
});
