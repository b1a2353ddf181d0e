import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { axe, companyPage, demoCall, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

/**
 * The knowledge base in the browser (issue 14): the report form suggests the demo site's published
 * articles while the reporter describes the problem, and "this solved it" ends it without a
 * ticket; the help centre (demo/company/help.html, under a strict CSP) searches and reads.
 */

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

async function ticketCount(): Promise<number> {
  return demo.gateway.services.ds.getRepository("TicketEntity").count();
}

describe("<sigap-report-form> suggestions", () => {
  it("suggests articles while the reporter types, opens one inline, and 'this solved it' ends without a ticket", async () => {
    const page = await companyPage(browser, demo, "en");
    const before = await ticketCount();
    await page.getByLabel(/^What is wrong/).fill("Ipos will not log in since this morning at counter 3");
    const title = page.getByRole("button", { name: "Ipos will not log in" });
    await title.waitFor();
    expect(await title.getAttribute("aria-expanded")).toBe("false");
    await title.click();
    expect(await title.getAttribute("aria-expanded")).toBe("true");
    await page.getByText(/clear the browser cache/).waitFor();
    expect(await axe(page, "sigap-report-form")).toEqual([]);
    await shoot(page, "sigap-report-form", "knowledge-suggestions");
    await page.getByRole("button", { name: "This solved it" }).click();
    await page.getByText("Glad that helped. No ticket was made.").waitFor();
    const { ipos } = await countOf("Ipos will not log in");
    expect(ipos).toBe(1);
    expect(await ticketCount()).toBe(before);
    await page.close();
  });
});

async function countOf(title: string): Promise<{ ipos: number }> {
  const site = (await demo.gateway.services.sites.list())[0]!;
  const [a] = await demo.gateway.services.knowledge.reads.desk(site.id, { query: title, language: "en", serviceId: null, categoryId: null, first: 1 }, null);
  return { ipos: a?.deflections ?? -1 };
}

/** The demo's help page in Indonesian, under its strict CSP (axe-core is evaluated through DevTools, which the policy does not govern). */
async function openHelp() {
  const context = await browser.newContext({ locale: "id-ID" });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${demo.url}/demo/company/help.html`);
  const kb = page.locator("sigap-knowledge-base");
  await kb.getByRole("button", { name: "Pembayaran PosPay tertunda" }).waitFor();
  return { context, page, kb, violations };
}

describe("<sigap-knowledge-base>", () => {
  it("searches, reads an article and counts 'was this helpful?', in Indonesian, under a strict CSP", async () => {
    const { context, kb, violations } = await openHelp();
    await kb.getByLabel("Cari di pusat bantuan").fill("foto tanda tangan");
    await kb.getByRole("button", { name: "Cari", exact: true }).click();
    await expect.poll(() => kb.getByRole("listitem").count()).toBe(1);
    await kb.getByRole("button", { name: "E-Pod tidak mengirim foto tanda tangan" }).click();
    await kb.getByRole("heading", { name: "E-Pod tidak mengirim foto tanda tangan" }).waitFor();
    await kb.getByText(/Aktifkan data seluler/).waitFor();
    await kb.getByRole("button", { name: "Ya" }).click();
    await kb.getByText("Terima kasih atas masukan anda.").first().waitFor();
    const site = (await demo.gateway.services.sites.list())[0]!;
    await expect
      .poll(async () => (await demo.gateway.services.knowledge.reads.desk(site.id, { query: "foto tanda tangan", language: "id", serviceId: null, categoryId: null, first: 1 }, null))[0]?.helpfulYes)
      .toBe(1);
    await kb.getByRole("button", { name: /Kembali/ }).click();
    await kb.getByRole("button", { name: "E-Pod tidak mengirim foto tanda tangan" }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("passes axe in the list and in an article, light and dark", async () => {
    const { context, page, kb } = await openHelp();
    expect(await axe(page, "sigap-knowledge-base")).toEqual([]);
    await kb.getByRole("button", { name: "Ipos tidak bisa login" }).click();
    await kb.getByRole("heading", { name: "Ipos tidak bisa login" }).waitFor();
    expect(await axe(page, "sigap-knowledge-base")).toEqual([]);
    await page.locator("[data-theme-toggle]").click();
    expect(await axe(page, "sigap-knowledge-base")).toEqual([]);
    await shoot(page, "main", "knowledge-base-dark");
    await context.close();
  });
});

describe("<sigap-article-picker> in the composer", () => {
  it("suggests articles for the ticket, inserts one into the reply and links one to the ticket", async () => {
    const { reportIncident } = await demoCall<{ reportIncident: { code: string } }>(
      demo,
      `mutation { reportIncident(input: { reporterName: "Ratna Sari", description: "Ipos will not log in at counter 2, the password is refused", urgency: HIGH, language: "en" }) { code } }`,
    );
    const code = reportIncident.code;
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/internal/queue.html`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    const queue = page.locator("sigap-agent-queue");
    await queue.locator('[part="row"]').filter({ hasText: code }).click();
    await queue.locator('[part="detail"]').getByText(`Ticket ${code}`).waitFor();
    const composer = queue.locator("sigap-ticket-composer");
    await composer.locator("summary").filter({ hasText: "Reply to the reporter" }).click();
    const message = composer.getByRole("textbox", { name: "Message" });
    await message.fill("Hello.\n");
    await composer.getByRole("button", { name: "Articles" }).click();
    const picker = composer.locator("sigap-article-picker");
    const item = picker.getByRole("listitem").filter({ hasText: "Ipos will not log in" });
    await item.waitFor();
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shoot(page, "sigap-ticket-composer", "knowledge-article-picker");
    await item.getByRole("button", { name: "Link to ticket" }).click();
    await item.getByText("Linked").waitFor();
    await item.getByRole("button", { name: "Insert into reply" }).click();
    // The whole article goes in, the fix included (not a summary cut before it).
    await expect.poll(() => message.inputValue()).toMatch(/^Hello\.\nIpos will not log in\n\nSymptom\nThe Ipos login screen .*\n\nFix\nClose Ipos, .* more than five minutes off\.$/);
    const site = (await demo.gateway.services.sites.list())[0]!;
    const ticket = await demo.gateway.services.reads.byIdOrCode(site.id, code);
    const linked = await demo.gateway.services.knowledge.reads.forTicket(site.id, ticket.id);
    expect(linked.map((a) => a.title)).toEqual(["Ipos will not log in"]);
    await context.close();
  });
});
