/**
 * A request's approval in real Chromium (seed 004): the requester follows the data-centre access
 * request in the tracker, which shows the chain waiting for the supervisor, then, live, the
 * supervisor's approval (given in the desk's approvals inbox) with its note and the approval
 * document's link; axe finds nothing on either side.
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

    // The supervisor, in the desk's queue, opens the approvals inbox and approves it.
    const deskContext = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar" });
    const desk = await deskContext.newPage();
    await desk.goto(`${demo.url}/demo/internal/queue.html`);
    await desk.evaluate(() => (document.documentElement.lang = "en"));
    await desk.locator("#who").selectOption("rudi@demo.sigap.local");
    const queue = desk.locator("sigap-agent-queue");
    await queue.getByText(/Signed in as Rudi Hartono/).waitFor();
    await queue.locator('[part="approvals"]').click();
    const inbox = queue.locator("sigap-approvals-inbox dialog[open]");
    const request = inbox.locator('[part="request"]', { hasText: receipt.code });
    await request.waitFor();
    expect(await request.innerText()).toContain("Visit to rack B12, two engineers");
    expect(await axe(desk, "sigap-agent-queue")).toEqual([]);
    await shoot(desk, "sigap-approvals-inbox dialog", "approvals-inbox-pending-en");
    await request.getByRole("button", { name: "Approve" }).click();
    await request.getByLabel("Note (optional)").fill("Escort from security at the lobby");
    await request.locator('[part="decision"]').getByRole("button", { name: "Approve" }).click();
    await inbox.getByText(`${receipt.code}: decision recorded.`).waitFor();
    await inbox.getByText("Nothing is waiting for your approval.").waitFor();
    await shoot(desk, "sigap-approvals-inbox dialog", "approvals-inbox-en");
    // The desk's ticket view, opened by its link, shows the same chain and the document (read with the agent's token).
    await desk.keyboard.press("Escape");
    await desk.evaluate((code) => {
      location.hash = `ticket=${code}`;
    }, receipt.code);
    const deskChain = queue.locator('[part="detail"] [part="approval"]');
    await deskChain.getByRole("heading", { name: "Approval: Approved" }).waitFor();
    expect(await deskChain.innerText()).toContain("Escort from security at the lobby");
    await queue.locator('[part="detail"] [part="approval-document"]').waitFor();
    expect(await queue.locator('[part="detail"] dl.facts').first().innerText()).toContain("Service request");
    await deskContext.close();

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
