/**
 * Custom fields in real Chromium: fields an admin defines over the admin API appear in the report
 * form (loaded on demand) with the reader's language's labels, a required one blocks the submit
 * with the form's own message, and the value sent shows in the tracker with its label; an agent
 * filters the queue on a choice field's value, offered in the agent's language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { axe, companyPage, launchBrowser, shoot, startDemoGateway, watchReports, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let serviceId: string;

async function admin<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${demo.tokens["ADMIN"]}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const SAVE = `mutation($input: CustomFieldInput!) { saveCustomField(input: $input) { id } }`;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  await admin(SAVE, { input: { key: "floor", type: "TEXT", labelId: "Lantai gedung", labelEn: "Building floor", helpId: "Misalnya 2 atau B1", helpEn: "For example 2 or B1", required: true, maxLength: 10 } });
  const [site] = await demo.gateway.services.sites.list();
  serviceId = (await demo.gateway.services.catalog.services(site!.id))[0]!.id;
  await admin(SAVE, { input: { key: "asset", type: "TEXT", labelId: "Nomor aset", labelEn: "Asset tag", serviceIds: [serviceId] } });
  await admin(SAVE, {
    input: {
      key: "counter",
      type: "CHOICE",
      labelId: "Loket",
      labelEn: "Counter",
      choices: [
        { value: "c1", labelId: "Loket 1", labelEn: "Counter 1" },
        { value: "c2", labelId: "Loket 2", labelEn: "Counter 2" },
      ],
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe("<sigap-report-form> with custom fields", () => {
  it("shows the site's fields with Indonesian labels to an Indonesian reader", async () => {
    const page = await companyPage(browser, demo, "id");
    const floor = page.getByLabel(/^Lantai gedung/);
    await floor.waitFor();
    expect(await page.getByLabel(/^Loket/).count()).toBe(1);
    expect(await page.getByText("Misalnya 2 atau B1").count()).toBe(1);
    expect(await floor.getAttribute("aria-required")).toBe("true");
    // A field of one service is asked once that service is chosen.
    expect(await page.getByLabel(/^Nomor aset/).count()).toBe(0);
    await page.getByLabel(/^Layanan|^Affected service/).selectOption(serviceId);
    await page.getByLabel(/^Nomor aset/).waitFor();
    await shoot(page, "sigap-report-form", "report-form-custom-fields-id");
    await page.close();
  });

  it("blocks a submit without the required field with the form's message, then sends its value and the tracker shows it", async () => {
    const page = await companyPage(browser, demo, "en");
    const sent = watchReports(page);
    const floor = page.getByLabel(/^Building floor/);
    await floor.waitFor();
    expect(await axe(page, "sigap-report-form")).toEqual([]);
    await page.getByLabel(/^Your name/).fill("Budi Santoso");
    await page.getByLabel(/^Phone number/).fill("+62 812 5555 0101");
    await page.getByLabel(/^What is wrong/).fill("The receipt printer at the counter jams on every receipt.");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => floor.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#cf-floor-error").innerText()).toBe("Fill this in.");
    expect(sent).toEqual([]);
    await shoot(page, "sigap-report-form", "report-form-custom-fields-required");

    await floor.fill("B1");
    await page.getByLabel(/^Counter/).selectOption("c2");
    await page.getByRole("button", { name: "Send report" }).click();
    const link = page.getByRole("link", { name: /Follow your ticket/ });
    await link.waitFor();
    expect(JSON.parse(sent[0]!).variables.input.fields).toEqual([
      { key: "floor", value: "B1" },
      { key: "counter", value: "c2" },
    ]);
    const url = new URL((await link.getAttribute("href")) ?? "", page.url());
    await page.close();

    const tracker = await browser.newPage();
    await tracker.goto(`${demo.url}/demo/portal/track.html${url.search}`);
    await tracker.evaluate(() => (document.documentElement.lang = "en"));
    const report = tracker.locator("sigap-ticket-tracker").locator('[part="report"]');
    await report.waitFor();
    await expect.poll(() => report.innerText()).toContain("Counter 2");
    const text = await report.innerText();
    expect(text).toContain("The receipt printer at the counter jams on every receipt.");
    expect(text).toContain("Building floor");
    expect(text).toContain("B1");
    await shoot(tracker, "sigap-ticket-tracker", "tracker-custom-fields");
    await tracker.close();

    // The desk sees the same values in the ticket detail, in the agent's language.
    const code = url.searchParams.get("code")!;
    const portal = await browser.newPage();
    await portal.goto(`${demo.url}/demo/internal/queue.html`);
    await portal.evaluate(() => (document.documentElement.lang = "en"));
    await portal.locator("#who").selectOption("dewi@demo.sigap.local");
    const queue = portal.locator("sigap-agent-queue");
    await queue.locator('[part="row"]').filter({ hasText: code }).click();
    const values = queue.locator('[part="custom-fields"]');
    await values.waitFor();
    expect((await values.innerText()).replace(/\s+/g, " ")).toContain("Building floor B1 Counter Counter 2");
    await shoot(portal, "sigap-agent-queue", "agent-queue-custom-fields");
    await portal.close();
  });
});

describe("<sigap-agent-queue> filtering on a custom field", () => {
  async function reportAt(counter: string, description: string): Promise<string> {
    const res = await fetch(`${demo.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
      body: JSON.stringify({
        query: `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }`,
        variables: { input: { reporterName: "Rina Wati", description, fields: [{ key: "floor", value: "1" }, { key: "counter", value: counter }] } },
      }),
    });
    const body = (await res.json()) as { data: { reportIncident: { code: string } }; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.reportIncident.code;
  }

  it("shows only the tickets whose choice field holds the value picked, and all again once the field filter is cleared", async () => {
    const one = await reportAt("c1", "The card reader at counter one rejects every card.");
    const two = await reportAt("c2", "The cash drawer at counter two does not open.");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${demo.url}/demo/internal/queue.html`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    await page.locator("#who").selectOption("dewi@demo.sigap.local");
    const queue = page.locator("sigap-agent-queue");
    const rows = queue.locator('[part="row"]');
    await rows.filter({ hasText: one }).waitFor();
    await rows.filter({ hasText: two }).waitFor();

    // The fields come from deskDirectory in the agent's language; the value select offers the field's choices.
    // A label wrapping a select names it with the option shown too ("Field Any").
    const field = queue.getByRole("combobox", { name: /^Field\b/ });
    await field.waitFor();
    // The select shows before the site's fields have arrived: wait for its options as a person would.
    await expect.poll(() => field.locator("option").allInnerTexts()).toEqual(["Any", "Building floor", "Asset tag", "Counter"]);
    await field.selectOption("counter");
    const value = queue.getByRole("combobox", { name: /^Value\b/ });
    await value.waitFor();
    expect(await value.locator("option").allInnerTexts()).toEqual(["Any", "Counter 1", "Counter 2"]);
    await value.selectOption("c1");
    await expect.poll(() => rows.filter({ hasText: two }).count()).toBe(0);
    expect(await rows.filter({ hasText: one }).count()).toBe(1);
    // Every row left holds Counter 1: the earlier report of this file chose Counter 2.
    expect(await rows.count()).toBe(1);
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await page.screenshot({ path: "/tmp/field-filter-queue.png" });
    await shoot(page, "sigap-agent-queue", "agent-queue-field-filter");

    // On a phone the filters fold behind the button, which counts the field filter.
    await page.setViewportSize({ width: 390, height: 800 });
    const toggle = queue.locator('[part="filters-toggle"]');
    await expect.poll(() => toggle.innerText()).toBe("Filters (1)");
    await toggle.click();
    await page.screenshot({ path: "/tmp/field-filter-phone.png" });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Back to any field: the value goes with it and every ticket shows again.
    await field.selectOption("");
    expect(await value.count()).toBe(0);
    await rows.filter({ hasText: two }).waitFor();
    expect(await rows.filter({ hasText: one }).count()).toBe(1);
    await page.close();
  }, 60_000);
});
