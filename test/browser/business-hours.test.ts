/**
 * The agent queue's countdown reads the gateway's business time (issue 10, item 5): a P4 logged
 * on a Saturday at a site open MON-FRI 08:00-17:00 shows the four business hours it has, not
 * the two days of wall time until Monday noon, and does not count down over the weekend.
 * The gateway's clock and the page's clock are both set to that Saturday.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { loadConfig, seedDemo, startGateway, type Clock, type Gateway } from "@sigap/gateway";
import { launchBrowser, shoot } from "./harness.js";

// Saturday 2026-11-28 13:00 in Balikpapan (the demo site's Asia/Makassar).
const SATURDAY = Date.parse("2026-11-28T05:00:00Z");
const clock: Clock = { now: () => new Date(SATURDAY) };
const dataDir = mkdtempSync(join(tmpdir(), "sigap-browser-hours-"));
let gateway: Gateway;
let browser: Browser;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    SIGAP_DATA_DIR: dataDir,
    SLA_SWEEP_MS: "0",
    SIGAP_DEMO: "1",
    LOG_LEVEL: process.env["SIGAP_TEST_LOG"] ?? "silent",
    DB_CONNECT_ATTEMPTS: "1",
    SIGAP_RATE_LIMITS: JSON.stringify({ formMinSeconds: 0 }),
  });
  gateway = await startGateway({ config, clock });
  const seed = await seedDemo(gateway.services, { origins: [gateway.url] });
  await gateway.services.hours.setHours(seed.site.id, "MON-FRI 08:00-17:00");
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await gateway?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("<sigap-agent-queue> on business hours", () => {
  it("counts a weekend P4 down in business hours, read from the gateway; screenshot saved", async () => {
    const res = await fetch(`${gateway.url}/graphql`, {
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
    await page.goto(`${gateway.url}/demo/internal/queue.html`);
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
