/**
 * A reporter who is refused for rate is told how long to wait, in their language, and the form
 * does not let them send until then (issue 7, item 3). The limit is really exceeded, from the
 * same client address, before the form sends; this file has its own gateway so no other test
 * meets the exhausted limit. Needs the gateway side of the contract (RATE_LIMITED, retryAfter).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, startDemoGateway, type DemoGateway } from "./harness.js";

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
      await button.click();
      const alert = page.locator('sigap-report-form [part="alert"]');
      await expect.poll(async () => (await alert.innerText()).trim()).toMatch(wait);
      expect(await button.isDisabled()).toBe(true);
      await page.close();
    }
  }, 60_000);
});
