/**
 * The knowledge base's editor in `<sigap-desk-admin>` (issue 14): a supervisor writes an article in
 * the Knowledge section (a refusal shown beside the field the gateway names), submits it for review
 * and publishes it with the buttons the gateway's `nextStatuses` gives, and the help centre's
 * `helpArticles` then serves it; the list filters; an agent writes but is offered no publish button.
 * Both languages and themes, axe, screenshots saved.
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
  context = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 1400 } });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** A page holding `<sigap-desk-admin>` on its Knowledge tab, signed in with `token`, in `lang` and `theme`. */
const knowledgePage = (token: string, lang: string, theme: string): Promise<Page> => deskAdminPage(context, demo, token, lang, theme, "knowledge");

const TITLE = "Receipt printer prints blank slips";

async function helpTitles(): Promise<string[]> {
  const { helpArticles } = await demoCall<{ helpArticles: Array<{ title: string }> }>(demo, `query { helpArticles(first: 50) { title } }`);
  return helpArticles.map((a) => a.title);
}

describe("the Knowledge section", () => {
  it("a supervisor writes, submits and publishes an article, and the help centre serves it; screenshots saved", async () => {
    const page = await knowledgePage(demo.tokens["SUPERVISOR"]!, "en", "light");
    const admin = page.locator("sigap-desk-admin");
    await admin.getByRole("tab", { name: "Knowledge" }).waitFor();
    expect(await admin.getByRole("tab").allInnerTexts()).toEqual(["Replies", "Knowledge"]);
    const section = admin.locator("sigap-admin-knowledge");
    const [editor, filters] = [section.locator("form[data-article]"), section.getByRole("search")];
    // The demo's articles, newest first, with their counts.
    await section.getByText(/Helpful: \d+ yes, \d+ no/).first().waitFor();

    await section.getByRole("button", { name: "Write an article" }).click();
    await expect.poll(() => editor.getByLabel("Language", { exact: true }).inputValue()).toBe("en");
    await editor.getByLabel("Text", { exact: true }).fill("Open the cover, turn the paper roll over and close it.");
    await section.getByRole("button", { name: "Save the draft" }).click();
    const refusal = section.locator('[part="field-error"]');
    await refusal.waitFor();
    expect(await editor.getByLabel("Title", { exact: true }).getAttribute("aria-invalid")).toBe("true");

    await editor.getByLabel("Title", { exact: true }).fill(TITLE);
    await editor.getByLabel("Visibility", { exact: true }).selectOption("PUBLIC");
    await section.getByRole("button", { name: "Save the draft" }).click();
    await section.getByText(/Version 1 · Draft · .* by Rudi Hartono/).waitFor();
    expect(await section.getByRole("group", { name: "Move it" }).getByRole("button").allInnerTexts()).toEqual(["Submit for review"]);
    expect(await helpTitles()).not.toContain(TITLE);

    await section.getByRole("button", { name: "Submit for review" }).click();
    await section.getByText("The article is now: In review.").waitFor();
    expect(await section.getByRole("group", { name: "Move it" }).getByRole("button").allInnerTexts()).toEqual(["Back to draft", "Publish"]);
    await editor.getByLabel("Text", { exact: true }).fill("Open the cover, turn the paper roll over (shiny side down) and close it.");
    await section.getByRole("button", { name: "Save a new version" }).click();
    await section.getByText(/Version 2 · In review/).waitFor();
    expect(await section.locator('[part="used-on"]').innerText()).toBe("Not used on a ticket yet.");
    await shoot(page, "sigap-desk-admin", "knowledge-admin-review-light-en");
    expect(await axe(page, ["sigap-desk-admin", "sigap-admin-knowledge"])).toEqual([]);

    await section.getByRole("button", { name: "Publish" }).click();
    await section.getByText("The article is now: Published.").waitFor();
    expect(await section.getByRole("group", { name: "Move it" }).getByRole("button").allInnerTexts()).toEqual(["Archive"]);
    expect(await helpTitles()).toContain(TITLE);

    // The filters: published English articles holding "receipt" list it; drafts do not.
    await filters.getByLabel("Status").selectOption("PUBLISHED");
    await filters.getByLabel("Search text").fill("receipt printer");
    await section.getByRole("button", { name: "Show the articles" }).click();
    await section.getByRole("button", { name: `Open ${TITLE}` }).waitFor();
    await filters.getByLabel("Status").selectOption("DRAFT");
    await section.getByRole("button", { name: "Show the articles" }).press("Enter");
    await expect.poll(() => section.getByRole("button", { name: `Open ${TITLE}` }).count()).toBe(0);
    await page.close();

    // The desk links it to a ticket from the composer; the editor lists the tickets that used it.
    const { reportIncident } = await demoCall<{ reportIncident: { code: string } }>(
      demo,
      `mutation { reportIncident(input: { reporterName: "Rina Marlina", description: "Printer struk kasir mencetak kertas kosong", urgency: LOW, language: "id" }) { code } }`,
    );
    const { deskArticles } = await demoCall<{ deskArticles: Array<{ id: string; title: string }> }>(demo, `query($q: String) { deskArticles(filter: { query: $q }, first: 1) { id title } }`, { q: TITLE }, demo.tokens["SUPERVISOR"]);
    expect(deskArticles[0]!.title).toBe(TITLE);
    await demoCall(demo, `mutation($a: ID!, $t: ID!) { linkArticleToTicket(articleId: $a, ticketId: $t) { id } }`, { a: deskArticles[0]!.id, t: reportIncident.code }, demo.tokens["SUPERVISOR"]);

    // Indonesian, dark theme: the same section with its words.
    const id = await knowledgePage(demo.tokens["SUPERVISOR"]!, "id", "dark");
    const idSection = id.locator("sigap-admin-knowledge");
    await idSection.getByRole("button", { name: `Buka ${TITLE}` }).click();
    await idSection.getByRole("button", { name: "Arsipkan" }).waitFor();
    await idSection.getByRole("heading", { name: "Dipakai di tiket" }).waitFor();
    expect(await idSection.locator('[part="used-on"]').innerText()).toBe(reportIncident.code);
    await shoot(id, "sigap-desk-admin", "knowledge-admin-dark-id");
    expect(await axe(id, ["sigap-desk-admin", "sigap-admin-knowledge"])).toEqual([]);
    await id.close();
  }, 60_000);

  it("an agent writes and submits an article but is offered no publish button", async () => {
    const page = await knowledgePage(demo.tokens["AGENT"]!, "en", "light");
    const admin = page.locator("sigap-desk-admin");
    const section = admin.locator("sigap-admin-knowledge");
    const editor = section.locator("form[data-article]");
    await section.getByRole("button", { name: "Write an article" }).click();
    expect(await admin.getByRole("tab").allInnerTexts()).toEqual(["Knowledge"]);
    await editor.getByLabel("Title", { exact: true }).fill("Scale at counter 3 shows zero");
    await editor.getByLabel("Text", { exact: true }).fill("Press TARE twice before weighing.");
    await section.getByRole("button", { name: "Save the draft" }).click();
    await section.getByRole("button", { name: "Submit for review" }).click();
    await section.getByText("The article is now: In review.").waitFor();
    expect(await section.getByRole("group", { name: "Move it" }).getByRole("button").allInnerTexts()).toEqual(["Back to draft"]);
    // A published article is closed to an agent's edits and moves.
    await section.getByRole("button", { name: `Open ${TITLE}` }).click();
    await section.getByText("This article cannot be changed in its status by your role.").waitFor();
    expect(await section.getByRole("group", { name: "Move it" }).count()).toBe(0);
    expect(await section.getByRole("button", { name: "Publish" }).count()).toBe(0);
    await page.close();
  }, 30_000);
});
