/** Table tests of approver-pool.rules: who a step asks when it starts, who stops counting, and the fallback. */
import { describe, expect, it } from "vitest";
import { Role } from "../agents/role.js";
import { ApprovalDecision as D, ApprovalRule, type DecisionRecord, type PoolAgent, type StepConfig, type StepSnapshot } from "./approval.rules.js";
import { hasStarted, refreshStep, resolveApprovers, startStep, stepWarnings, type StepPool } from "./approver-pool.rules.js";

const a = (id: string, role: Role, groupId: string | null = null, active = true): PoolAgent => ({ id, name: id, role, groupId, active });
const SITE: PoolAgent[] = [
  a("sari", Role.SUPERVISOR, "g1"),
  a("bayu", Role.SUPERVISOR, "g2"),
  a("dewi", Role.SPECIALIST, "g1"),
  a("mira", Role.MANAGER),
  a("adi", Role.ADMIN),
  a("old", Role.MANAGER, null, false),
];
const pool = (agents: PoolAgent[] = SITE, requester: string | null = null, ticketGroupId: string | null = null): StepPool => ({ agents, ticketGroupId, isRequester: (x) => x.id === requester });
const role = (r: Role): StepConfig => ({ rule: ApprovalRule.ANY_OF, role: r, groupId: null, agentIds: [] });
const group = (g: string, rule = ApprovalRule.ANY_OF): StepConfig => ({ rule, role: null, groupId: g, agentIds: [] });
const named = (rule: ApprovalRule, ...ids: string[]): StepConfig => ({ rule, role: null, groupId: null, agentIds: ids });
const ids = (r: { approvers: Array<{ id: string }> }) => r.approvers.map((x) => x.id);
const label = { en: "x", id: "x" };
const step = (config: StepConfig, approvers: string[], fallback: Role.MANAGER | Role.ADMIN | null = null): StepSnapshot => ({
  rule: config.rule,
  label,
  approvers: approvers.map((id) => ({ id, name: id })),
  config,
  started: true,
  fallback,
});
const dec = (approverId: string, decision = D.APPROVE): DecisionRecord => ({ step: 0, approverId, approverName: approverId, decision, reason: null, at: "2026-01-05T08:00:00.000Z" });

describe("resolveApprovers", () => {
  it.each([
    ["a role's agents, site-wide", role(Role.SUPERVISOR), pool(), ["bayu", "sari"], null],
    ["a role's agents of the ticket's group", role(Role.SUPERVISOR), pool(SITE, null, "g1"), ["sari"], null],
    ["a group's members", group("g1"), pool(), ["dewi", "sari"], null],
    ["named agents, the requester left out", named(ApprovalRule.ALL_OF, "sari", "bayu"), pool(SITE, "sari"), ["bayu"], null],
    ["a role with nobody active: the managers", role(Role.SPECIALIST), pool(SITE.filter((x) => x.id !== "dewi")), ["mira"], Role.MANAGER],
    ["a group with no member: the managers (inactive ones never)", group("g9"), pool(), ["mira"], Role.MANAGER],
    ["only the requester in the group's role: the managers", role(Role.SUPERVISOR), pool(SITE, "sari", "g1"), ["mira"], Role.MANAGER],
    ["no manager either: the admins", group("g9"), pool(SITE.filter((x) => x.role !== Role.MANAGER)), ["adi"], Role.ADMIN],
    ["the only manager asked for it: the admins", group("g9"), pool(SITE, "mira"), ["adi"], Role.ADMIN],
    ["nobody at all but the requester", group("g9"), pool([a("adi", Role.ADMIN)], "adi"), [], null],
  ])("%s", (_, config, p, expected, fallback) => {
    const r = resolveApprovers(config, p);
    expect(ids(r)).toEqual(expected);
    expect(r.fallback).toBe(fallback);
  });
});

