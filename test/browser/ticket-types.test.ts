/**
 * Ticket types in real Chromium (issue 12): the queue badges requests and filters by type, in the
 * gateway's words and both languages; the report form asks "report a problem / request something"
 * where the site takes requests, and a request item reported from it lands as a SERVICE_REQUEST
 * that the tracker names (both languages); on a site without requests the form asks nothing.
 * Screenshots in both themes; axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { systemActor } from "@sigap/gateway";
import { axe, companyPage, demoCall, demoReport, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let desk: BrowserContext;
let siteId: string;

const REQUEST_ITEM = "Data-centre access (work permit)";

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  desk = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 800 } });
  siteId = (await demo.gateway.services.sites.list())[0]!.id;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** Reports under the demo's request item as a reporter would; returns its code. */
async function reportRequest(name: string, description: string): Promise<string> {
  const item = (await demo.gateway.services.catalog.services(siteId)).find((s) => s.ticketType === "SERVICE_REQUEST")!;
  const { reportIncident } = await demoCall<{ reportIncident: { code: string } }>(
    demo,
    `mutation($n: String!, $d: String!, $s: ID!) { reportIncident(input: { reporterName: $n, description: $d, serviceId: $s }) { code } }`,
    { n: name, d: description, s: item.id },
  );
  return reportIncident.code;
}

/** The queue signed in as the demo agent, in `lang`, once its filter form (loaded on demand) is there. */
async function openQueue(page: Page, lang: string): Promise<Locator> {
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate((l) => (document.documentElement.lang = l), lang);
  const queue = page.locator("sigap-agent-queue");
  await queue.locator("sigap-queue-filters select[name=type]").waitFor();
  return queue;
}

/** The codes of the queue's rows, in order. */
async function rowCodes(queue: Locator): Promise<string[]> {
  return (await queue.locator('[part~="row"] td.c-code').allInnerTexts()).map((t) => t.split(/\s/)[0]!);
}

describe("<sigap-agent-queue> with ticket types", () => {
  it("badges a request in its row and header, in the gateway's words, and filters by type; both themes and languages, axe clean", async () => {
    const incident = await demoReport(demo, "Budi Santoso", "Ipos tidak bisa login di loket 3");
    const request = await reportRequest("PT Klien", "Visit to rack B12, two engineers");

    const page = await desk.newPage();
    const queue = await openQueue(page, "en");
    const row = (code: string) => queue.locator('[part~="row"]', { hasText: code });
    await row(request).waitFor();
    // A request wears its type beside its code; an incident, the rule, wears none.
    expect(await row(request).locator('[part~="type"]').innerText()).toBe("Service request");
    expect(await row(incident).locator('[part~="type"]').count()).toBe(0);
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shoot(page, "sigap-agent-queue", "ticket-types-queue-light-en");

    // The type filter offers the catalogue's types, labelled by the gateway, and narrows the queue to one.
    const type = queue.locator("sigap-queue-filters").getByLabel("Type");
    expect(await type.locator("option").allInnerTexts()).toEqual(["Any", "Incident", "Service request", "Work order"]);
    await type.selectOption({ label: "Service request" });
    await expect.poll(() => rowCodes(queue)).not.toContain(incident);
    const codes = await rowCodes(queue);
    expect(codes).toContain(request);
    expect(await queue.locator('[part~="row"]').count()).toBe(await queue.locator('[part~="row"] [part~="type"]', { hasText: "Service request" }).count());
    await type.selectOption({ label: "Incident" });
    await expect.poll(() => rowCodes(queue)).toContain(incident);
    expect(await rowCodes(queue)).not.toContain(request);
    await type.selectOption({ label: "Any" });

    // The ticket view's header says it too.
    await row(request).click();
    const head = queue.locator('[part="detail"] .head');
    await head.locator('[part~="type"]').waitFor();
    expect(await head.locator('[part~="type"]').innerText()).toBe("Service request");

    // Indonesian and dark: the gateway's Indonesian label, and the filter's word.
    await page.evaluate(() => {
      document.documentElement.lang = "id";
      document.querySelector("sigap-agent-queue")!.setAttribute("theme", "dark");
    });
    await expect.poll(() => row(request).locator('[part~="type"]').innerText()).toBe("Permintaan layanan");
    await queue.locator("sigap-queue-filters").getByLabel("Jenis").waitFor();
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shoot(page, "sigap-agent-queue", "ticket-types-queue-dark-id");
    await page.close();
  });
});

