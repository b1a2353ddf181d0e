import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, collect, desk, report, startTestGateway, TICKET_VIEW, waitForSubscribers, type TestGateway } from "./harness.js";

let gw: TestGateway;
let agent: string;
beforeAll(async () => {
  gw = await startTestGateway();
  agent = await gw.agentToken(Role.AGENT, "Dewi Lestari");
});
afterAll(() => gw?.close());

interface Receipt {
  code: string;
  trackingToken: string;
}

/** A reported ticket the desk has worked and resolved, with a public reply and an internal note. */
async function resolvedTicket(input: Record<string, unknown> = {}): Promise<Receipt & { id: string }> {
  const receipt = await report(gw, input);
  const { ticket } = await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: receipt.code });
  const id = ticket.id;
  await desk(gw, agent, `mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { replyToReporter(id: $id, input: { body: "Kami sudah mengganti kabel jaringan loket 3." }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { addInternalNote(id: $id, input: { body: "Vendor password is hunter2" }) { id } }`, { id });
  await desk(gw, agent, `mutation($id: ID!) { resolveTicket(id: $id, input: { resolution: "Replaced the network cable", closureCode: "FIXED" }) { id } }`, { id });
  return { ...receipt, id };
}

const CONFIRM = `mutation($c: String!, $t: String, $input: ConfirmResolutionInput!) { confirmResolution(code: $c, token: $t, input: $input) { ${TICKET_VIEW} confirmationOpen } }`;
interface View {
  status: string;
  confirmationOpen: boolean;
  timeline: Array<{ kind: string; actorKind: string; message: string | null; toStatus: string | null }>;
}

describe("the reporter's closure check", () => {
  it("closes the ticket when the reporter confirms the fix, as confirmed by them, and the tracker sees it live", async () => {
    const t = await resolvedTicket();
    const before = await gw.gql<{ trackTicket: View }>(`query($c: String!, $t: String) { trackTicket(code: $c, token: $t) { status confirmationOpen } }`, { c: t.code, t: t.trackingToken });
    expect(before.data!.trackTicket).toEqual({ status: "RESOLVED", confirmationOpen: true });
    const client = gw.ws({ siteKey: gw.siteKey });
    const live = collect<{ ticketUpdated: View }>(client, `subscription($c: String!, $t: String) { ticketUpdated(code: $c, token: $t) { status confirmationOpen } }`, { c: t.code, t: t.trackingToken });
    await waitForSubscribers(gw, 1);

    const r = await gw.gql<{ confirmResolution: View }>(CONFIRM, { c: t.code, t: t.trackingToken, input: { answer: "FIXED" } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.confirmResolution).toMatchObject({ status: "CLOSED", confirmationOpen: false });
    const closed = r.data!.confirmResolution.timeline.at(-1)!;
    expect(closed).toMatchObject({ kind: "CLOSED", actorKind: "REPORTER", message: "The reporter confirmed that the problem is solved." });
    await live.until(() => live.events.some((e) => e.ticketUpdated.status === "CLOSED"));
    live.dispose();
    await client.dispose();

    const again = await gw.gql(CONFIRM, { c: t.code, t: t.trackingToken, input: { answer: "NOT_FIXED", words: "broken again" } });
    expect(codeOf(again)).toBe("CONFLICT");
  });

  it("reopens the ticket with the reporter's words on the public timeline when it is not fixed", async () => {
    const t = await resolvedTicket();
    const client = gw.ws({ siteKey: gw.siteKey });
    const live = collect<{ ticketUpdated: View }>(client, `subscription($c: String!, $t: String) { ticketUpdated(code: $c, token: $t) { status timeline { kind message } } }`, { c: t.code, t: t.trackingToken });
    await waitForSubscribers(gw, 1);

    const blank = await gw.gql<unknown>(CONFIRM, { c: t.code, t: t.trackingToken, input: { answer: "NOT_FIXED", words: "  " } });
    expect(codeOf(blank)).toBe("BAD_USER_INPUT");
    expect(blank.errors![0]!.extensions["fields"]).toEqual([expect.objectContaining({ field: "words" })]);

    const r = await gw.gql<{ confirmResolution: View }>(CONFIRM, { c: t.code, t: t.trackingToken, input: { answer: "NOT_FIXED", words: "Loket 3 masih tidak bisa login" } });
    expect(r.data!.confirmResolution.status).toBe("IN_PROGRESS");
    expect(r.data!.confirmResolution.timeline.slice(-2).map((e) => [e.kind, e.message])).toEqual([
      ["REPORTER_MESSAGE", "Loket 3 masih tidak bisa login"],
      ["REOPENED", "The reporter says the problem is not solved, so the ticket is back in progress."],
    ]);
    await live.until(() => live.events.some((e) => e.ticketUpdated.status === "IN_PROGRESS" && e.ticketUpdated.timeline.some((x) => x.message === "Loket 3 masih tidak bisa login")));
    live.dispose();
    await client.dispose();

    const wrongToken = await gw.gql(CONFIRM, { c: t.code, t: "not-the-token", input: { answer: "FIXED" } });
    expect(codeOf(wrongToken)).toBe("NOT_FOUND");
  });
});
