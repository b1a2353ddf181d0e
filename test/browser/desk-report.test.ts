/**
 * `<sigap-desk-report>` in Chromium on the demo's report page (a strict CSP): the week's figures
 * as the gateway counts them, the trend chart with its data table, the breakdowns, a drill-down
 * into a ticket that opens the workspace URL, a live refresh when a ticket arrives, the tickets'
 * CSV download, the week's work orders (a repair job with an extra cost proposed), the week's
 * deflections (a report a help-centre article ended, issue 14), axe, and
 * screenshots in both languages and themes.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Clock } from "@sigap/gateway";
import { axe, demoCall, demoReport, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

// A Tuesday 11:00 in Balikpapan: the gateway and the page share this clock, so "this week" is fixed.
const NOW = Date.parse("2026-12-01T03:00:00Z");
const clock: Clock = { now: () => new Date(NOW) };
let demo: DemoGateway;
let browser: Browser;
let context: BrowserContext;
let codes: string[];

beforeAll(async () => {
  demo = await startDemoGateway({}, clock);
  browser = await launchBrowser();
  codes = [await demoReport(demo, "Andi", "Printer loket 3 macet"), await demoReport(demo, "Sari", "Aplikasi kasir tidak bisa login")];
  await pricedRepairJob();
  // A reporter's "this solved it" on a demo article: a deflection the site's recap counts.
  const { helpArticles } = await demoCall<{ helpArticles: Array<{ id: string }> }>(demo, `{ helpArticles(filter: { query: "Ipos login" }, first: 1) { id } }`);
  await demoCall(demo, `mutation($id: ID!) { articleSolvedMyProblem(articleId: $id) }`, { id: helpArticles[0]!.id });
});

/** Seed 003: a repair job, routed to a technician who starts on it and proposes an extra cost of Rp 1.600.000. */
async function pricedRepairJob(): Promise<void> {
  const { services } = demo.gateway;
  const [site] = await services.sites.list();
  const repair = (await services.catalog.services(site!.id)).find((s) => s.ticketType === "WORK_ORDER")!;
  const { reportIncident: receipt } = await demoCall<{ reportIncident: { code: string } }>(
    demo,
    `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }`,
    { input: { reporterName: "Rina Marlina", description: "AC tidak dingin, keluar air", serviceId: repair.id, kecamatan: "Balikpapan Selatan" } },
  );
  const { ticket } = await demoCall<{ ticket: { id: string; assigneeId: string } }>(demo, `query($id: ID!) { ticket(id: $id) { id assigneeId } }`, { id: receipt.code }, demo.tokens["AGENT"]);
  const token = await services.agents.mintToken((await services.agents.list(site!.id)).find((a) => a.id === ticket.assigneeId)!);
  await demoCall(demo, `mutation($id: ID!) { changeTicketStatus(id: $id, input: { status: IN_PROGRESS }) { id } }`, { id: ticket.id }, token);
  await demoCall(demo, `mutation($id: ID!, $input: ProposeCostInput!) { proposeCost(id: $id, input: $input) { id } }`, {
    id: ticket.id,
    input: { findings: "Kompresor mati", lines: [{ description: "Kompresor AC 1 PK", quantity: 1, unitAmount: 1_600_000 }] },
  }, token);
}
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function openReport(lang = "en"): Promise<{ page: Page; violations: string[] }> {
  context = await browser.newContext({ locale: lang === "id" ? "id-ID" : "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${demo.url}/demo/internal/report.html`);
  await page.evaluate((l) => (document.documentElement.lang = l), lang);
  return { page, violations };
}

/** The week's tickets in, as the gateway counts them for the demo manager. */
async function ticketsIn(): Promise<number> {
  const { recap } = await demoCall<{ recap: { totals: { ticketsIn: number } } }>(demo, `{ recap(input: { period: WEEK, day: "2026-12-01" }) { totals { ticketsIn } } }`, {}, demo.tokens["MANAGER"]);
  return recap.totals.ticketsIn;
}

describe("<sigap-desk-report>", () => {
  it("shows the week's figures and charts, drills into a ticket that opens in the workspace, and refreshes live, under a strict CSP", async () => {
    const { page, violations } = await openReport("en");
    const report = page.locator("sigap-desk-report");
    await report.getByRole("heading", { name: /Desk report/ }).waitFor();
    const figure = report.locator('[data-figure="ticketsIn"]');
    await figure.waitFor();
    expect(Number(await figure.innerText())).toBe(await ticketsIn());
    expect(await ticketsIn()).toBeGreaterThanOrEqual(2);
    // The recap shows deflections: reports an article ended, with no ticket to drill into.
    const { recap } = await demoCall<{ recap: { deflections: number } }>(demo, `{ recap(input: { period: WEEK, day: "2026-12-01" }) { deflections } }`, {}, demo.tokens["MANAGER"]);
    expect(recap.deflections).toBe(1);
    expect(await report.locator('[data-figure="deflections"]').innerText()).toBe("1");
    expect(await report.locator("sigap-report-headline button").filter({ has: page.locator('[data-figure="deflections"]') }).count()).toBe(0);
    // The chart is an image with a name, and its numbers are a table too.
    await report.getByRole("img", { name: "Tickets in, resolved and backlog by day" }).waitFor();
    expect(await report.locator("sigap-report-trend tbody tr").count()).toBe(7);
    await report.getByRole("button", { name: "Show the data as a table" }).click();
    await report.getByRole("table", { name: "Tickets in, resolved and backlog by day" }).waitFor();
    await report.getByRole("table", { name: "By Priority" }).waitFor();

    // Drill down: the tickets behind "Tickets in", each linking into the workspace.
    await report.locator("sigap-report-headline button").filter({ has: page.locator('[data-figure="ticketsIn"]') }).click();
    const link = report.getByRole("link", { name: codes[0]! });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`/demo/internal/queue.html#ticket=${encodeURIComponent(codes[0]!)}`);
    expect(await report.locator("sigap-report-drill tbody tr").filter({ hasText: codes[0]! }).innerText()).toMatch(/New\s+P2 High\s+1 Dec 2026, 11:00\s+Printer loket 3 macet/);
    await shoot(page, "sigap-desk-report", "desk-report-drill-en-light");

    // Live: a new ticket raises the figure without a reload.
    const before = Number(await figure.innerText());
    await demoReport(demo, "Budi", "Timbangan paket error");
    await expect.poll(() => figure.innerText(), { timeout: 15_000 }).toBe(String(before + 1));
    // The CSV export, fetched with the token and saved from a blob: URL.
    const [file] = await Promise.all([page.waitForEvent("download"), report.getByRole("button", { name: "Tickets (CSV)" }).click()]);
    expect(file.suggestedFilename()).toBe("tickets-2026-11-30-2026-12-06.csv");
    const csv = readFileSync(await file.path(), "utf8");
    expect(csv.startsWith("\uFEFFCode,")).toBe(true);
    for (const code of codes) expect(csv).toContain(code);
    expect(violations).toEqual([]);

    await link.click();
    await page.waitForURL(/\/demo\/internal\/queue\.html#ticket=/);
    expect(new URL(page.url()).hash).toBe(`#ticket=${encodeURIComponent(codes[0]!)}`);
    await context.close();
  }, 60_000);

  it.each([
    ["en", "light"],
    ["id", "dark"],
  ])("speaks %s in the %s theme and passes axe; screenshots saved", async (lang, theme) => {
    const { page } = await openReport(lang);
    if (theme === "dark") await page.getByRole("button", { name: "☾ / ☀" }).click();
    const report = page.locator("sigap-desk-report");
    await report.getByRole("heading", { name: lang === "id" ? /Rekap meja layanan/ : /Desk report/ }).waitFor();
    await report.locator("sigap-report-breakdown table").first().waitFor();
    await report.getByText(lang === "id" ? "Tiket masuk" : "Tickets in").first().waitFor();
    // The week's work orders: one in, its extra cost proposed and awaiting the customer.
    const costs = report.getByRole("table", { name: lang === "id" ? "Biaya dan pembayaran work order" : "Work orders' costs and payments" });
    await costs.waitFor();
    const row = (name: string) => costs.getByRole("row", { name: new RegExp(`^${name}`) }).innerText();
    expect(await row(lang === "id" ? "Work order masuk" : "Work orders in")).toMatch(/\s1\s+—$/);
    expect(await row(lang === "id" ? "Biaya tambahan diusulkan" : "Extra costs proposed")).toMatch(lang === "id" ? /\s1\s+Rp\s1\.600\.000$/ : /\s1\s+IDR\s1,600,000$/);
    expect(await row(lang === "id" ? "Biaya tambahan menunggu keputusan" : "Extra costs awaiting decision")).toMatch(/\s1\s+\D+1[.,]600[.,]000$/);
    await report.getByRole("table", { name: lang === "id" ? "Work order per Grup" : "Work orders by Group" }).getByRole("row", { name: /Teknisi Servis/ }).waitFor();
    // Its CSV, as the gateway writes it (work-orders.csv), by group.
    const [file] = await Promise.all([page.waitForEvent("download"), report.getByRole("button", { name: lang === "id" ? "Work order per Grup (CSV)" : "Work orders by Group (CSV)" }).click()]);
    expect(file.suggestedFilename()).toBe("work-orders-group-2026-11-30-2026-12-06.csv");
    const csv = readFileSync(await file.path(), "utf8");
    expect(csv.startsWith(lang === "id" ? "\uFEFFKunci,Nama,Work order masuk," : "\uFEFFKey,Name,Work orders in,")).toBe(true);
    expect(csv).toContain("Teknisi Servis,1,");
    expect(await axe(page, "sigap-desk-report")).toEqual([]);
    await shoot(page, "sigap-desk-report", `desk-report-${lang}-${theme}`);
    // Printed: no controls, the figures, the chart and the tables.
    await page.emulateMedia({ media: "print" });
    expect(await report.getByRole("button", { name: lang === "id" ? "Cetak" : "Print" }).isVisible()).toBe(false);
    expect(await report.locator("sigap-report-trend svg").isVisible()).toBe(true);
    await context.close();
  }, 60_000);
});
