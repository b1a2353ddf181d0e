/**
 * A reporter who is refused for rate is told how long to wait, in their language, and the form
 * does not let them send until then (issue 7, item 3): first the minimum fill time (a report
 * sent sooner than a person could fill the form), then the report budget of one address, really
 * exceeded. This file has its own gateway, with the default fill time, so no other test meets
 * the exhausted limit. Needs the gateway side of the contract (RATE_LIMITED, retryAfter, formToken).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
beforeAll(async () => {
  demo = await startDemoGateway({ SIGAP_RATE_LIMITS: JSON.stringify({ formMinSeconds: 3 }) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** Reports from this address until the gateway refuses one for rate; returns how many it took. */
async function exhaustReportLimit(): Promise<number> {
  for (let n = 1; n <= 500; n++) {
    const res = await fetch(`${demo.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
      body: JSON.stringify({ query: `mutation { reportIncident(input: { reporterName: "Burst ${n}", description: "Burst report ${n}" }) { code } }` }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    if (body.errors?.[0]?.extensions?.code === "RATE_LIMITED") return n;
  }
  throw new Error("the gateway never refused a report for rate");
}

describe("<sigap-report-form> refused for rate", () => {
  it("tells a report sent faster than a person fills the form to wait, then lets it go once the wait is over", async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/demo/company/report.html`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    await page.getByLabel(/^Your name/).fill("Budi Santoso");
    await page.getByLabel(/^Phone number/).fill("0812 5555 0101");
    await page.getByLabel(/^What is wrong/).fill("Ipos cannot log in at counter 3.");
    const send = page.getByRole("button", { name: "Send report" });
    await send.click();
    const alert = page.locator('sigap-report-form [part="alert"]');
    await expect.poll(async () => (await alert.innerText()).trim()).toMatch(/^Too many attempts; try again in [1-3] seconds?\.$/);
    expect(await send.isDisabled()).toBe(true);
    // Waits for the form to turn sending back on, which it does when the gateway's wait is over.
    await expect.poll(() => send.isEnabled(), { timeout: 15_000 }).toBe(true);
    await send.click();
    await page.getByText("Report received", { exact: true }).waitFor();
    await page.close();
  }, 40_000);

  it("says how many seconds to wait, in English and Indonesian, and keeps the send button off", async () => {
    await exhaustReportLimit();
    for (const [lang, name, phone, description, send, wait] of [
      ["en", /^Your name/, /^Phone number/, /^What is wrong/, "Send report", /^Too many attempts; try again in \d+ seconds?\.$/],
      ["id", /^Nama pelapor/, /^Nomor telepon/, /^Deskripsi gangguan/, "Kirim laporan", /^Terlalu banyak percobaan; coba lagi dalam \d+ detik\.$/],
    ] as const) {
      const page = await browser.newPage();
      await page.goto(`${demo.url}/demo/company/report.html`);
      await page.evaluate((l) => (document.documentElement.lang = l), lang);
      await page.getByLabel(name).fill("Budi Santoso");
      await page.getByLabel(phone).fill("0812 5555 0101");
      await page.getByLabel(description).fill("Ipos cannot log in at counter 3.");
      const button = page.getByRole("button", { name: send });
      const alert = page.locator('sigap-report-form [part="alert"]');
      const seconds = async (): Promise<number> => {
        await expect.poll(async () => (await alert.innerText()).trim()).toMatch(wait);
        return Number(/\d+/.exec(await alert.innerText())![0]);
      };
      await button.click();
      // The first refusal may be the minimum fill time (at most 3 s); the next one is the spent budget.
      if ((await seconds()) <= 3) {
        await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
        await button.click();
      }
      expect(await seconds()).toBeGreaterThan(3);
      expect(await button.isDisabled()).toBe(true);
      await page.close();
    }
  }, 90_000);
});
