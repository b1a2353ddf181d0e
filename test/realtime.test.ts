import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { Role } from "@sigap/gateway";
import { collect, desk, report, startTestGateway, waitForSubscribers, type TestGateway, TEST_ACTOR } from "./harness.js";

let gw: TestGateway;
let agent: string;
beforeAll(async () => {
  gw = await startTestGateway();
  agent = await gw.agentToken(Role.AGENT);
});
afterAll(() => gw?.close());

const TICKET_UPDATED = `subscription($code: String!, $token: String!) { ticketUpdated(code: $code, token: $token) { code status timeline { kind message } } }`;
type Update = { ticketUpdated: { code: string; status: string; timeline: Array<{ kind: string; message: string | null }> } };

const status = (id: string, input: Record<string, unknown>) =>
  desk(gw, agent, `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`, { id, input });
const idOf = async (code: string) => (await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;

describe("subscription ticketUpdated", () => {
  it("pushes every status change of the subscriber's ticket and nothing of another's", async () => {
    const mine = await report(gw);
    const other = await report(gw);
    const before = gw.services.live.active;
    const sub = collect<Update>(gw.ws({ siteKey: gw.siteKey }), TICKET_UPDATED, { code: mine.code, token: mine.trackingToken });
    await waitForSubscribers(gw, before + 1);

    const [mineId, otherId] = [await idOf(mine.code), await idOf(other.code)];
    await status(otherId, { status: "IN_PROGRESS" });
    await status(mineId, { status: "IN_PROGRESS" });
    await status(mineId, { status: "PENDING", pendingReason: "REPORTER", note: "Foto layar error?" });
    await status(otherId, { status: "CANCELLED", note: "dup" });
    await status(mineId, { status: "IN_PROGRESS" });
    await status(mineId, { status: "RESOLVED", resolution: "Kabel LAN diganti", closureCode: "FIXED" });
    await sub.until(() => sub.events.length >= 4);
    // Nothing of the other ticket arrives, however long we wait for the last of ours.
    await status(mineId, { status: "CLOSED" });
    await sub.until(() => sub.events.length >= 5);

    expect(sub.errors).toEqual([]);
    expect(sub.events.map((e) => e.ticketUpdated.code)).toEqual(Array(5).fill(mine.code));
    expect(sub.events.map((e) => e.ticketUpdated.status)).toEqual(["IN_PROGRESS", "PENDING", "IN_PROGRESS", "RESOLVED", "CLOSED"]);
    expect(sub.events[1]!.ticketUpdated.timeline.at(-1)).toEqual({ kind: "STATUS_CHANGED", message: "Foto layar error?" });
  });

  it("does not push internal notes to the reporter", async () => {
    const mine = await report(gw);
    const id = await idOf(mine.code);
    const before = gw.services.live.active;
    const sub = collect<Update>(gw.ws({ siteKey: gw.siteKey }), TICKET_UPDATED, { code: mine.code, token: mine.trackingToken });
    await waitForSubscribers(gw, before + 1);
    await desk(gw, agent, `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "internal only" }) { id } }`, { id });
    await desk(gw, agent, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Halo Pak Budi" }) { id } }`, { id });
    await sub.until(() => sub.events.length >= 1);
    expect(sub.events).toHaveLength(1);
    expect(sub.events[0]!.ticketUpdated.timeline.at(-1)).toEqual({ kind: "AGENT_REPLY", message: "Halo Pak Budi" });
    expect(JSON.stringify(sub.events)).not.toContain("internal only");
  });

  it("refuses a subscription with a wrong token with NOT_FOUND and sends nothing", async () => {
    const mine = await report(gw);
    const sub = collect<Update>(gw.ws({ siteKey: gw.siteKey }), TICKET_UPDATED, { code: mine.code, token: "not-the-token-at-all" });
    await sub.until(() => sub.errors.length > 0 || sub.done);
    expect(sub.events).toEqual([]);
    expect(JSON.stringify(sub.errors)).toContain("NOT_FOUND");
  });
});

describe("subscription queueChanged", () => {
  const QUEUE_CHANGED = `subscription { queueChanged { kind ticket { code status priority } } }`;
  type QueueUpdate = { queueChanged: { kind: string; ticket: { code: string; status: string; priority: string } } };

  it("tells the desk about new and changed tickets of its site", async () => {
    const before = gw.services.live.active;
    const sub = collect<QueueUpdate>(gw.ws({ authorization: `Bearer ${agent}` }), QUEUE_CHANGED, {});
    await waitForSubscribers(gw, before + 1);
    const r = await report(gw, { urgency: "HIGH", impact: "HIGH" });
    await status(await idOf(r.code), { status: "IN_PROGRESS" });
    await sub.until(() => sub.events.length >= 2);
    expect(sub.events.map((e) => [e.queueChanged.kind, e.queueChanged.ticket.code, e.queueChanged.ticket.status])).toEqual([
      ["CREATED", r.code, "NEW"],
      ["UPDATED", r.code, "IN_PROGRESS"],
    ]);
  });

  it("refuses a queue subscription without an agent token", async () => {
    const sub = collect<QueueUpdate>(gw.ws({}), QUEUE_CHANGED, {});
    await sub.until(() => sub.errors.length > 0 || sub.done);
    expect(JSON.stringify(sub.errors)).toContain("UNAUTHENTICATED");
  });

  it("keeps another site's tickets out of the queue feed", async () => {
    const other = await gw.services.sites.create({ name: "Other", unitCode: "09" }, TEST_ACTOR);
    const before = gw.services.live.active;
    const sub = collect<QueueUpdate>(gw.ws({ authorization: `Bearer ${agent}` }), QUEUE_CHANGED, {});
    await waitForSubscribers(gw, before + 1);
    await gw.gql(`mutation { reportIncident(input: { reporterName: "X", description: "other site" }) { code } }`, {}, { siteKey: other.siteKey });
    const ours = await report(gw);
    await sub.until(() => sub.events.length >= 1);
    expect(sub.events.map((e) => e.queueChanged.ticket.code)).toEqual([ours.code]);
  });
});

describe("the WebSocket transport", () => {
  /** A raw graphql-transport-ws socket, open. */
  const open = async (): Promise<WebSocket> => {
    const socket = new WebSocket(`${gw.url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    return socket;
  };
  const closed = (socket: WebSocket) => new Promise<[number, string]>((resolve) => socket.once("close", (code, reason) => resolve([code, String(reason)])));

  it("closes a socket that never says connection_init with 4408, and keeps one that did", async () => {
    const silent = await open();
    const greeted = await open();
    const acked = new Promise((resolve) => greeted.once("message", resolve));
    greeted.send(JSON.stringify({ type: "connection_init", payload: { siteKey: gw.siteKey } }));
    expect(JSON.parse(String(await acked))).toEqual({ type: "connection_ack" });
    expect(await closed(silent)).toEqual([4408, "Connection initialisation timeout"]);
    expect(greeted.readyState).toBe(WebSocket.OPEN);
    greeted.close();
  });

  it("closes a socket that sends a frame that is not JSON with 4400", async () => {
    const socket = await open();
    socket.send("{not json");
    expect(await closed(socket)).toEqual([4400, "Invalid message received"]);
  });
});
