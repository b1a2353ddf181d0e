import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, type GqlResult, type TestGateway } from "./harness.js";

/**
 * An admin's SLA policy, priority matrix and site basics over GraphQL (issue 10 item 4): changed
 * by an ADMIN only, every bad field named, audited, and followed by the next report at once while
 * open tickets keep what they were given. (The same on a second gateway: scaleout.test.ts.)
 */

let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  gw = await startTestGateway();
  // The reports below state impact; the site must let reporters do so.
  await gw.services.sites.setSettings(gw.site.id, { reporterSetsImpact: true });
  admin = await gw.agentToken(Role.ADMIN, "Admin Satu");
});
afterAll(async () => {
  await gw?.close();
});

const MIN = 60_000;
const POLICY_FIELDS = `slaPolicy { priority responseMinutes resolutionMinutes }`;
const SET_POLICY = `mutation($targets: [SlaTargetInput!]!) { setSlaPolicy(targets: $targets) { ${POLICY_FIELDS} } }`;

type Target = { priority: string; responseMinutes: number; resolutionMinutes: number };
const DEFAULT_POLICY: Target[] = [
  { priority: "P1", responseMinutes: 10, resolutionMinutes: 60 },
  { priority: "P2", responseMinutes: 30, resolutionMinutes: 180 },
  { priority: "P3", responseMinutes: 60, resolutionMinutes: 480 },
  { priority: "P4", responseMinutes: 240, resolutionMinutes: 720 },
  { priority: "P5", responseMinutes: 480, resolutionMinutes: 1440 },
];
const withTarget = (priority: string, responseMinutes: number, resolutionMinutes: number): Target[] =>
  DEFAULT_POLICY.map((t) => (t.priority === priority ? { priority, responseMinutes, resolutionMinutes } : t));

const asAdmin = <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token: admin, siteKey: null });
const fieldsOf = (r: GqlResult<unknown>) => r.errors![0]!.extensions.fields!.map((f) => f.field).sort();
const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / MIN;

/** The site's audit lines of one action, oldest first. */
async function auditLines(action: string): Promise<Array<{ actor_name: string; actor_kind: string; before: string | null; after: string | null }>> {
  return gw.services.ds.query("SELECT actor_name, actor_kind, `before`, `after` FROM audit_entry WHERE site_id = ? AND action = ? ORDER BY id", [gw.site.id, action]);
}

describe("the SLA policy per priority", () => {
  it("shows an admin the seed's policy until the site sets its own", async () => {
    const r = await desk<{ siteSettings: { slaPolicy: Target[] } }>(gw, admin, `{ siteSettings { ${POLICY_FIELDS} } }`);
    expect(r.siteSettings.slaPolicy).toEqual(DEFAULT_POLICY);
  });

  it("gives a new report the new targets at once, while an open ticket keeps the due times it was given", async () => {
    // Read the public site first, so the gateway's cache holds the old policy.
    await gw.gql(`{ site { name } }`);
    const before = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    expect(before.priority).toBe("P3");
    expect(minutesBetween(before.createdAt, before.responseDueAt)).toBe(60);

    const policy = withTarget("P3", 45, 300);
    const r = await asAdmin<{ setSlaPolicy: { slaPolicy: Target[] } }>(SET_POLICY, { targets: [...policy].reverse() });
    expect(r.errors).toBeUndefined();
    expect(r.data!.setSlaPolicy.slaPolicy).toEqual(policy);

    const after = await report(gw, { urgency: "MEDIUM", impact: "MEDIUM" });
    expect(minutesBetween(after.createdAt, after.responseDueAt)).toBe(45);
    expect(minutesBetween(after.createdAt, after.resolutionDueAt)).toBe(300);
    // The public site shows the new targets too (its cached copy was dropped).
    const site = await gw.gql<{ site: { slaPolicy: Array<{ priority: string; responseMinutes: number }> } }>(`{ site { slaPolicy { priority responseMinutes } } }`);
    expect(site.data!.site.slaPolicy.find((t) => t.priority === "P3")!.responseMinutes).toBe(45);

    const old = await gw.gql<{ trackTicket: { responseDueAt: string; resolutionDueAt: string } }>(`query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { responseDueAt resolutionDueAt } }`, {
      code: before.code,
      token: before.trackingToken,
    });
    expect(old.data!.trackTicket).toEqual({ responseDueAt: before.responseDueAt, resolutionDueAt: before.resolutionDueAt });
  });

  it("records who changed the policy, and only the priorities that changed", async () => {
    const lines = await auditLines("site.sla_policy");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor_name: "Admin Satu", actor_kind: "AGENT" });
    expect(JSON.parse(lines[0]!.before!)).toEqual({ P3: { responseMinutes: 60, resolutionMinutes: 480 } });
    expect(JSON.parse(lines[0]!.after!)).toEqual({ P3: { responseMinutes: 45, resolutionMinutes: 300 } });
  });

  it.each<[string, Target[], string[]]>([
    ["a zero response", withTarget("P1", 0, 60), ["targets.P1.responseMinutes"]],
    ["a response longer than its resolution", withTarget("P2", 200, 180), ["targets.P2.responseMinutes", "targets.P3.responseMinutes"]],
    ["a resolution over 365 days", withTarget("P5", 480, 525_601), ["targets.P5.resolutionMinutes"]],
    ["a less urgent priority with a tighter target", withTarget("P4", 20, 720), ["targets.P4.responseMinutes"]],
    ["a priority left out", DEFAULT_POLICY.slice(0, 4), ["targets.P5"]],
    ["a priority given twice", [...DEFAULT_POLICY, { priority: "P1", responseMinutes: 5, resolutionMinutes: 30 }], ["targets.P1"]],
  ])("refuses %s (BAD_USER_INPUT naming the field) and keeps the policy", async (_, targets, fields) => {
    const r = await asAdmin(SET_POLICY, { targets });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(r)).toEqual(fields);
    const now = await desk<{ siteSettings: { slaPolicy: Target[] } }>(gw, admin, `{ siteSettings { ${POLICY_FIELDS} } }`);
    expect(now.siteSettings.slaPolicy).toEqual(withTarget("P3", 45, 300));
  });

  it.each([Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER])("refuses the role %s (FORBIDDEN)", async (role) => {
    const token = await gw.agentToken(role);
    const r = await gw.gql(SET_POLICY, { targets: DEFAULT_POLICY }, { token, siteKey: null });
    expect(codeOf(r)).toBe("FORBIDDEN");
    expect((await auditLines("site.sla_policy")).length).toBe(1);
  });
});
