/**
 * Seed 003's cost acceptance in real Chromium: a repair job on the demo site is routed to a
 * technician, who proposes an extra cost; the customer sees the line items and the total in
 * rupiah in the tracker, accepts after a confirmation, and the page shows the decision and the
 * payment still to come. Accessible by axe in both steps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { axe, demoCall, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A repair job reported on the demo site and routed to a technician, who started on it: its receipt, id and the technician's token. */
async function startedRepairJob(): Promise<{ code: string; trackingToken: string; id: string; technician: string }> {
  const { services } = demo.gateway;
  const [site] = await services.sites.list();
  const repair = (await services.catalog.services(site!.id)).find((s) => s.ticketType === "WORK_ORDER")!;
  const { reportIncident: receipt } = await demoCall<{ reportIncident: { code: string; trackingToken: string } }>(
    demo,
    `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken } }`,
    { input: { reporterName: "Rina Marlina", description: "AC tidak dingin, keluar air", serviceId: repair.id, kecamatan: "Balikpapan Selatan" } },
  );
  const { ticket } = await demoCall<{ ticket: { id: string; assigneeId: string } }>(demo, `query($id: ID!) { ticket(id: $id) { id assigneeId } }`, { id: receipt.code }, demo.tokens["AGENT"]);
  const technician = (await services.agents.list(site!.id)).find((a) => a.id === ticket.assigneeId)!;
  const token = await services.agents.mintToken(technician);
  await demoCall(demo, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id: ticket.id }, token);
  return { ...receipt, id: ticket.id, technician: token };
}

/** A repair job whose technician proposed an extra cost of Rp 1.600.000; returns its code and tracking token. */
async function pricedRepairJob(): Promise<{ code: string; trackingToken: string }> {
  const { id, technician: token, ...receipt } = await startedRepairJob();
  await demoCall(
    demo,
    `mutation($id: ID!, $input: ProposeCostInput!) { proposeCost(id: $id, input: $input) { id } }`,
    {
      id,
      input: {
        findings: "Kompresor mati, freon habis",
        lines: [
          { description: "Kompresor AC 1 PK", quantity: 1, unitAmount: 1_250_000 },
          { description: "Freon R32 (kg)", quantity: 2, unitAmount: 175_000 },
        ],
      },
    },
    token,
  );
  return receipt;
}

describe("<sigap-ticket-tracker> on a work order", () => {
  it("shows the extra cost in rupiah and takes the customer's acceptance after a confirmation", async () => {
    const { code, trackingToken } = await pricedRepairJob();
    const page = await browser.newPage({ locale: "en-GB" });
    await page.goto(`${demo.url}/demo/portal/track.html?code=${code}&token=${trackingToken}`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    const tracker = page.locator("sigap-ticket-tracker");
    const table = tracker.locator('[part~="cost-table"]');
    await table.waitFor();
    expect(await table.innerText()).toContain("Kompresor AC 1 PK");
    expect(await tracker.locator('[part~="cost-total"]').innerText()).toBe("IDR\u00a01,600,000");
    expect(await tracker.locator('[part~="payment"]').innerText()).toContain("Not paid yet");
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);
    await shoot(page, "sigap-ticket-tracker", "ticket-tracker-work-order-decision");

    await tracker.getByRole("button", { name: "Accept the cost" }).click();
    await expect.poll(() => tracker.getByRole("alert").filter({ hasText: "Accept an extra cost of IDR\u00a01,600,000?" }).count()).toBe(1);
    await tracker.getByLabel("Your note (optional)").fill("Silakan lanjut");
    await tracker.getByRole("button", { name: "Confirm" }).click();

    await tracker.getByText("Accepted", { exact: false }).first().waitFor();
    await tracker.locator('[part~="status"]', { hasText: "In progress" }).waitFor();
    expect(await tracker.getByRole("button", { name: "Accept the cost" }).count()).toBe(0);
    expect(await tracker.locator('[part~="payment"]').innerText()).toContain("To be paid before the job is closed.");
    expect(await tracker.locator('[part~="timeline"]').innerText()).toContain("Extra cost accepted");
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);
    await shoot(page, "sigap-ticket-tracker", "ticket-tracker-work-order-accepted");
    await page.close();
  });

  it("speaks Indonesian rupiah", async () => {
    const { code, trackingToken } = await pricedRepairJob();
    const page = await browser.newPage({ locale: "id-ID" });
    await page.goto(`${demo.url}/demo/portal/track.html?code=${code}&token=${trackingToken}`);
    await page.evaluate(() => (document.documentElement.lang = "id"));
    const total = page.locator('sigap-ticket-tracker [part~="cost-total"]');
    await expect.poll(() => total.innerText()).toBe("Rp\u00a01.600.000");
    await page.locator("sigap-ticket-tracker").getByRole("button", { name: "Setujui biaya" }).waitFor();
    await page.close();
  });
});

