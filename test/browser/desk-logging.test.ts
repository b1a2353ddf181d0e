/**
 * Desk-side logging in real Chromium (issue 11; seed 002, figure 13): an agent takes a phone call,
 * logs it from the queue's "New ticket" dialog (the gateway's matrix priority shown live, errors
 * beside the fields the gateway names), reads the code out, and the ticket opens in the view. Both
 * languages and both themes; axe on the dialog.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { axe, demoCall, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let desk: BrowserContext;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  desk = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 1200 } });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function openQueue(page: Page, lang: string): Promise<Locator> {
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate((l) => (document.documentElement.lang = l), lang);
  const queue = page.locator("sigap-agent-queue");
  await queue.getByText(/Signed in as Dewi Lestari|Masuk sebagai Dewi Lestari/).waitFor();
  return queue;
}

describe("<sigap-agent-queue> desk-side logging", () => {
  it("an agent logs a phone call, sees the code and the ticket opens; errors beside the fields; screenshots; axe finds nothing", async () => {
    const page = await desk.newPage();
    const queue = await openQueue(page, "en");
    await queue.getByRole("button", { name: "New ticket" }).click();
    const dialog = queue.locator('sigap-log-ticket [part="dialog"]');
    await dialog.getByRole("heading", { name: "Log a ticket for a caller" }).waitFor();
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);

    // Sent empty: the gateway names the fields, and the form marks them.
    await dialog.getByRole("button", { name: "Log ticket" }).click();
    await dialog.getByText("Check the marked fields.").waitFor();
    expect(await dialog.getByLabel("Caller's name").getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.getByLabel("Description").getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.getByLabel("Customer id").getAttribute("aria-invalid")).toBe("false");
    // Blank and refused: required, said in the dialog's words.
    expect(await dialog.locator("#l-description-e").innerText()).toBe("Required.");
    await shoot(page, 'sigap-log-ticket [part="dialog"]', "desk-logging-errors");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);

    await dialog.getByLabel("Reached the desk by").selectOption("PHONE");
    await dialog.getByLabel("Customer id").fill("PLG-0042-77");
    await dialog.getByLabel("Caller's name").fill("Pak Rahmat");
    await dialog.getByLabel("Phone", { exact: true }).fill("0812 5555 0101");
    await dialog.getByLabel("Urgency").selectOption("HIGH");
    await dialog.getByLabel("Impact").selectOption("HIGH");
    // The priority is the gateway's matrix (deskDirectory), shown as the agent picks.
    await dialog.getByText("Resulting priority: P1 Critical").waitFor();
    // With the targets the ticket will get: the site's policy for P1, as the gateway gives it.
    const { deskDirectory } = await demoCall<{ deskDirectory: { slaPolicy: Array<{ priority: string; responseMinutes: number; resolutionMinutes: number }> } }>(
      demo,
      `{ deskDirectory { slaPolicy { priority responseMinutes resolutionMinutes } } }`,
      {},
      demo.tokens["AGENT"],
    );
    const p1 = deskDirectory.slaPolicy.find((t) => t.priority === "P1")!;
    const span = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`);
    await dialog.getByText(`Targets: response within ${span(p1.responseMinutes)}, resolution within ${span(p1.resolutionMinutes)}.`).waitFor();
    await dialog.getByLabel("Impact").selectOption("LOW");
    await dialog.getByText("Resulting priority: P3").waitFor();
    await dialog.getByLabel("Impact").selectOption("HIGH");
    await dialog.getByText("Assign to me").click();
    await dialog.getByLabel("Title").fill("Printer loket 2");
    await dialog.getByLabel("Description").fill("The counter 2 printer prints no receipts since 08:00.");
    // Every marked field corrected: the summary of the last try is gone too.
    expect(await dialog.getByLabel("Description").getAttribute("aria-invalid")).toBe("false");
    expect(await dialog.getByText("Check the marked fields.").count()).toBe(0);
    await shoot(page, 'sigap-log-ticket [part="dialog"]', "desk-logging-filled");

    await dialog.getByRole("button", { name: "Log ticket" }).click();
    const code = dialog.locator('[part="code"]');
    await code.waitFor();
    const text = (await code.textContent())!.trim();
    expect(text).toMatch(/^\d{2}\.\d{8}\.\d{3}$/);
    await dialog.getByText(`Ticket ${text} is logged.`).waitFor();
    await dialog.getByRole("button", { name: "Copy code" }).waitFor();
    await shoot(page, 'sigap-log-ticket [part="dialog"]', "desk-logging-done");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);

    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => queue.locator("sigap-log-ticket").count()).toBe(0);
    // The ticket is open in the view: the desk sees the channel, the customer id and that it is P1, allocated to the agent.
    const view = queue.locator('[part="detail"]');
    await view.getByText(`Ticket ${text}`).waitFor();
    // The report in the thread says who logged it and how the caller came.
    await view.locator('[part="timeline"]').getByText("logged by Dewi Lestari (Phone)").waitFor();
    const facts = view.locator(".facts").first();
    await facts.getByText("PLG-0042-77").waitFor();
    await facts.getByText("Phone", { exact: true }).waitFor();
    await facts.getByText(/Dewi Lestari/).waitFor();
    await queue.locator('[part="row"]').filter({ hasText: text }).waitFor();
    await shoot(page, "sigap-agent-queue", "desk-logging-opened");
    await page.close();
  }, 120_000);

  it("speaks Indonesian and takes the dark theme", async () => {
    const page = await desk.newPage();
    const queue = await openQueue(page, "id");
    await page.evaluate(() => document.querySelector("sigap-agent-queue")!.setAttribute("theme", "dark"));
    await queue.getByRole("button", { name: "Tiket baru" }).click();
    const dialog = queue.locator('sigap-log-ticket [part="dialog"]');
    await dialog.getByRole("heading", { name: "Catat tiket untuk pelapor" }).waitFor();
    expect(await queue.locator("sigap-log-ticket").getAttribute("theme")).toBe("dark");
    await dialog.getByLabel("Nama pelapor").fill("Ibu Sari");
    await dialog.getByLabel("Menghubungi lewat").selectOption("WALK_IN");
    await dialog.getByRole("button", { name: "Catat tiket" }).click();
    await dialog.getByText("Periksa isian yang ditandai.").waitFor();
    // The gateway words its reasons in English; a blank field it refuses is "required" in Indonesian.
    expect(await dialog.locator("#l-description-e").innerText()).toBe("Wajib diisi.");
    await shoot(page, 'sigap-log-ticket [part="dialog"]', "desk-logging-id-dark");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await page.close();
  }, 60_000);

  it("opens the ticket of a #ticket=CODE link once signed in, and says so when the desk has no such ticket", async () => {
    const logged = await demoCall<{ logTicket: { ticket: { code: string } } }>(
      demo,
      `mutation($input: LogTicketInput!) { logTicket(input: $input) { ticket { code } } }`,
      { input: { channel: "PHONE", reporterName: "Bu Wati", description: "The link to this ticket comes from the desk report." } },
      demo.tokens["AGENT"],
    );
    const code = logged.logTicket.ticket.code;
    const page = await desk.newPage();
    await page.goto(`${demo.url}/demo/internal/queue.html#ticket=${code}`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    const queue = page.locator("sigap-agent-queue");
    await queue.locator('[part="detail"]').getByText(`Ticket ${code}`).waitFor();
    // The same page, another link: the hash change opens it without a reload.
    await page.evaluate(() => (location.hash = "ticket=01.01011999.999"));
    await queue.locator('[part="link-problem"]').getByText("Ticket 01.01011999.999 is not on this desk. Check the code in the link.").waitFor();
    await shoot(page, "sigap-agent-queue", "desk-deep-link-missing");
    await page.close();
  }, 60_000);

  it("asks the site's required custom field, attaches a photo, and a double click logs one ticket", async () => {
    const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${demo.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as { data: Record<string, unknown>; errors?: unknown };
    };
    const saved = await gql(demo.tokens["ADMIN"]!, `mutation($input: CustomFieldInput!) { saveCustomField(input: $input) { id } }`, {
      input: { key: "counter_no", type: "TEXT", labelId: "Nomor loket", labelEn: "Counter number", required: true, maxLength: 10 },
    });
    expect(saved.errors).toBeUndefined();
    const page = await desk.newPage();
    const queue = await openQueue(page, "en");
    await queue.getByRole("button", { name: "New ticket" }).click();
    const dialog = queue.locator('sigap-log-ticket [part="dialog"]');
    const counter = dialog.getByLabel(/^Counter number/);
    await counter.waitFor();
    expect(await counter.getAttribute("aria-required")).toBe("true");
    await dialog.getByLabel("Caller's name").fill("Pak Joko");
    await dialog.getByLabel("Description").fill("The queue display at counter 3 is dark.");
    // Left out: the gateway names the custom field, and the dialog marks it.
    await dialog.getByRole("button", { name: "Log ticket" }).click();
    await dialog.getByText("Check the marked fields.").waitFor();
    await expect.poll(() => counter.getAttribute("aria-invalid")).toBe("true");
    await counter.fill("3");
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    const chooser = page.waitForEvent("filechooser");
    await dialog.locator('[part="attach"]').click();
    await (await chooser).setFiles([{ name: "display.png", mimeType: "image/png", buffer: png }]);
    await dialog.locator('[part="chip"]').filter({ hasText: "display.png" }).locator('input[name="attachmentIds"]').waitFor({ state: "attached", timeout: 30_000 });
    await shoot(page, 'sigap-log-ticket [part="dialog"]', "desk-logging-fields-file");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    // A double click: both sends carry the dialog's key, so the desk gets one ticket.
    await dialog.getByRole("button", { name: "Log ticket" }).dblclick();
    await dialog.locator('[part="code"]').waitFor();
    const code = (await dialog.locator('[part="code"]').textContent())!.trim();
    const found = await gql(demo.tokens["AGENT"]!, `query { queue(first: 50, filter: { search: "Pak Joko" }) { edges { node { code attachments { filename } fields { key values } } } } }`);
    expect(found.errors).toBeUndefined();
    const edges = (found.data["queue"] as { edges: Array<{ node: unknown }> }).edges;
    expect(edges.map((e) => e.node)).toEqual([{ code, attachments: [{ filename: "display.png" }], fields: [{ key: "counter_no", values: ["3"] }] }]);
    await page.close();
  }, 90_000);
});
