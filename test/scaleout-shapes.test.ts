/**
 * Fan-out inside one gateway: an event is executed once per distinct subscription shape (feed,
 * document, variables) and the one result goes to every subscriber of that shape.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { collect, desk, eventually, report, startTestGateway, waitForSubscribers, type TestGateway } from "./harness.js";

let gw: TestGateway;
let agent: string;
beforeAll(async () => {
  gw = await startTestGateway();
  agent = await gw.agentToken(Role.AGENT);
});
afterAll(() => gw?.close());

const TRACKER = `subscription($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { code status } }`;
const OTHER_TRACKER = `subscription Other($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { status timeline { kind } } }`;
type Update = { ticketUpdated: { status: string } };

const changeStatus = (id: string, input: Record<string, unknown>) =>
  desk(gw, agent, `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`, { id, input });

describe("live subscriptions", () => {
  it("executes a change once for all trackers of one ticket that share a document, once more for another document", async () => {
    const receipt = await report(gw);
    const vars = { code: receipt.code, token: receipt.trackingToken };
    const before = gw.services.live.active;
    const same = [0, 1, 2].map(() => collect<Update>(gw.ws({ siteKey: gw.siteKey }), TRACKER, vars));
    const other = collect<Update>(gw.ws({ siteKey: gw.siteKey }), OTHER_TRACKER, vars);
    await waitForSubscribers(gw, before + 4);
    expect(gw.services.live.stats().shapes).toBeGreaterThanOrEqual(2);

    const executed = gw.services.live.stats().executions;
    const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code });
    await changeStatus(ticket.id, { status: "IN_PROGRESS" });
    for (const s of [...same, other]) await s.until(() => s.events.length >= 1);

    expect(gw.services.live.stats().executions - executed).toBe(2);
    for (const s of [...same, other]) expect(s.events.map((e) => e.ticketUpdated.status)).toEqual(["IN_PROGRESS"]);
    for (const s of [...same, other]) s.dispose();
  });

  it("keeps delivering to the trackers that stay when one of the same shape leaves", async () => {
    const receipt = await report(gw);
    const vars = { code: receipt.code, token: receipt.trackingToken };
    const before = gw.services.live.active;
    const [leaving, staying] = [0, 1].map(() => collect<Update>(gw.ws({ siteKey: gw.siteKey }), TRACKER, vars));
    await waitForSubscribers(gw, before + 2);
    leaving!.dispose();
    await eventually(() => gw.services.live.active === before + 1, "the leaving tracker to detach");

    const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code });
    await changeStatus(ticket.id, { status: "IN_PROGRESS" });
    await staying!.until(() => staying!.events.length >= 1);
    expect(staying!.events.map((e) => e.ticketUpdated.status)).toEqual(["IN_PROGRESS"]);
    expect(leaving!.events).toEqual([]);
    staying!.dispose();
  });

  it("refuses a subscription document that does not validate, every time it is sent", async () => {
    const bad = `subscription($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { nope } }`;
    for (let i = 0; i < 2; i++) {
      const sub = collect<Update>(gw.ws({ siteKey: gw.siteKey }), bad, { code: "x", token: "y" });
      await sub.until(() => sub.errors.length > 0 || sub.done);
      expect(JSON.stringify(sub.errors)).toContain("nope");
    }
  });
});
