/**
 * A request's approval in real Chromium (seed 004): the requester follows the data-centre access
 * request in the tracker, which shows the chain waiting for the supervisor, then, live, the
 * supervisor's approval with its note and the approval document's link; axe finds nothing.
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

describe("<sigap-ticket-tracker> on a request that needs approval", () => {
  it("shows the chain, and the supervisor's approval live with the document's link", async () => {
    const [site] = await demo.gateway.services.sites.list();
    const item = (await demo.gateway.services.catalog.services(site!.id)).find((s) => s.ticketType === "SERVICE_REQUEST")!;
    const { reportIncident: receipt } = await demoCall<{ reportIncident: { code: string; trackingToken: string } }>(
      demo,
      "mutation($s: ID!) { reportIncident(input: { reporterName: \"PT Klien\", reporterEmail: \"ops@klien.example\", description: \"Visit to rack B12, two engineers\", serviceId: $s }) { code trackingToken } }",
      { s: item.id },
    );
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar" });
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/portal/track.html?code=${encodeURIComponent(receipt.code)}&token=${receipt.trackingToken}`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    const chain = page.locator("sigap-ticket-tracker").locator('[part="approval"]');
    await chain.getByRole("heading", { name: "Approval: Waiting for a decision" }).waitFor();
    expect(await chain.locator('[part="approval-step"]').innerText()).toContain("Step 1: Supervisor");
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);

    const { ticket } = await demoCall<{ ticket: { id: string } }>(demo, "query($id: ID!) { ticket(id: $id) { id } }", { id: receipt.code }, demo.tokens["SUPERVISOR"]);
    await demoCall(demo, "mutation($id: ID!) { decideApproval(ticketId: $id, input: { decision: APPROVE, reason: \"Escort from security at the lobby\" }) { status } }", { id: ticket.id }, demo.tokens["SUPERVISOR"]);

    await chain.getByRole("heading", { name: "Approval: Approved" }).waitFor();
    const text = await chain.innerText();
    expect(text).toContain("Approved by Rudi Hartono (Kepala Bagian SOLTEK)");
    expect(text).toContain("Escort from security at the lobby");
    const link = chain.getByRole("link", { name: "Download the approval document (PDF)" });
    const href = await link.getAttribute("href");
    expect(href).toContain(`/documents/approval/${encodeURIComponent(receipt.code)}?siteKey=`);
    const pdf = await fetch(href!, { headers: { origin: demo.url } });
    expect([pdf.status, pdf.headers.get("content-type")]).toEqual([200, "application/pdf"]);
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);
    await shoot(page, "sigap-ticket-tracker", "ticket-tracker-approval-en");
    await context.close();
  });
});
