import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";

/**
 * The reads `<sigap-desk-admin>`'s request tabs are built on (issue 12), over GraphQL as an ADMIN:
 * a service's ticket type in catalogAdmin, its approval steps (serviceApproval), the routing rules
 * in order with blank conditions as null, the dispatch settings, and a ticket type's SLA targets
 * following the incident ones until set and again once cleared. A SUPERVISOR reads none of them.
 */

let gw: TestGateway;
let admin: string;
let supervisor: string;
let groupId: string;

const TARGETS = "priority responseMinutes resolutionMinutes";
const POLICY = `query($t: TicketType!) { siteSettings { slaPolicyTypes slaPolicy(ticketType: $t) { ${TARGETS} } } }`;

interface Target {
  priority: string;
  responseMinutes: number;
  resolutionMinutes: number;
}

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.agentToken(Role.ADMIN, "Admin Meja");
  supervisor = await gw.agentToken(Role.SUPERVISOR, "Sari Supervisor");
  groupId = (await gw.services.catalogAdmin.saveGroup(gw.site.id, { name: "Teknisi Jaringan", level: 2 }, TEST_ACTOR)).id;
});
afterAll(async () => {
  await gw?.close();
});

describe("the desk admin's request reads", () => {
  it("keeps a service's ticket type when only its names change", async () => {
    const save = `mutation($input: SaveServiceInput!) { saveService(input: $input) { id ticketType } }`;
    const { saveService } = await desk<{ saveService: { id: string; ticketType: string } }>(gw, admin, save, { input: { names: [{ language: "id", name: "Akses ruang server" }], ticketType: "SERVICE_REQUEST" } });
    expect(saveService.ticketType).toBe("SERVICE_REQUEST");
    await desk(gw, admin, save, { input: { id: saveService.id, names: [{ language: "id", name: "Akses ruang server (izin)" }] } });
    const { catalogAdmin } = await desk<{ catalogAdmin: { services: Array<{ id: string; ticketType: string }> } }>(gw, admin, "{ catalogAdmin { services { id ticketType } } }");
    expect(catalogAdmin.services.find((s) => s.id === saveService.id)?.ticketType).toBe("SERVICE_REQUEST");
  });

  it("reads a service's approval steps: none by default, then as set, then none again", async () => {
    const serviceId = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "Izin kerja" }] }, TEST_ACTOR)).id;
    const read = async () => (await desk<{ serviceApproval: unknown }>(gw, admin, "query($id: ID!) { serviceApproval(serviceId: $id) { serviceId validDays steps { rule role groupId agentIds } } }", { id: serviceId })).serviceApproval;
    const set = "mutation($id: ID!, $steps: [ApprovalStepInput!]!, $days: Int) { setServiceApproval(serviceId: $id, steps: $steps, validDays: $days) { serviceId } }";
    expect(await read()).toEqual({ serviceId, validDays: 7, steps: [] });
    await desk(gw, admin, set, { id: serviceId, steps: [{ rule: "ANY_OF", role: "SUPERVISOR" }, { rule: "ALL_OF", groupId }], days: 3 });
    expect(await read()).toEqual({
      serviceId,
      validDays: 3,
      steps: [
        { rule: "ANY_OF", role: "SUPERVISOR", groupId: null, agentIds: [] },
        { rule: "ALL_OF", role: null, groupId, agentIds: [] },
      ],
    });
    await desk(gw, admin, set, { id: serviceId, steps: [] });
    expect(await read()).toEqual({ serviceId, validDays: 7, steps: [] });
  });

  it("reads the routing rules in order and the dispatch settings, defaults first", async () => {
    const read = () =>
      desk<{ routingRules: unknown[]; dispatchSettings: unknown }>(gw, admin, "{ routingRules { position region serviceId categoryId skill groupId } dispatchSettings { assignment routeIncidents declinedCost } }");
    expect(await read()).toEqual({ routingRules: [], dispatchSettings: { assignment: "ROUND_ROBIN", routeIncidents: false, declinedCost: "CANCEL_JOB" } });
    await desk(gw, admin, "mutation($rules: [RoutingRuleInput!]!) { setRoutingRules(rules: $rules) { id } }", {
      rules: [{ region: "Balikpapan Utara", skill: "Jaringan", groupId }, { groupId }],
    });
    await desk(gw, admin, "mutation { setDispatchSettings(input: { assignment: LEAST_LOADED }) { assignment } }");
    expect(await read()).toEqual({
      routingRules: [
        { position: 0, region: "Balikpapan Utara", serviceId: null, categoryId: null, skill: "Jaringan", groupId },
        { position: 1, region: null, serviceId: null, categoryId: null, skill: null, groupId },
      ],
      dispatchSettings: { assignment: "LEAST_LOADED", routeIncidents: false, declinedCost: "CANCEL_JOB" },
    });
  });

  it("reads a service request's SLA targets as the incident ones until it has its own, and again once cleared", async () => {
    const policy = async (t: string) => (await desk<{ siteSettings: { slaPolicyTypes: string[]; slaPolicy: Target[] } }>(gw, admin, POLICY, { t })).siteSettings;
    const incident = (await policy("INCIDENT")).slaPolicy;
    expect(await policy("SERVICE_REQUEST")).toEqual({ slaPolicyTypes: [], slaPolicy: incident });
    const own = incident.map((t) => ({ ...t, responseMinutes: t.responseMinutes * 2, resolutionMinutes: t.resolutionMinutes * 2 }));
    await desk(gw, admin, `mutation($targets: [SlaTargetInput!]!) { setSlaPolicy(targets: $targets, ticketType: SERVICE_REQUEST) { slaPolicyTypes } }`, { targets: own });
    expect(await policy("SERVICE_REQUEST")).toEqual({ slaPolicyTypes: ["SERVICE_REQUEST"], slaPolicy: own });
    expect((await policy("WORK_ORDER")).slaPolicy).toEqual(incident);
    await desk(gw, admin, "mutation { clearSlaPolicy(ticketType: SERVICE_REQUEST) { slaPolicyTypes } }");
    expect(await policy("SERVICE_REQUEST")).toEqual({ slaPolicyTypes: [], slaPolicy: incident });
  });

  it("refuses them to a SUPERVISOR, whose desk actions do not hold ADMINISTER", async () => {
    const as = (query: string, variables?: Record<string, unknown>) => gw.gql(query, variables, { token: supervisor, siteKey: null });
    const { myDeskActions } = await desk<{ myDeskActions: string[] }>(gw, supervisor, "{ myDeskActions }");
    expect(myDeskActions).not.toContain("ADMINISTER");
    const serviceId = (await gw.services.catalogAdmin.saveService(gw.site.id, { names: [{ language: "id", name: "Izin akses" }] }, TEST_ACTOR)).id;
    for (const [query, variables] of [
      ["{ routingRules { id } }", undefined],
      ["{ dispatchSettings { assignment } }", undefined],
      ["query($id: ID!) { serviceApproval(serviceId: $id) { validDays } }", { id: serviceId }],
      ["mutation { clearSlaPolicy(ticketType: WORK_ORDER) { slaPolicyTypes } }", undefined],
    ] as const) {
      expect(codeOf(await as(query, variables)), query).toBe("FORBIDDEN");
    }
  });
});
