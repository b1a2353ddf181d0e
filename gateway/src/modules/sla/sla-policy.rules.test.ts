import { describe, expect, it } from "vitest";
import { Priority, TicketType } from "../tickets/ticket.enums.js";
import { clearPolicyProblem, formatTarget, parseTargets, policyFromTargets, policyTargets, sitePolicies, slaPolicyProblems, type PolicyProblem, type SlaPolicyRow, type SlaTargetEntry } from "./sla-policy.rules.js";
import { DEFAULT_SLA_POLICY, type SlaPolicy, type SlaTarget } from "./sla.rules.js";

const withTarget = (priority: Priority, target: Partial<SlaTarget>): SlaPolicy => ({
  ...DEFAULT_SLA_POLICY,
  [priority]: { ...DEFAULT_SLA_POLICY[priority], ...target },
});

describe("slaPolicyProblems", () => {
  it("passes seed 002's table 6, the default", () => {
    expect(slaPolicyProblems(DEFAULT_SLA_POLICY)).toEqual([]);
  });

  it.each<[string, SlaPolicy, PolicyProblem[]]>([
    [
      "a zero response target",
      withTarget(Priority.P1, { responseMinutes: 0 }),
      [{ field: "P1.responseMinutes", message: "The response target of P1 (Critical) must be a whole number of minutes above zero, got 0." }],
    ],
    [
      "a negative resolution target",
      withTarget(Priority.P5, { resolutionMinutes: -60 }),
      [{ field: "P5.resolutionMinutes", message: "The resolution target of P5 (Planning) must be a whole number of minutes above zero, got -60." }],
    ],
    [
      "a fractional target",
      withTarget(Priority.P3, { responseMinutes: 59.5 }),
      [{ field: "P3.responseMinutes", message: "The response target of P3 (Medium) must be a whole number of minutes above zero, got 59.5." }],
    ],
    [
      "a target that is not a number",
      withTarget(Priority.P3, { responseMinutes: Number.NaN }),
      [{ field: "P3.responseMinutes", message: "The response target of P3 (Medium) must be a whole number of minutes above zero, got NaN." }],
    ],
    [
      "a target longer than a year",
      withTarget(Priority.P5, { resolutionMinutes: 525_601 }),
      [{ field: "P5.resolutionMinutes", message: "The resolution target of P5 (Planning) may be at most 525600 minutes (365 days), got 525601." }],
    ],
    [
      "a response slower than its resolution",
      withTarget(Priority.P2, { responseMinutes: 200 }),
      [
        {
          field: "P2.responseMinutes",
          message: "The response target of P2 (High) (200 minutes) is longer than its resolution target (180 minutes); a ticket cannot be resolved before it is responded to.",
        },
        { field: "P3.responseMinutes", message: "The response target of P2 (High) (200 minutes) is longer than that of P3 (Medium) (60 minutes); a more urgent priority may not wait longer." },
      ],
    ],
    [
      "a more urgent priority with a longer resolution target",
      withTarget(Priority.P1, { resolutionMinutes: 240 }),
      [{ field: "P2.resolutionMinutes", message: "The resolution target of P1 (Critical) (240 minutes) is longer than that of P2 (High) (180 minutes); a more urgent priority may not wait longer." }],
    ],
    [
      "a less urgent priority with a shorter response target",
      withTarget(Priority.P4, { responseMinutes: 20 }),
      [{ field: "P4.responseMinutes", message: "The response target of P3 (Medium) (60 minutes) is longer than that of P4 (Low) (20 minutes); a more urgent priority may not wait longer." }],
    ],
  ])("reports %s, naming the field", (_, policy, problems) => {
    expect(slaPolicyProblems(policy)).toEqual(problems);
  });

  it.each<[string, Partial<SlaPolicy>]>([
    [
      "equal targets for neighbouring priorities",
      {
        [Priority.P2]: { responseMinutes: 60, resolutionMinutes: 480 },
        [Priority.P3]: { responseMinutes: 60, resolutionMinutes: 480 },
      },
    ],
    ["a response target equal to its resolution target", { [Priority.P1]: { responseMinutes: 10, resolutionMinutes: 10 } }],
    ["a one-minute response", { [Priority.P1]: { responseMinutes: 1, resolutionMinutes: 60 } }],
  ])("accepts %s", (_, changes) => {
    expect(slaPolicyProblems({ ...DEFAULT_SLA_POLICY, ...changes })).toEqual([]);
  });

  it("accepts a policy at the one-year limit", () => {
    const year = 365 * 24 * 60;
    const flat = Object.fromEntries(Object.values(Priority).map((p) => [p, { responseMinutes: year, resolutionMinutes: year }])) as SlaPolicy;
    expect(slaPolicyProblems(flat)).toEqual([]);
  });

  it("compares across a priority whose target is invalid instead of reporting it twice", () => {
    const policy: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      [Priority.P2]: { responseMinutes: 0, resolutionMinutes: 180 },
      [Priority.P3]: { responseMinutes: 5, resolutionMinutes: 480 },
    };
    expect(slaPolicyProblems(policy)).toEqual([
      { field: "P2.responseMinutes", message: "The response target of P2 (High) must be a whole number of minutes above zero, got 0." },
      { field: "P3.responseMinutes", message: "The response target of P1 (Critical) (10 minutes) is longer than that of P3 (Medium) (5 minutes); a more urgent priority may not wait longer." },
    ]);
  });

  it("reports a priority missing from a policy read from JSON", () => {
    const parsed = JSON.parse(
      '{"P1":{"responseMinutes":10,"resolutionMinutes":60},"P2":{"responseMinutes":30},"P3":{"responseMinutes":60,"resolutionMinutes":480},"P4":{"responseMinutes":240,"resolutionMinutes":720}}',
    ) as SlaPolicy;
    expect(slaPolicyProblems(parsed)).toEqual([
      { field: "P2.resolutionMinutes", message: "The resolution target of P2 (High) must be a whole number of minutes above zero, got nothing." },
      { field: "P5", message: "P5 (Planning) has no SLA target." },
    ]);
  });
});

