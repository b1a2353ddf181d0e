/**
 * Canned responses in Chromium (issue 11): a supervisor creates one in `<sigap-desk-admin>` (the
 * Replies section is all their role opens, and a bad placeholder is refused beside the text), an
 * agent inserts it into a reply from the composer's picker with the keyboard, edits it and sends
 * it, and the reporter's tracker shows the text the gateway filled in. Screenshots saved; axe on
 * the picker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axe, demoCall, deskAdminPage, type DemoGateway, launchBrowser, shoot, startDemoGateway } from "./harness.js";


let demo: DemoGateway;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The demo gateway's GraphQL with an agent's token, or the demo site key. */
const call = <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => demoCall<T>(demo, query, variables, token);


/** A page holding `<sigap-desk-admin>` signed in with `token`, in `lang` and `theme`. */
const adminPage = (token: string, lang: string, theme: string): Promise<Page> => deskAdminPage(context, demo, token, lang, theme);

describe("canned responses", () => {
  it("a supervisor keeps them in the administration's Replies section, refused placeholders shown beside the text; screenshots saved", async () => {
    const page = await adminPage(demo.tokens["SUPERVISOR"]!, "en", "light");
    const admin = page.locator("sigap-desk-admin");
    // The supervisor's role opens the Replies and Knowledge sections.
    await admin.getByRole("tab", { name: "Replies" }).waitFor();
    expect(await admin.getByRole("tab").allInnerTexts()).toEqual(["Replies", "Knowledge"]);
    const section = admin.locator("sigap-admin-replies");
    await section.getByText("No canned responses yet.").waitFor();
    // The help line lists the gateway's placeholders.
    await section.getByText("Placeholders: {{reporter.name}}, {{ticket.code}}, {{ticket.trackingLink}}, {{agent.name}}, {{site.name}}").waitFor();

    await section.getByLabel("Title").fill("Technician on the way");
    await section.getByLabel("Text").fill("Dear {{reporter.name}}, about {{ticket.phone}}");
    await section.getByRole("button", { name: "Add the response" }).click();
    const refusal = section.locator('[part="field-error"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain("unknown placeholder {{ticket.phone}}");
    expect(await section.getByLabel("Text").getAttribute("aria-invalid")).toBe("true");
    await shoot(page, "sigap-desk-admin", "canned-admin-refused");

    await section
      .getByLabel("Text")
      .fill("Dear {{reporter.name}}, a technician is on the way for ticket {{ticket.code}}. Follow it at {{ticket.trackingLink}} — {{agent.name}}, {{site.name}}");
    await section.getByRole("button", { name: "Add the response" }).click();
    await section.getByText("Technician on the way", { exact: true }).waitFor();
    await section.getByText(/Saved .* by Rudi Hartono/).waitFor();
    await shoot(page, "sigap-desk-admin", "canned-admin-list-light-en");

    // Edit: the form fills with the response, and a change saves in place.
    await section.getByRole("button", { name: "Edit Technician on the way" }).click();
    await expect.poll(() => section.getByLabel("Title").inputValue()).toBe("Technician on the way");
    await section.getByLabel("Language").selectOption("en");
    await section.getByRole("button", { name: "Save the response" }).click();
    await section.getByText(/Technician on the way\s*— English/).waitFor();
    // A second one, to delete again.
    await section.getByLabel("Title").fill("Temporary");
    await section.getByLabel("Text").fill("Short-lived.");
    await section.getByRole("button", { name: "Add the response" }).click();
    await section.getByRole("button", { name: "Delete Temporary" }).click();
    await expect.poll(() => section.getByText("Temporary", { exact: true }).count()).toBe(0);
    await page.close();

    // The same section in Indonesian and the dark theme.
    const id = await adminPage(demo.tokens["SUPERVISOR"]!, "id", "dark");
    await id.locator("sigap-desk-admin").getByRole("tab", { name: "Balasan cepat" }).waitFor();
    await id.locator("sigap-admin-replies").getByText("Technician on the way", { exact: true }).waitFor();
    await shoot(id, "sigap-desk-admin", "canned-admin-list-dark-id");
    await id.close();

    // An agent is offered no Replies tab (the knowledge base alone).
    const agentAdmin = await adminPage(demo.tokens["AGENT"]!, "en", "light");
    await agentAdmin.locator("sigap-desk-admin").getByRole("tab", { name: "Knowledge" }).waitFor();
    expect(await agentAdmin.locator("sigap-desk-admin").getByRole("tab").allInnerTexts()).toEqual(["Knowledge"]);
    await agentAdmin.close();
  }, 90_000);

  it("an agent inserts one from the composer with the keyboard, edits it and sends it; the tracker shows the filled text; screenshots saved", async () => {
    const { reportIncident } = await call<{ reportIncident: { code: string; trackingToken: string } }>(
      `mutation { reportIncident(input: { reporterName: "Ratna Sari", description: "The counter printer jams on every receipt.", urgency: HIGH, language: "en" }) { code trackingToken } }`,
    );
    const { code, trackingToken } = reportIncident;
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/internal/queue.html`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    const queue = page.locator("sigap-agent-queue");
    await queue.getByText(/Signed in as Dewi Lestari/).waitFor();
    await queue.locator('[part="row"]').filter({ hasText: code }).click();
    await queue.locator('[part="detail"]').getByText(`Ticket ${code}`).waitFor();

    const composer = queue.locator("sigap-ticket-composer");
    await composer.locator("summary").filter({ hasText: "Reply to the reporter" }).click();
    const message = composer.getByRole("textbox", { name: "Message" });
    await message.fill("Hello.\n");
    await composer.getByRole("button", { name: "Canned response" }).click();
    const picker = composer.locator("sigap-canned-picker");
    const search = picker.getByRole("combobox", { name: "Canned responses" });
    await search.waitFor();
    await expect.poll(() => search.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await picker.getByText("The reporter's language: English").waitFor();
    await picker.getByRole("option", { name: /Technician on the way/ }).waitFor();
    // Typing filters (the gateway searches); arrows and Enter choose.
    await search.pressSequentially("nothing like this");
    await picker.getByText("No canned response matches.").waitFor();
    await search.fill("");
    await search.pressSequentially("technician");
    await expect.poll(() => picker.getByRole("option").allInnerTexts()).toEqual([expect.stringContaining("Technician on the way")]);
    expect(await picker.getByRole("option").first().getAttribute("aria-selected")).toBe("true");
    await shoot(page, "sigap-ticket-composer", "canned-picker-open");
    expect(await axe(page, ["sigap-agent-queue", "sigap-ticket-view", "sigap-ticket-composer", "sigap-canned-picker"])).toEqual([]);

    await search.press("ArrowDown");
    await search.press("Enter");
    const filled = `Dear Ratna Sari, a technician is on the way for ticket ${code}. Follow it at ${demo.url}/demo/portal/track.html?code=${code}&token= — Dewi Lestari, `;
    await expect.poll(() => message.inputValue()).toContain(filled);
    expect(await message.inputValue()).toMatch(/^Hello\.\nDear Ratna Sari/);
    await expect.poll(() => picker.isHidden()).toBe(true);
    // The agent edits the inserted text before sending.
    await message.press("End");
    await message.pressSequentially(" See you soon.");
    await shoot(page, "sigap-ticket-composer", "canned-inserted");
    const sent = await message.inputValue();
    await composer.getByRole("button", { name: "Reply to the reporter", exact: true }).click();
    await composer.getByText("Reply to the reporter: saved.").waitFor();
    await page.close();

    // Esc closes the picker without inserting anything.
    const again = await context.newPage();
    await again.goto(`${demo.url}/demo/internal/queue.html`);
    await again.evaluate(() => (document.documentElement.lang = "en"));
    const q2 = again.locator("sigap-agent-queue");
    await q2.locator('[part="row"]').filter({ hasText: code }).click();
    const c2 = q2.locator("sigap-ticket-composer");
    await c2.locator("summary").filter({ hasText: "Internal note" }).click();
    await c2.getByRole("button", { name: "Canned response" }).click();
    const s2 = c2.locator("sigap-canned-picker").getByRole("combobox");
    await s2.waitFor();
    await s2.press("Escape");
    await expect.poll(() => c2.locator("sigap-canned-picker").isHidden()).toBe(true);
    expect(await c2.getByRole("textbox", { name: "Message" }).inputValue()).toBe("");
    await again.close();

    const track = await context.newPage();
    await track.goto(`${demo.url}/demo/portal/track.html?code=${code}&token=${trackingToken}`);
    await track.evaluate(() => (document.documentElement.lang = "en"));
    const entry = track.locator('sigap-ticket-tracker [part~="entry"]').filter({ hasText: "See you soon." });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(sent.replace(/^Hello\.\n/, "").replace(/\s+/g, " ").slice(0, 60));
    expect(await entry.innerText()).toContain(`ticket ${code}`);
    await shoot(track, "sigap-ticket-tracker", "canned-tracker");
    await track.close();
  }, 120_000);

  it("speaks Indonesian in the dark theme, the picker too; screenshot saved", async () => {
    const { reportIncident } = await call<{ reportIncident: { code: string } }>(`mutation { reportIncident(input: { reporterName: "Agus", description: "Timbangan loket 3 mati." }) { code } }`);
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/internal/queue.html`);
    await page.evaluate(() => (document.documentElement.lang = "id"));
    await page.getByRole("button", { name: "☾ / ☀" }).click();
    const queue = page.locator("sigap-agent-queue");
    await queue.locator('[part="row"]').filter({ hasText: reportIncident.code }).click();
    const composer = queue.locator("sigap-ticket-composer");
    await composer.locator('[part="action"] summary').first().click();
    await composer.getByRole("button", { name: "Balasan cepat" }).click();
    const picker = composer.locator("sigap-canned-picker");
    await picker.getByRole("combobox", { name: "Balasan cepat" }).waitFor();
    // An Indonesian reporter: the English response is not offered until the agent asks for every language.
    await picker.getByText("Bahasa pelapor: Bahasa Indonesia").waitFor();
    await picker.getByText("Tidak ada balasan cepat yang cocok.").waitFor();
    await shoot(page, "sigap-ticket-composer", "canned-picker-reporter-language");
    await picker.getByLabel("Semua bahasa").check();
    await picker.getByRole("option", { name: /Technician on the way/ }).waitFor();
    expect(await picker.getAttribute("theme")).toBe("dark");
    await picker.getByText("Panah memilih, Enter menyisipkan, Esc menutup.").waitFor();
    await shoot(page, "sigap-ticket-composer", "canned-picker-dark-id");
    expect(await axe(page, ["sigap-agent-queue", "sigap-ticket-view", "sigap-ticket-composer", "sigap-canned-picker"])).toEqual([]);
    await page.close();
  }, 60_000);
});