describe("startStep", () => {
  it("resolves a step's approvers when it starts: someone who joined the group since the chain began is asked", () => {
    const waiting: StepSnapshot = { rule: ApprovalRule.ANY_OF, label, approvers: [], config: group("g2"), started: false, fallback: null };
    expect(hasStarted(waiting)).toBe(false);
    const joined = [...SITE, a("nina", Role.SUPERVISOR, "g2")];
    const started = startStep(waiting, pool(joined));
    expect([ids(started), started.started, hasStarted(started)]).toEqual([["bayu", "nina"], true, true]);
  });

  it("keeps the approvers of a chain stored before steps started one by one", () => {
    const old: StepSnapshot = { rule: ApprovalRule.ANY_OF, label, approvers: [{ id: "sari", name: "sari" }] };
    expect(hasStarted(old)).toBe(true);
    expect(ids(startStep(old, pool([])))).toEqual(["sari"]);
  });
});

describe("refreshStep", () => {
  const gone = (id: string) => SITE.map((x) => (x.id === id ? { ...x, active: false } : x));
  const moved = (id: string, groupId: string) => SITE.map((x) => (x.id === id ? { ...x, groupId } : x));
  it.each([
    ["nobody left: the same step", step(group("g1"), ["dewi", "sari"]), [], pool(), ["dewi", "sari"], null],
    ["ANY_OF, one deactivated: the other decides", step(group("g1"), ["dewi", "sari"]), [], pool(gone("sari")), ["dewi"], null],
    ["ANY_OF, one moved to another group: the other decides", step(group("g1"), ["dewi", "sari"]), [], pool(moved("sari", "g2")), ["dewi"], null],
    ["ALL_OF, one approved then left: the decision stands", step(group("g1", ApprovalRule.ALL_OF), ["dewi", "sari"]), [dec("sari")], pool(gone("sari")), ["dewi", "sari"], null],
    ["ALL_OF, the undecided one left: the remaining one is enough", step(group("g1", ApprovalRule.ALL_OF), ["dewi", "sari"]), [dec("sari")], pool(gone("dewi")), ["sari"], null],
    ["named, every one gone: the managers", step(named(ApprovalRule.ALL_OF, "sari", "bayu"), ["bayu", "sari"]), [], pool(gone("sari").map((x) => (x.id === "bayu" ? { ...x, active: false } : x))), ["mira"], Role.MANAGER],
    ["a role changed away: the role's new holders are asked", step(role(Role.SUPERVISOR), ["sari"]), [], pool([...SITE.map((x) => (x.id === "sari" ? { ...x, role: Role.SPECIALIST } : x))], null, "g1"), ["mira"], Role.MANAGER],
    ["a manager asked as fallback left: the other managers, else the admins", step(group("g9"), ["mira"], Role.MANAGER), [], pool(gone("mira")), ["adi"], Role.ADMIN],
    ["a fallback step whose group gained a member goes back to it", step(group("g1"), ["mira"], Role.MANAGER), [], pool(gone("mira")), ["dewi", "sari"], null],
  ])("%s", (_, s, decisions, p, expected, fallback) => {
    const r = refreshStep(s, decisions, p);
    expect(ids(r)).toEqual(expected);
    expect(r.fallback ?? null).toBe(fallback);
  });

  it("returns the step itself when nothing changed, so nothing is saved", () => {
    const s = step(group("g1"), ["dewi", "sari"]);
    expect(refreshStep(s, [], pool())).toBe(s);
  });

  it("asks nobody when nobody at all can be asked (the site's only admin asked for it): the desk cancels it", () => {
    const s = step(group("g9"), ["mira"], Role.MANAGER);
    expect(refreshStep(s, [], pool([a("adi", Role.ADMIN)], "adi"))).toMatchObject({ approvers: [], fallback: Role.MANAGER });
  });
});

describe("stepWarnings", () => {
  it.each([
    ["a role somebody holds", [role(Role.SUPERVISOR)], SITE, []],
    ["a role nobody active holds", [role(Role.SUPERVISOR), role(Role.SPECIALIST)], SITE.filter((x) => x.id !== "dewi"), ["steps.1"]],
    ["a group with no active member", [group("g9")], SITE, ["steps.0"]],
    ["named agents since deactivated", [named(ApprovalRule.ALL_OF, "old")], SITE, ["steps.0"]],
  ])("%s", (_, steps, agents, expected) => {
    const warnings = stepWarnings(steps, agents);
    expect(warnings.map((w) => w.field)).toEqual(expected);
    for (const w of warnings) expect(w.message).toMatch(/managers \(then its administrators\) are asked instead/);
  });
});
