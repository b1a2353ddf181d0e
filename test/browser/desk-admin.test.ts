/**
 * `<sigap-desk-admin>` in Chromium on the demo's admin page (a strict CSP): the Site section
 * changing settings and showing the gateway's refusal beside the field it names, the SLA section's
 * ladder and calendar, the Custom fields section against the report form, the Audit log's lines and filters, keyboard tabs, both languages and both themes at desktop and phone widths.
 * Past 400 lines: the sections share one signed-in admin page and its helpers; each other section
 * (approvals, routing, knowledge, replies) has a file of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Clock } from "@sigap/gateway";
import { axe, companyPage, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

// A Tuesday 11:00 in Balikpapan: the gateway and the pages share this clock, so a countdown reads exactly.
const NOW = Date.parse("2026-12-01T03:00:00Z");
const clock: Clock = { now: () => new Date(NOW) };
let demo: DemoGateway;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // Webhook URLs on this machine: the sandbox resolves no public host.
  demo = await startDemoGateway({ WEBHOOK_ALLOW_PRIVATE: "1" }, clock);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The demo's admin page, under its strict CSP (axe-core is evaluated through DevTools, which the policy does not govern). */
async function openAdmin(lang = "en", width = 1280): Promise<{ page: Page; violations: string[] }> {
  context = await browser.newContext({ locale: lang === "id" ? "id-ID" : "en-GB", viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${demo.url}/demo/internal/admin.html`);
  await page.evaluate((l) => (document.documentElement.lang = l), lang);
  return { page, violations };
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${demo.tokens["ADMIN"]}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe("<sigap-desk-admin>", () => {
  it("changes site settings and shows a refused value beside its field, under a strict CSP", async () => {
    const { page, violations } = await openAdmin("en", 1280);
    const admin = page.locator("sigap-desk-admin");
    await admin.getByRole("heading", { name: "Desk administration" }).waitFor();
    const hours = admin.getByLabel("Close a resolved ticket by itself after (hours)");
    await hours.waitFor();
    await hours.fill("0");
    await admin.getByLabel("Reopen a closed ticket within (days)").fill("14");
    await admin.getByRole("button", { name: "Save settings" }).click();
    // The gateway's sentence, beside the field and tied to it for screen readers.
    await expect.poll(() => hours.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await hours.getAttribute("aria-describedby"))!;
    const error = admin.locator(`[id="${describedBy.split(" ").at(-1)}"]`);
    expect(await error.innerText()).toMatch(/autoCloseHours must be a whole number of hours from 1 to/);
    await shoot(page, "sigap-desk-admin", "desk-admin-site-error-en");
    await hours.fill("48");
    await admin.getByLabel("Unit code").fill("07");
    await admin.getByRole("checkbox", { name: "English" }).check();
    await admin.getByRole("button", { name: "Save settings" }).click();
    await admin.getByRole("status").getByText("Settings saved.").waitFor();
    expect(await hours.getAttribute("aria-invalid")).toBe("false");
    const { siteSettings } = await graphql<{ siteSettings: { autoCloseHours: number; reopenClosedWithinDays: number; unitCode: string; languages: string[] } }>(
      `{ siteSettings { autoCloseHours reopenClosedWithinDays unitCode languages } }`,
    );
    expect(siteSettings).toEqual({ autoCloseHours: 48, reopenClosedWithinDays: 14, unitCode: "07", languages: ["id", "en"] });
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);

  it("changes the SLA policy, and a new ticket shows the new due time in the queue", async () => {
    const { page } = await openAdmin();
    const admin = page.locator("sigap-desk-admin");
    await admin.getByRole("tab", { name: "SLA" }).click();
    const p4Response = admin.getByLabel("P4 Low: Response (minutes)");
    await p4Response.waitFor();
    // Tighter than P3's hour: the gateway refuses it, naming P4's response target.
    await p4Response.fill("20");
    await admin.getByRole("button", { name: "Save the targets" }).click();
    await expect.poll(() => p4Response.getAttribute("aria-invalid")).toBe("true");
    const errorId = (await p4Response.getAttribute("aria-describedby"))!.split(" ").at(-1)!;
    expect(await admin.locator(`[id="${errorId}"]`).innerText()).toMatch(/P4/);
    await shoot(page, "sigap-desk-admin", "desk-admin-policy-error-en");
    await p4Response.fill("90");
    await admin.getByRole("button", { name: "Save the targets" }).click();
    await admin.getByText("SLA targets saved.").waitFor();
    expect(await p4Response.getAttribute("aria-invalid")).toBe("false");
    await context.close();

    // A report logged now (urgency LOW, the site's default impact MEDIUM: P4) is due in 90 minutes.
    const res = await fetch(`${demo.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
      body: JSON.stringify({ query: `mutation { reportIncident(input: { reporterName: "Wati", description: "Printer loket 2 macet", urgency: LOW }) { code priority responseDueAt } }` }),
    });
    const { data } = (await res.json()) as { data: { reportIncident: { code: string; priority: string; responseDueAt: string } } };
    expect(data.reportIncident).toMatchObject({ priority: "P4", responseDueAt: new Date(NOW + 90 * 60_000).toISOString() });

    const queueContext = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar" });
    const queuePage = await queueContext.newPage();
    await queuePage.clock.setFixedTime(new Date(NOW));
    await queuePage.goto(`${demo.url}/demo/internal/queue.html`);
    await queuePage.evaluate(() => (document.documentElement.lang = "en"));
    const row = queuePage.locator("sigap-agent-queue").locator('[part="row"]').filter({ hasText: data.reportIncident.code });
    await row.waitFor();
    await expect.poll(() => row.locator('[part="countdown"]').innerText()).toContain("Response in 1 h 30 min");
    await shoot(queuePage, "sigap-agent-queue", "desk-admin-policy-queue");
    await queueContext.close();
  }, 90_000);

  it("moves between sections with the arrow keys and edits the ladder and the holidays", async () => {
    const { page } = await openAdmin();
    const admin = page.locator("sigap-desk-admin");
    const siteTab = admin.getByRole("tab", { name: "Site" });
    await siteTab.waitFor();
    await siteTab.focus();
    await page.keyboard.press("ArrowRight");
    const slaTab = admin.getByRole("tab", { name: "SLA" });
    expect(await slaTab.getAttribute("aria-selected")).toBe("true");
    await admin.getByRole("heading", { name: "Escalation ladder" }).waitFor();
    // Shares must go up along the ladder: the gateway says so beside the response target.
    const response = admin.getByRole("group", { name: "Response target" });
    await response.getByRole("button", { name: "Add a step" }).click();
    const shares = response.getByRole("spinbutton");
    await shares.last().fill("10");
    await admin.getByRole("button", { name: "Save the ladder" }).click();
    await response.locator('[part="field-error"]').getByText(/must come later than step/).waitFor();
    await shares.last().fill("200");
    await response.getByRole("row").last().getByLabel("Manager").check();
    await admin.getByRole("button", { name: "Save the ladder" }).click();
    await admin.getByText("Ladder saved.").waitFor();

    await admin.getByLabel("Date").fill("2026-12-25");
    await admin.getByLabel("Name", { exact: true }).fill("Hari Raya Natal");
    await admin.getByRole("button", { name: "Add the holiday" }).click();
    await admin.getByRole("cell", { name: "Hari Raya Natal", exact: true }).waitFor();
    await admin.getByLabel("Weekly hours", { exact: true }).fill("MON-FRI 08:00-17:00");
    await admin.getByRole("button", { name: "Save the hours" }).click();
    // Without hours every priority is kept 24×7, which the gateway refuses together with hours, beside the field.
    await admin.locator('[part="field-error"]').getByText(/Every priority is kept 24×7/).waitFor();
    for (const p of ["P2 High", "P3 Medium", "P4 Low", "P5 Planning"]) await admin.getByRole("checkbox", { name: p }).uncheck();
    await admin.getByRole("button", { name: "Save the hours" }).click();
    await admin.getByText("Business hours saved.").waitFor();
    const { businessCalendar } = await graphql<{ businessCalendar: { hours: string; holidays: Array<{ day: string }> } }>(`{ businessCalendar { hours holidays { day } } }`);
    expect(businessCalendar.hours).toBe("MON-FRI 08:00-17:00");
    expect(businessCalendar.holidays.map((h) => h.day)).toContain("2026-12-25");
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "desk-admin-sla-en");
    await context.close();
  }, 60_000);

  it("adds, renames, reorders and retires a service in the Catalogue section, in both languages", async () => {
    const { page } = await openAdmin();
    const admin = page.locator("sigap-desk-admin");
    await admin.getByRole("tab", { name: "Catalogue" }).click();
    await admin.getByRole("button", { name: "Add a service" }).click();
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    await admin.locator('[part="form-error"]').getByText(/Give a name in at least one language/).waitFor();
    await admin.getByLabel("Name in Indonesian").fill("Pencetakan");
    await admin.getByLabel("Name in English").fill("Printing");
    await admin.getByLabel("Help in English").fill("Printers and scanners at the counters");
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    const services = admin.getByRole("region", { name: "Services" });
    await services.getByText("Printing").waitFor();
    await admin.getByRole("button", { name: "Edit Printing" }).click();
    await admin.getByLabel("Name in English").fill("Printing and scanning");
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    await services.getByText("Printing and scanning").waitFor();
    const up = admin.getByRole("button", { name: "Move Printing and scanning up" });
    await up.click();
    // Rows are reused by position: the next click waits for the new order to be on screen.
    await expect.poll(() => services.locator("li").nth(-2).innerText()).toContain("Printing and scanning");
    await admin.getByRole("button", { name: "Retire Printing and scanning" }).click();
    await admin.getByRole("button", { name: "Bring back Printing and scanning" }).waitFor();
    const { catalogAdmin } = await graphql<{ catalogAdmin: { services: Array<{ names: Array<{ language: string; name: string }>; retired: boolean }> } }>(
      `{ catalogAdmin { services { names { language name } retired } } }`,
    );
    const names = catalogAdmin.services.map((s) => s.names.find((n) => n.language === "en")?.name);
    const at = names.indexOf("Printing and scanning");
    expect(at).toBe(names.length - 2); // added last, then moved up one
    expect(catalogAdmin.services[at]).toEqual({ names: [{ language: "id", name: "Pencetakan" }, { language: "en", name: "Printing and scanning" }], retired: true });
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "desk-admin-catalog-en");
    await context.close();
  }, 60_000);

  it("adds an endpoint, shows its secret once, disables and deletes it in the Webhooks section", async () => {
    const { page } = await openAdmin();
    const admin = page.locator("sigap-desk-admin");
    await admin.getByRole("tab", { name: "Webhooks" }).click();
    await admin.getByLabel("URL").fill("http://127.0.0.1:9/sigap");
    await admin.getByRole("button", { name: "Add the endpoint" }).click();
    await admin.locator('[part="field-error"], [part="form-error"]').first().waitFor();
    await admin.getByRole("checkbox", { name: "Ticket created" }).check();
    await admin.getByRole("button", { name: "Add the endpoint" }).click();
    await admin.getByText(/Signing secret for http:\/\/127.0.0.1:9\/sigap, shown only now — keep it: whsec_/).waitFor();
    await admin.getByRole("button", { name: "Disable http://127.0.0.1:9/sigap" }).click();
    await admin.getByRole("button", { name: "Enable http://127.0.0.1:9/sigap" }).waitFor();
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "desk-admin-webhooks-en");
    await admin.getByRole("button", { name: "Delete http://127.0.0.1:9/sigap" }).click();
    await admin.getByText("No endpoints: nothing is sent.").waitFor();
    await context.close();
  }, 60_000);

  it("invites, edits and deactivates an agent in the People section", async () => {
    const { page } = await openAdmin();
    const admin = page.locator("sigap-desk-admin");
    await admin.getByRole("tab", { name: "People" }).click();
    const invite = admin.getByRole("form", { name: "Invite an agent" });
    await invite.getByLabel("Name").fill("Putri Ayu");
    await invite.getByLabel("E-mail").fill("not an address");
    await invite.getByRole("button", { name: "Send the invitation" }).click();
    await invite.locator('[part="field-error"]').first().waitFor();
    expect(await invite.getByLabel("E-mail").getAttribute("aria-invalid")).toBe("true");
    await invite.getByLabel("E-mail").fill("putri@demo.sigap.local");
    await invite.getByRole("button", { name: "Send the invitation" }).click();
    await invite.getByText("Invitation sent.").waitFor();
    await admin.getByRole("button", { name: "Edit Putri Ayu" }).click();
    await admin.getByLabel("Regions").fill("Balikpapan Selatan\nBalikpapan Kota");
    await admin.getByLabel("Role", { exact: true }).first().selectOption("SPECIALIST");
    await admin.getByRole("button", { name: "Save the agent" }).click();
    await admin.getByRole("button", { name: "Deactivate Putri Ayu" }).click();
    await admin.getByRole("button", { name: "Reactivate Putri Ayu" }).waitFor();
    const { adminAgents } = await graphql<{ adminAgents: Array<{ email: string; role: string; regions: string[]; active: boolean }> }>(
      `{ adminAgents(includeInactive: true) { email role regions active } }`,
    );
    expect(adminAgents.find((a) => a.email === "putri@demo.sigap.local")).toEqual({ email: "putri@demo.sigap.local", role: "SPECIALIST", regions: ["Balikpapan Selatan", "Balikpapan Kota"], active: false });
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "desk-admin-people-en");
    await context.close();
  }, 60_000);

  it("shows the admin's own site change in the Audit log, before → after, filtered by action and day, paged", async () => {
    // More lines than a page (50) that are not the site's: a webhook enabled and disabled over and over.
    const { createWebhookEndpoint } = await graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/audit", eventTypes: [TICKET_CREATED] }) { endpoint { id } } }`,
    );
    const hook = createWebhookEndpoint.endpoint.id;
    for (let i = 0; i < 30; i++) {
      for (const enabled of [false, true]) await graphql(`mutation ($id: ID!, $enabled: Boolean!) { updateWebhookEndpoint(id: $id, input: { enabled: $enabled }) { id } }`, { id: hook, enabled });
    }
    await graphql(`mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }`, { id: hook });

    const { page } = await openAdmin();
    const admin = page.locator("sigap-desk-admin");
    const hours = admin.getByLabel("Close a resolved ticket by itself after (hours)");
    await hours.waitFor();
    const was = await hours.inputValue();
    const now = was === "36" ? "37" : "36";
    await hours.fill(now);
    await admin.getByRole("button", { name: "Save settings" }).click();
    await admin.getByRole("status").getByText("Settings saved.").waitFor();

    await admin.getByRole("tab", { name: "Audit log" }).click();
    const table = admin.getByRole("table", { name: "Audited changes, newest first" });
    await table.waitFor();
    await admin.getByText("Times are on the site's clock: Asia/Makassar.").waitFor();
    const actions = table.locator("tbody tr > :nth-child(4)");
    // Newest first: the admin's change heads the log, on the site's clock, with its value before and after.
    await expect.poll(() => actions.first().innerText()).toBe("site.update");
    const line = table.locator("tbody tr").first();
    expect(await line.getByRole("rowheader").innerText()).toBe("1 Dec 2026, 11:00:00");
    expect(await line.getByRole("cell").first().innerText()).toMatch(/^Admin Sigap\s+agent$/);
    expect(await line.getByRole("listitem").filter({ hasText: "autoCloseHours" }).innerText()).toBe(`autoCloseHours: ${was} → ${now}`);
    expect(await actions.count()).toBe(50);
    await admin.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => actions.count()).toBeGreaterThan(50);
    expect(await actions.allInnerTexts()).toContain("webhook.update");
    // A removal lists what the thing had, not "→ none" for each field.
    const removal = table.locator("tbody tr").filter({ hasText: "webhook.delete" }).first();
    expect(await removal.getByRole("listitem").filter({ hasText: "url" }).innerText()).toBe("url: http://127.0.0.1:9/audit");
    expect(await removal.innerText()).toContain("Removed; it had");
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "desk-admin-audit-en");

    await admin.getByLabel("Action").fill("site.");
    await admin.getByRole("button", { name: "Show", exact: true }).click();
    await expect.poll(async () => (await actions.allInnerTexts()).every((a) => a.startsWith("site."))).toBe(true);
    expect(await actions.first().innerText()).toBe("site.update");
    await admin.getByText(/lines shown: the whole log for these filters\./).waitFor();
    expect(await admin.getByRole("button", { name: "Load more" }).count()).toBe(0);

    // The days are the site's; a "to" before "from" is the gateway's refusal, beside "To".
    await admin.getByLabel("From (day)").fill("2026-12-02");
    await admin.getByLabel("To (day)").fill("2026-12-01");
    await admin.getByRole("button", { name: "Show", exact: true }).click();
    const to = admin.getByLabel("To (day)");
    await expect.poll(() => to.getAttribute("aria-invalid")).toBe("true");
    expect(await admin.locator('[part="field-error"]').innerText()).toMatch(/to must not be before from/);
    await admin.getByLabel("From (day)").fill("2026-11-01");
    await to.fill("2026-11-01");
    await admin.getByRole("button", { name: "Show", exact: true }).click();
    await admin.getByText("No lines match.").waitFor();
    expect(await actions.count()).toBe(0);
    await admin.getByRole("button", { name: "Clear the filters" }).click();
    await expect.poll(() => actions.count()).toBe(50);
    await context.close();

    const phone = await openAdmin("en", 390);
    await phone.page.locator("sigap-desk-admin").getByRole("tab", { name: "Audit log" }).click();
    await phone.page.locator("sigap-desk-admin").getByRole("table").waitFor();
    await shoot(phone.page, "sigap-desk-admin", "desk-admin-audit-en-390");
    await context.close();
  }, 90_000);

  it("adds a required choice field in the Custom fields section, moves it first, and the report form asks it until it is retired", async () => {
    await graphql(`mutation { saveCustomField(input: { key: "desk_counter", type: YES_NO, labelId: "Di loket?", labelEn: "At a counter?" }) { id } }`);
    const { page } = await openAdmin();
    const admin = page.locator("sigap-desk-admin");
    await admin.getByRole("tab", { name: "Custom fields" }).click();
    await admin.getByRole("button", { name: "Add a field" }).click();
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    // The gateway's refusal sits beside the key, tied to its input.
    const key = admin.getByLabel("Key", { exact: true });
    await admin.locator('[part="field-error"]').getByText(/key must be 1–40/).waitFor();
    const describedBy = (await key.getAttribute("aria-describedby"))!.split(" ").at(-1)!;
    expect(await admin.locator(`[id="${describedBy}"]`).innerText()).toMatch(/key must be 1–40/);
    expect(await key.getAttribute("aria-invalid")).toBe("true");
    await key.fill("desk_floor");
    await admin.getByLabel("Type", { exact: true }).selectOption("CHOICE");
    await admin.getByLabel("Label in Indonesian").fill("Lantai meja");
    await admin.getByLabel("Label in English").fill("Desk floor");
    await admin.getByLabel("Help in Indonesian").fill("Lantai tempat meja Anda");
    await admin.getByLabel("Required").check();
    const choice = (n: number) => admin.getByRole("group", { name: `Choice ${n}` });
    await choice(1).getByLabel("Value").fill("f1");
    await choice(1).getByLabel("Indonesian").fill("Lantai 1");
    await choice(1).getByLabel("English").fill("Floor 1");
    await admin.getByRole("button", { name: "Add a choice" }).click();
    await choice(2).getByLabel("Value").fill("f1");
    await choice(2).getByLabel("Indonesian").fill("Lantai 2");
    await choice(2).getByLabel("English").fill("Floor 2");
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    // A value given twice is refused beside the second choice's value.
    await choice(2).locator('[part="field-error"]').getByText(/given twice/).waitFor();
    await page.screenshot({ path: "/tmp/desk-admin-fields-form-en-1280.png", fullPage: true });
    await choice(2).getByLabel("Value").fill("f2");
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    await admin.getByRole("button", { name: "Retire Desk floor" }).waitFor();
    await admin.getByRole("button", { name: "Move Desk floor up" }).click();
    // Rows are reused by position: wait for the new order to be on screen.
    await expect.poll(() => admin.locator(".entries li").first().innerText()).toContain("Desk floor");
    const { customFields } = await graphql<{ customFields: Array<Record<string, unknown>> }>(`{ customFields { key type required retired serviceIds helpId helpEn choices { value } } }`);
    expect(customFields.map((f) => f.key)).toEqual(["desk_floor", "desk_counter"]);
    expect(customFields.find((f) => f.key === "desk_floor")).toEqual({ key: "desk_floor", type: "CHOICE", required: true, retired: false, serviceIds: null, helpId: "Lantai tempat meja Anda", helpEn: null, choices: [{ value: "f1" }, { value: "f2" }] });
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await page.screenshot({ path: "/tmp/desk-admin-fields-list-en-1280.png", fullPage: true });

    const report = await companyPage(browser, demo, "id");
    const asked = report.getByLabel(/^Lantai meja/);
    await asked.waitFor();
    expect(await asked.getAttribute("aria-required")).toBe("true");
    await report.close();

    await admin.getByRole("button", { name: "Retire Desk floor" }).click();
    await admin.getByRole("button", { name: "Bring back Desk floor" }).waitFor();
    const fresh = await browser.newPage();
    // The site the form reads no longer names the field.
    const site = fresh.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes("query SiteInfo"));
    await fresh.goto(`${demo.url}/demo/company/report.html`);
    await fresh.evaluate(() => (document.documentElement.lang = "id"));
    expect(await (await site).text()).not.toContain("desk_floor");
    // The other field shows, so the fields' part has drawn what it asks.
    await fresh.getByLabel(/^Di loket/).first().waitFor();
    expect(await fresh.getByLabel(/^Lantai meja/).count()).toBe(0);
    await fresh.close();
    await context.close();

    for (const [lang, theme] of [["en", "dark"], ["id", "light"]] as const) {
      const phone = await openAdmin(lang, 390);
      if (theme === "dark") await phone.page.getByRole("button", { name: "☾ / ☀" }).click();
      const small = phone.page.locator("sigap-desk-admin");
      await small.getByRole("tab", { name: lang === "id" ? "Kolom tambahan" : "Custom fields" }).click();
      await small.getByRole("button", { name: lang === "id" ? "Ubah Lantai meja" : "Edit Desk floor" }).click();
      await small.getByRole("group", { name: lang === "id" ? "Pilihan 2" : "Choice 2" }).waitFor();
      // The edit form shows the help as saved, not the other language's fallback.
      expect(await small.getByLabel(lang === "id" ? "Bantuan dalam bahasa Inggris" : "Help in English").inputValue()).toBe("");
      expect(await axe(phone.page, "sigap-desk-admin")).toEqual([]);
      await phone.page.screenshot({ path: `/tmp/desk-admin-fields-${lang}-${theme}-390.png`, fullPage: true });
      await context.close();
    }
  }, 90_000);

  it.each([
    ["en", "light", 1280],
    ["id", "dark", 1280],
    ["en", "dark", 390],
    ["id", "light", 390],
  ])("speaks %s in the %s theme at %i px; screenshots saved", async (lang, theme, width) => {
    const { page } = await openAdmin(lang, width);
    if (theme === "dark") await page.getByRole("button", { name: "☾ / ☀" }).click();
    const admin = page.locator("sigap-desk-admin");
    const title = lang === "id" ? "Administrasi meja layanan" : "Desk administration";
    await admin.getByRole("heading", { name: title }).waitFor();
    await admin.getByLabel(lang === "id" ? "Dampak bawaan" : "Default impact").waitFor();
    await shoot(page, "sigap-desk-admin", `desk-admin-site-${lang}-${theme}-${width}`);
    await admin.getByRole("tab", { name: "SLA" }).click();
    await admin.getByRole("heading", { name: lang === "id" ? "Tangga eskalasi" : "Escalation ladder" }).waitFor();
    await shoot(page, "sigap-desk-admin", `desk-admin-sla-${lang}-${theme}-${width}`);
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await admin.getByRole("tab", { name: lang === "id" ? "Log audit" : "Audit log" }).click();
    await admin.getByRole("heading", { name: lang === "id" ? "Log audit" : "Audit log" }).waitFor();
    await admin.locator("tbody tr").first().waitFor();
    await shoot(page, "sigap-desk-admin", `desk-admin-audit-${lang}-${theme}-${width}`);
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await context.close();
  }, 60_000);
  // Last: a new key leaves the demo page (which signs in by the demo key) without its token.
  it("refuses a bad origin beside the origins and rotates the site key in the Access section", async () => {
    const { page } = await openAdmin();
    const admin = page.locator("sigap-desk-admin");
    await admin.getByRole("tab", { name: "Access" }).click();
    const origins = admin.getByLabel("Allowed origins", { exact: true });
    const before = await origins.inputValue();
    await origins.fill(`${before}\nhttp://intranet.example.com/path`);
    await admin.getByRole("button", { name: "Save access settings" }).click();
    await expect.poll(() => origins.getAttribute("aria-invalid")).toBe("true");
    await origins.fill(`${before}\nhttps://intranet.example.com`);
    await admin.getByRole("button", { name: "Save access settings" }).click();
    await admin.getByText("Access settings saved.").waitFor();
    await admin.getByRole("button", { name: "Rotate the key" }).click();
    await admin.getByText(/Previous key pk_demo_sigap, accepted until/).waitFor();
    const { siteAccess } = await graphql<{ siteAccess: { allowedOrigins: string[]; previousSiteKey: string } }>(`{ siteAccess { allowedOrigins previousSiteKey } }`);
    expect(siteAccess).toMatchObject({ previousSiteKey: "pk_demo_sigap" });
    expect(siteAccess.allowedOrigins).toContain("https://intranet.example.com");
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "desk-admin-access-en");
    await context.close();
  }, 60_000);
});