describe("<sigap-work-order-desk> in the ticket view", () => {
  it("lets the technician propose a cost with line items and the desk record the payment", async () => {
    const job = await startedRepairJob();
    const page = await browser.newPage({ locale: "en-GB" });
    await page.goto(`${demo.url}/demo/index.html`);
    const open = (token: string) =>
      page.evaluate(
        ([t, c]) => {
          document.documentElement.lang = "en";
          document.body.innerHTML = `<sigap-ticket-view id="view" token="${t}" ticket-id="${c}"></sigap-ticket-view>`;
          const script = document.createElement("script");
          script.type = "module";
          script.src = "/widgets/ticket-view.js";
          document.head.append(script);
        },
        [token, job.code],
      );
    await open(job.technician);
    // The ticket's facts say what it is, in the gateway's words.
    await expect.poll(() => page.locator("#view").locator("dl.facts").first().textContent()).toContain("TypeWork order");
    const wo = page.locator("#view sigap-work-order-desk");
    await wo.getByRole("button", { name: "Propose a cost" }).click();
    await wo.getByLabel("What the technician found").fill("Kompresor mati, freon habis");
    await wo.getByRole("group", { name: "Line 1" }).getByLabel("Description").fill("Kompresor AC 1 PK");
    await wo.getByRole("group", { name: "Line 1" }).getByLabel("Unit price").fill("1250000");
    await wo.getByRole("button", { name: "Add a line" }).click();
    await wo.getByRole("group", { name: "Line 2" }).getByLabel("Description").fill("Freon R32 (kg)");
    await wo.getByRole("group", { name: "Line 2" }).getByLabel("Qty").fill("2");
    await wo.getByRole("group", { name: "Line 2" }).getByLabel("Unit price").fill("175000");
    expect(await axe(page, "#view")).toEqual([]);
    await shoot(page, "#view", "ticket-view-work-order-propose");
    await wo.getByRole("button", { name: "Send to the customer" }).click();
    await wo.getByText("Cost sent to the customer.").waitFor();
    expect(await wo.locator('[part~="cost-total"]').innerText()).toBe("IDR\u00a01,600,000");
    await page.locator('#view [part~="status"]', { hasText: "Pending" }).first().waitFor();

    await demoCall(demo, `mutation($code: String!, $token: String) { decideCost(code: $code, token: $token, accept: true) { status } }`, { code: job.code, token: job.trackingToken });
    await open(demo.tokens["AGENT"]!);
    await wo.getByRole("button", { name: "Record payment" }).click();
    await wo.getByLabel("Method").selectOption("TRANSFER");
    await wo.getByRole("button", { name: "Save" }).click();
    await wo.getByText("Payment recorded.").waitFor();
    expect(await wo.locator('[part~="payment"]').innerText()).toContain("Paid · bank transfer · IDR\u00a01,600,000");
    expect(await axe(page, "#view")).toEqual([]);
    await shoot(page, "#view", "ticket-view-work-order-paid");
    await page.close();
  });
});
