/**
 * The agent queue's countdown reads the gateway's business time (issue 10, item 5): a P4 logged
 * on a Saturday at a site open MON-FRI 08:00-17:00 shows the four business hours it has, not
 * the two days of wall time until Monday noon, and does not count down over the weekend.
 * The gateway's clock and the page's clock are both set to that Saturday.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { Clock } from "@sigap/gateway";
import { launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";
import { TEST_ACTOR } from "../harness.js";

// Saturday 2026-11-28 13:00 in Balikpapan (the demo site's Asia/Makassar).
const SATURDAY = Date.parse("2026-11-28T05:00:00Z");
const clock: Clock = { now: () => new Date(SATURDAY) };
let demo: DemoGateway;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemoGateway({}, clock);
  const site = (await demo.gateway.services.sites.list()).find((s) => s.siteKey === "pk_demo_sigap")!;
  await demo.gateway.services.hours.setHours(site.id, "MON-FRI 08:00-17:00", undefined, TEST_ACTOR);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe("<sigap-agent-queue> on business hours", () => {
  it("counts a weekend P4 down in business hours, read from the gateway; screenshot saved", async () => {
    const res = await fetch(`${demo.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
      body: JSON.stringify({ query: `mutation { reportIncident(input: { reporterName: "Wati", description: "Printer loket 2 macet", urgency: LOW }) { code priority responseDueAt } }` }),
    });
    const { data } = (await res.json()) as { data: { reportIncident: { code: string; priority: string; responseDueAt: string } } };
    expect(data.reportIncident).toMatchObject({ priority: "P4", responseDueAt: "2026-11-30T04:00:00.000Z" }); // Monday 12:00 WITA

    const context = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar" });
    const page = await context.newPage();
    // An hour after the gateway's reading, still on Saturday: a closed calendar takes nothing off.
    await page.clock.setFixedTime(new Date(SATURDAY + 60 * 60_000));
    await page.goto(`${demo.url}/demo/internal/queue.html`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    await page.locator("#who").selectOption("dewi@demo.sigap.local");
    const queue = page.locator("sigap-agent-queue");
    const row = queue.locator('[part="row"]').filter({ hasText: data.reportIncident.code });
    await row.waitFor();
    // Wall time to Monday 12:00 would read "Response in 46 h 0 min".
    await expect.poll(() => row.locator('[part="countdown"]').innerText()).toContain("Response in 4 h 0 min");
    await shoot(page, "sigap-agent-queue", "agent-queue-business-hours");
    await context.close();
  }, 90_000);
});