describe("<sigap-report-form> with ticket types", () => {
  it("asks first, offers only the chosen kind's services, and files a request item as a SERVICE_REQUEST the tracker names", async () => {
    const page = await companyPage(browser, demo, "en");
    const form = page.locator("sigap-report-form");
    const kind = form.locator('[part="kind"]');
    await kind.waitFor();
    const problem = kind.getByRole("radio", { name: "Report a problem" });
    expect(await problem.isChecked()).toBe(true);
    // By id: its label changes with the choice.
    const service = form.locator("#f-service");
    expect(await form.getByLabel(/^Affected service/).count()).toBe(1);
    const offered = async () => (await service.locator("option").allInnerTexts()).slice(1);
    // "Report a problem": the incident services only.
    expect(await offered()).toContain("PosPay");
    expect(await offered()).not.toContain(REQUEST_ITEM);
    expect(await axe(page, "sigap-report-form")).toEqual([]);
    await shoot(page, "sigap-report-form", "ticket-types-report-form-light-en");

    await kind.getByRole("radio", { name: "Request something" }).check();
    await expect.poll(offered).toContain(REQUEST_ITEM);
    expect(await offered()).not.toContain("PosPay");
    // A request names what it asks for: the service is now required, and the fields speak of a request.
    expect(await service.getAttribute("aria-required")).toBe("true");
    await form.getByLabel(/^What you are requesting/).waitFor();

    await form.getByLabel(/^Your name/).fill("PT Klien Data");
    await form.getByLabel(/^Phone number/).fill("+62 812 5555 0199");
    await form.getByLabel(/^Details of your request/).fill("Two engineers need to visit rack B12 on Friday.");
    await service.selectOption({ label: REQUEST_ITEM });
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByText("Report received", { exact: true }).waitFor();
    const code = (await form.locator('[part="code"]').innerText()).replace(/\s/g, "");
    const { ticket } = await demoCall<{ ticket: { type: string } }>(demo, "query($id: ID!) { ticket(id: $id) { type } }", { id: code }, demo.tokens["AGENT"]);
    expect(ticket.type).toBe("SERVICE_REQUEST");

    // The tracker, from the receipt's link, names the type.
    await page.getByRole("link", { name: "Follow your ticket" }).click();
    await page.evaluate(() => (document.documentElement.lang = "en"));
    const tracker = page.locator("sigap-ticket-tracker");
    const details = tracker.locator('[part="details"]');
    await details.locator('[part="type"]').waitFor();
    expect(await details.locator('[part="type"]').innerText()).toBe("Service request");
    expect(await details.innerText()).toContain("Type");
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);
    await shoot(page, "sigap-ticket-tracker", "ticket-types-tracker-light-en");
    await page.evaluate(() => {
      document.documentElement.lang = "id";
      document.querySelector("sigap-ticket-tracker")!.setAttribute("theme", "dark");
    });
    await expect.poll(() => details.locator('[part="type"]').innerText()).toBe("Permintaan layanan");
    expect(await details.innerText()).toContain("Jenis");
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);
    await shoot(page, "sigap-ticket-tracker", "ticket-types-tracker-dark-id");
    await page.close();
  });

  it("speaks Indonesian and is axe clean in the dark theme", async () => {
    const page = await companyPage(browser, demo, "id");
    const form = page.locator("sigap-report-form");
    await page.evaluate(() => document.querySelector("sigap-report-form")!.setAttribute("theme", "dark"));
    const kind = form.locator('[part="kind"]');
    await kind.getByRole("radio", { name: "Laporkan masalah" }).waitFor();
    await kind.getByRole("radio", { name: "Ajukan permintaan" }).check();
    expect(await axe(page, "sigap-report-form")).toEqual([]);
    await shoot(page, "sigap-report-form", "ticket-types-report-form-dark-id");
    await page.close();
  });

  it("is unchanged on a site without requests: no choice, no request items", async () => {
    await demo.gateway.services.siteAdmin.update(siteId, { offersRequests: false }, systemActor("test"));
    try {
      const page = await companyPage(browser, demo, "en");
      const form = page.locator("sigap-report-form");
      const service = form.getByLabel(/^Affected service/);
      await expect.poll(async () => (await service.locator("option").allInnerTexts()).includes("PosPay")).toBe(true);
      expect(await form.locator('[part="kind"]').count()).toBe(0);
      expect(await form.getByRole("radio").count()).toBe(0);
      const offered = await service.locator("option").allInnerTexts();
      expect(offered).not.toContain(REQUEST_ITEM);
      // Work orders stay on the form as before (site-settings.rules' offeredOnForm).
      expect(offered.length).toBeGreaterThan(1);
      expect(await service.getAttribute("aria-required")).toBeNull();
      // The choice's part is never fetched.
      expect(await page.evaluate(() => performance.getEntriesByType("resource").some((e) => /kind-choice/.test(e.name)))).toBe(false);
      expect(await axe(page, "sigap-report-form")).toEqual([]);
      await shoot(page, "sigap-report-form", "ticket-types-report-form-no-requests-light-en");
      await page.close();
    } finally {
      await demo.gateway.services.siteAdmin.update(siteId, { offersRequests: true }, systemActor("test"));
    }
  });
});