describe("policyFromTargets", () => {
  const all = policyTargets(DEFAULT_SLA_POLICY);

  it("reads a list naming each priority once, in any order", () => {
    expect(policyFromTargets([...all].reverse())).toEqual({ policy: DEFAULT_SLA_POLICY, problems: [] });
  });

  it.each<[string, SlaTargetEntry[], PolicyProblem[]]>([
    ["a priority left out", all.slice(0, 4), [{ field: "P5", message: "P5 (Planning) is missing; a policy sets all five priorities." }]],
    ["a priority given twice", [...all, { priority: Priority.P2, responseMinutes: 5, resolutionMinutes: 50 }], [{ field: "P2", message: "P2 (High) is given twice; give each priority once." }]],
    ["nothing at all", [], Object.values(Priority).map((p) => ({ field: p, message: expect.stringMatching(new RegExp(`^${p} .* is missing`)) as unknown as string }))],
  ])("names %s", (_, targets, problems) => {
    expect(policyFromTargets(targets).problems).toEqual(problems);
  });
});

describe("parseTargets and formatTarget", () => {
  it.each<[string, SlaTargetEntry | null]>([
    ["P1=15/240", { priority: Priority.P1, responseMinutes: 15, resolutionMinutes: 240 }],
    ["p3 = 1h / 8h", { priority: Priority.P3, responseMinutes: 60, resolutionMinutes: 480 }],
    ["P5=8h/2d", { priority: Priority.P5, responseMinutes: 480, resolutionMinutes: 2880 }],
    ["P6=1/2", null],
    ["P1=15", null],
    ["P1=1.5/20", null],
  ])("reads %s", (item, target) => {
    const parsed = parseTargets([item]);
    expect(parsed.targets).toEqual(target ? [target] : []);
    expect(parsed.problems).toHaveLength(target ? 0 : 1);
  });

  it("writes a target as response/resolution minutes", () => {
    expect(formatTarget(DEFAULT_SLA_POLICY[Priority.P4])).toBe("240/720");
  });
});

describe("sitePolicies: a ticket type without its own targets follows the incident policy", () => {
  const row = (ticketType: TicketType, priority: Priority, responseMinutes: number, resolutionMinutes: number): SlaPolicyRow => ({ ticketType, priority, responseMinutes, resolutionMinutes });
  const allOf = (ticketType: TicketType, response: number, resolution: number): SlaPolicyRow[] =>
    Object.values(Priority).map((p, i) => row(ticketType, p, response * (i + 1), resolution * (i + 1)));
  const incident = allOf(TicketType.INCIDENT, 15, 120);
  const requests = allOf(TicketType.SERVICE_REQUEST, 60, 1440);

  it.each<[string, SlaPolicyRow[], TicketType, Priority, SlaTarget, TicketType[]]>([
    ["no rows: seed 002's default for an incident", [], TicketType.INCIDENT, Priority.P2, DEFAULT_SLA_POLICY.P2, []],
    ["no rows: seed 002's default for a work order too", [], TicketType.WORK_ORDER, Priority.P5, DEFAULT_SLA_POLICY.P5, []],
    ["an incident row overrides the default of its priority only", [row(TicketType.INCIDENT, Priority.P1, 5, 30)], TicketType.INCIDENT, Priority.P2, DEFAULT_SLA_POLICY.P2, []],
    ["the site's incident policy", incident, TicketType.INCIDENT, Priority.P3, { responseMinutes: 45, resolutionMinutes: 360 }, []],
    ["a work order without rows follows the site's incident policy", [...incident, ...requests], TicketType.WORK_ORDER, Priority.P3, { responseMinutes: 45, resolutionMinutes: 360 }, [TicketType.SERVICE_REQUEST]],
    ["a service request with rows of its own gets them", [...incident, ...requests], TicketType.SERVICE_REQUEST, Priority.P3, { responseMinutes: 180, resolutionMinutes: 4320 }, [TicketType.SERVICE_REQUEST]],
    ["a service request's own rows need no incident rows", requests, TicketType.SERVICE_REQUEST, Priority.P1, { responseMinutes: 60, resolutionMinutes: 1440 }, [TicketType.SERVICE_REQUEST]],
    ["an incident ignores the rows of other types", requests, TicketType.INCIDENT, Priority.P1, DEFAULT_SLA_POLICY.P1, [TicketType.SERVICE_REQUEST]],
    ["a priority a type's rows leave out follows the incident policy", [...incident, row(TicketType.WORK_ORDER, Priority.P5, 2880, 7200)], TicketType.WORK_ORDER, Priority.P4, { responseMinutes: 60, resolutionMinutes: 480 }, [TicketType.WORK_ORDER]],
  ])("%s", (_, rows, type, priority, target, own) => {
    const policies = sitePolicies(rows);
    expect(policies.byType[type][priority]).toEqual(target);
    expect(policies.own).toEqual(own);
  });

  it.each<[TicketType, boolean]>([
    [TicketType.INCIDENT, false],
    [TicketType.SERVICE_REQUEST, true],
    [TicketType.WORK_ORDER, true],
  ])("clearing %s's own targets is allowed: %s", (type, allowed) => {
    expect(clearPolicyProblem(type) === null).toBe(allowed);
  });
});
