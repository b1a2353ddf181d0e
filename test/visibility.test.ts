import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { collect, desk, report, startTestGateway, waitForSubscribers, type TestGateway } from "./harness.js";

/**
 * Issue 7, item 2: a file belongs to the timeline entry that linked it, and reaches the reporter
 * only if that entry is public. Every path a reporter has is tried: trackTicket, the
 * ticketUpdated subscription, the download URL with code and token, and the view submitFeedback
 * answers with.
 */
let gw: TestGateway;
let agent: string;
beforeAll(async () => {
  gw = await startTestGateway();
  agent = await gw.agentToken(Role.AGENT);
});
afterAll(() => gw?.close());

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

async function upload(name: string, as: { token?: string } = {}): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([PNG], { type: "image/png" }), name);
  const headers: Record<string, string> = as.token ? { authorization: `Bearer ${as.token}` } : { "x-sigap-site-key": gw.siteKey };
  const res = await fetch(`${gw.url}/uploads`, { method: "POST", headers, body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const idOf = async (code: string) => (await desk<{ ticket: { id: string } }>(gw, agent, `query($id: ID!) { ticket(id: $id) { id } }`, { id: code })).ticket.id;
const note = (id: string, attachmentIds: string[]) =>
  desk(gw, agent, `mutation($id: ID!, $input: MessageInput!) { addInternalNote(id: $id, input: $input) { id } }`, { id, input: { body: "server log, desk only", attachmentIds } });
const reply = (id: string, attachmentIds: string[]) =>
  desk(gw, agent, `mutation($id: ID!, $input: MessageInput!) { replyToReporter(id: $id, input: $input) { id } }`, { id, input: { body: "Berikut panduannya", attachmentIds } });
const VIEW = `attachments { id } timeline { kind attachmentIds }`;

/** A ticket with a file on an internal note and a file on a public reply. */
async function ticketWithFiles() {
  const receipt = await report(gw);
  const id = await idOf(receipt.code);
  const internal = await upload("server-log.png", { token: agent });
  const pub = await upload("panduan.png", { token: agent });
  await note(id, [internal]);
  await reply(id, [pub]);
  return { receipt, id, internal, pub };
}

describe("files of internal notes", () => {
  it("stay out of trackTicket: its attachments and its timeline", async () => {
    const { receipt, internal, pub } = await ticketWithFiles();
    const r = await gw.gql<{ trackTicket: { attachments: Array<{ id: string }>; timeline: Array<{ kind: string; attachmentIds: string[] }> } }>(
      `query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { ${VIEW} } }`,
      { c: receipt.code, t: receipt.trackingToken },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.trackTicket.attachments.map((a) => a.id)).toEqual([pub]);
    expect(JSON.stringify(r.data)).not.toContain(internal);
  });

  it("stay out of what ticketUpdated pushes", async () => {
    const receipt = await report(gw);
    const id = await idOf(receipt.code);
    const before = gw.services.live.active;
    const sub = collect<{ ticketUpdated: { attachments: Array<{ id: string }> } }>(
      gw.ws({ siteKey: gw.siteKey }),
      `subscription($c: String!, $t: String!) { ticketUpdated(code: $c, token: $t) { ${VIEW} } }`,
      { c: receipt.code, t: receipt.trackingToken },
    );
    await waitForSubscribers(gw, before + 1);
    const internal = await upload("server-log.png", { token: agent });
    const pub = await upload("panduan.png", { token: agent });
    await note(id, [internal]);
    await reply(id, [pub]);
    await sub.until(() => sub.events.length >= 1);
    expect(sub.errors).toEqual([]);
    expect(sub.events.at(-1)!.ticketUpdated.attachments.map((a) => a.id)).toEqual([pub]);
    expect(JSON.stringify(sub.events)).not.toContain(internal);
  });

  it("are not served by the reporter's download URL, while the public file and the desk's download are", async () => {
    const { receipt, internal, pub } = await ticketWithFiles();
    const asReporter = (file: string) =>
      fetch(`${gw.url}/attachments/${file}?${new URLSearchParams({ code: receipt.code, token: receipt.trackingToken, siteKey: gw.siteKey })}`);
    const hidden = await asReporter(internal);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("NOT_FOUND");
    const shown = await asReporter(pub);
    expect(shown.status).toBe(200);
    await shown.arrayBuffer();
    const desk = await fetch(`${gw.url}/attachments/${internal}`, { headers: { authorization: `Bearer ${agent}` } });
    expect(desk.status).toBe(200);
    await desk.arrayBuffer();
  });

  it("stay out of the view the feedback answers with", async () => {
    const { receipt, id, internal, pub } = await ticketWithFiles();
    for (const input of [{ status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "Panduan dikirim", closureCode: "USER_ERROR" }]) {
      await desk(gw, agent, `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`, { id, input });
    }
    const r = await gw.gql<{ submitFeedback: { attachments: Array<{ id: string }> } }>(
      `mutation($c: String!, $t: String!) { submitFeedback(code: $c, token: $t, input: { serviceRating: 5, restoredRating: 5, informationRating: 5 }) { ${VIEW} } }`,
      { c: receipt.code, t: receipt.trackingToken },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.submitFeedback.attachments.map((a) => a.id)).toEqual([pub]);
    expect(JSON.stringify(r.data)).not.toContain(internal);
  });

  it("are still listed for the desk, on the ticket and on their entry", async () => {
    const { id, internal, pub } = await ticketWithFiles();
    const t = await desk<{ ticket: { attachments: Array<{ id: string }>; timeline: Array<{ kind: string; visibility: string; attachmentIds: string[] }> } }>(
      gw,
      agent,
      `query($id: ID!) { ticket(id: $id) { attachments { id } timeline { kind visibility attachmentIds } } }`,
      { id },
    );
    expect(t.ticket.attachments.map((a) => a.id).sort()).toEqual([internal, pub].sort());
    expect(t.ticket.timeline.find((e) => e.kind === "INTERNAL_NOTE")).toEqual({ kind: "INTERNAL_NOTE", visibility: "INTERNAL", attachmentIds: [internal] });
  });
});
