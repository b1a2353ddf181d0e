import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReportIncidentInput } from "../client/generated.js";
import type { Evidence } from "../shared/evidence.js";
import type { LocaleController } from "../shared/locale.js";
import { TestHost } from "../shared/test-host.js";
import { DraftController } from "./draft.controller.js";
import type { ReportFieldName } from "./report-form.component.js";
import { SendingController, type SendingHost } from "./sending.controller.js";

/** A gateway that answers each report with the next scripted answer (`drop`: the connection breaks, the answer is lost). */
type Answer = "drop" | { data: unknown } | { errors: unknown[] };
let gateway: Server;
let url = "";
let answers: Answer[] = [];
let received: ReportIncidentInput[] = [];

beforeAll(async () => {
  gateway = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push((JSON.parse(body) as { variables: { input: ReportIncidentInput } }).variables.input);
      const a = answers.shift() ?? "drop";
      if (a === "drop") return void req.socket.destroy();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(a));
    });
  });
  await new Promise<void>((done) => gateway.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/graphql`;
});
afterAll(() => void gateway.close());

const ticket = { code: "SGP.2611.0042", trackingToken: "tok-1", status: "NEW", priority: "P3", createdAt: "2026-11-30T10:00:00.000Z", responseDueAt: "2026-11-30T14:00:00.000Z", resolutionDueAt: "2026-12-02T10:00:00.000Z", findAgainWith: ["CODE"] };
const arrived: Answer = { data: { reportIncident: ticket } };
const refused = (code: string, fields: unknown[] = []): Answer => ({ errors: [{ message: code, extensions: { code, fields } }] });

beforeEach(() => {
  answers = [];
  received = [];
  const slots = new Map<string, string>();
  // The page this form sits on (Node has none): its address and its sessionStorage.
  vi.stubGlobal("location", new URL("http://portal.test/report"));
  vi.stubGlobal("sessionStorage", { getItem: (k: string) => slots.get(k) ?? null, setItem: (k: string, v: string) => slots.set(k, v), removeItem: (k: string) => slots.delete(k) });
});
afterEach(() => void vi.unstubAllGlobals());

/** A report form host, the reader's name and description typed in; what it announced, focused and fired is kept. */
function form() {
  const said: string[] = [];
  const fired: Event[] = [];
  const lc = { lang: "en", t: (_: unknown, key: string) => key } as unknown as LocaleController;
  const host = Object.assign(new TestHost(), {
    siteKey: "site-a",
    trackingUrl: "/track?code={code}&token={token}",
    get client() {
      return { url, siteKey: "site-a" };
    },
    i18n: lc,
    site: { formToken: "form-token" },
    shown: ["reporterName", "description", "service", "attachments"] as ReportFieldName[],
    values: { reporterName: "Ana", description: "The printer on floor 2 is on fire" } as Partial<Record<ReportFieldName, string>>,
    errors: {} as Partial<Record<ReportFieldName, string>>,
    files: [{ n: 1, name: "a.png", id: "att-1" }] as Evidence[],
    fileCount: 1,
    announcement: "",
    sitesLoaded: 0,
    renderRoot: { querySelector: () => null } as unknown as DocumentFragment,
    value(f: ReportFieldName) {
      return this.values[f] ?? "";
    },
    isRequired: (f: ReportFieldName) => f === "reporterName" || f === "description",
    rule: () => undefined,
    t: (key: string, v?: Record<string, string | number>) => (v ? `${key} ${JSON.stringify(v)}` : key),
    announce: (text: string) => void said.push(text),
    focusOn: () => undefined,
    fail: () => undefined,
    async loadSite() {
      this.sitesLoaded++;
    },
    dispatchEvent: (e: Event) => fired.push(e) > 0,
  });
  const drafts = new DraftController(host);
  drafts.hostUpdate();
  const send = new SendingController(host as unknown as SendingHost & HTMLElement, drafts);
  return { host, drafts, send, said, fired };
}

describe("SendingController", () => {
  it("sends the report under the gateway's names and shows its receipt", async () => {
    const { host, drafts, send, fired } = form();
    host.values.service = "svc-1";
    answers = [arrived];
    await send.submit();
    expect(received).toEqual([
      expect.objectContaining({ reporterName: "Ana", description: "The printer on floor 2 is on fire", serviceId: "svc-1", attachmentIds: ["att-1"], formToken: "form-token", language: "en" }),
    ]);
    expect(send.receipt).toEqual({ ...ticket, trackingUrl: "http://portal.test/track?code=SGP.2611.0042&token=tok-1" });
    expect([send.sending, drafts.draft, sessionStorage.getItem("sigap-report:site-a"), host.values, host.files]).toEqual([false, null, null, {}, []]);
    expect(fired.map((e) => [e.type, (e as CustomEvent).detail.code])).toEqual([["sigap-reported", "SGP.2611.0042"]]);
  });

  it("retries a report whose answer was lost under the same key, so it cannot make two tickets", async () => {
    const { send } = form();
    answers = ["drop", arrived];
    await send.submit();
    expect([send.failure?.code, send.receipt]).toEqual(["NETWORK_ERROR", null]);
    await send.submit();
    expect(received).toHaveLength(2);
    expect(received[1]?.idempotencyKey).toBe(received[0]?.idempotencyKey);
    expect(send.receipt?.code).toBe(ticket.code);
  });

  it("fetches the first attempt's receipt when the report was edited after a lost answer and the key is taken", async () => {
    const { host, send } = form();
    answers = ["drop", refused("CONFLICT"), arrived];
    await send.submit();
    host.values = { ...host.values, description: "The printer on floor 2 is still on fire" };
    await send.submit();
    expect(received.map((r) => r.description)).toEqual(["The printer on floor 2 is on fire", "The printer on floor 2 is still on fire", "The printer on floor 2 is on fire"]);
    expect([send.receipt?.code, send.screen.recovered]).toEqual([ticket.code, true]);
  });

  it("shows the gateway's field problems beside the form's fields, fetches a fresh form token, and sends the next attempt under a new key", async () => {
    const { host, drafts, send, said } = form();
    answers = [refused("BAD_USER_INPUT", [
      { field: "serviceId", message: "Unknown service." },
      { field: "formToken", message: "Expired." },
    ])];
    await send.submit();
    expect([host.errors, send.failure, host.sitesLoaded]).toEqual([{ service: "Unknown service." }, null, 1]);
    expect(said).toEqual(['summary {"n":1,"names":"service"}']);
    expect(drafts.draft?.sent).toBeUndefined();
  });

  it("sends nothing for a form the checks refuse, and names its fields", async () => {
    const { host, send, said } = form();
    host.values = { reporterName: "Ana" };
    await send.submit();
    expect([received, host.errors.description, said]).toEqual([[], "errRequired", ['summary {"n":1,"names":"description"}']]);
  });

  it("holds sending off while a rate limit's wait runs", async () => {
    const { send } = form();
    answers = [{ errors: [{ message: "Slow down.", extensions: { code: "RATE_LIMITED", retryAfter: 3600 } }] }];
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      await send.submit();
      expect([send.waiting, send.failure?.code]).toEqual([true, "RATE_LIMITED"]);
      await send.submit();
      expect(received).toHaveLength(1);
      vi.advanceTimersByTime(3_600_000);
      expect([send.waiting, send.failure]).toEqual([false, null]);
    } finally {
      vi.useRealTimers();
    }
  });
});
