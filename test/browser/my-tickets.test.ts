/**
 * "My tickets" in real Chromium: the host site passes its signed-in user's reporter token to the
 * tracker, which lists only that reporter's tickets, counts the desk's unread replies live, opens
 * a ticket by code alone and goes back to the list. The report form prefills and locks the
 * identified reporter's name and e-mail; an anonymous reporter gets back in with a one-time link.
 */
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, startDemoGateway, type DemoGateway } from "./harness.js";
import { TEST_ACTOR } from "../harness.js";

const SECRET = "the-demo-host-site-secret-for-reporter-tokens";
let demo: DemoGateway;
let browser: Browser;
let siteKey: string;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  const [site] = await demo.gateway.services.sites.list();
  siteKey = site!.siteKey;
  await demo.gateway.services.sites.setIdentity(site!.id, { secret: SECRET, jwksUrl: null }, TEST_ACTOR);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The host site's token for one of its users. */
function tokenFor(sub: string, name: string): Promise<string> {
  return new SignJWT({ sub, name, email: `${sub}@contoh.example` })
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(siteKey)
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(SECRET));
}

async function call<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  const res = await fetch(`${demo.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const reportAs = async (token: string, description: string) =>
  (
    await call<{ reportIncident: { code: string } }>(
      `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }`,
      { input: { reporterName: "ignored", description } },
      { "x-sigap-site-key": siteKey, "x-sigap-reporter-token": token },
    )
  ).reportIncident.code;

async function reply(code: string, body: string): Promise<void> {
  const desk = { authorization: `Bearer ${demo.tokens["AGENT"]}` };
  const { ticket } = await call<{ ticket: { id: string } }>(`query($id: ID!) { ticket(id: $id) { id } }`, { id: code }, desk);
  await call(`mutation($id: ID!, $body: String!) { replyToReporter(id: $id, input: { body: $body }) { id } }`, { id: ticket.id, body }, desk);
}

describe("<sigap-ticket-tracker> with a reporter token", () => {
  it("lists my tickets only, shows desk replies live as unread, opens one by code and goes back", async () => {
    const me = await tokenFor("user-budi", "Budi Santoso");
    const first = await reportAs(me, "Printer di loket 2 tidak mencetak");
    const second = await reportAs(me, "Ipos lambat sejak pagi");
    const someoneElse = await reportAs(await tokenFor("user-siti", "Siti"), "Bukan milik Budi");

    const context = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar" });
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/portal/track.html`);
    await page.evaluate((token) => {
      document.documentElement.lang = "en";
      document.querySelector("sigap-ticket-tracker")!.setAttribute("reporter-token", token);
    }, me);
    const tracker = page.locator("sigap-ticket-tracker");
    const rows = tracker.locator('[part="my-ticket"]');
    await tracker.getByRole("heading", { name: "My tickets" }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain(second);
    expect(await rows.nth(1).innerText()).toContain(first);
    expect(await tracker.innerText()).not.toContain(someoneElse);

    // The desk answers: the list says so without a reload.
    await reply(first, "Sudah kami ganti tonernya.");
    await rows.nth(1).locator('[part="unread"]').getByText("1 new replies").waitFor();

    // Open it by code alone: the reply is there; back to the list, it is read.
    await rows.nth(1).getByRole("button", { name: `Open ${first}` }).click();
    await tracker.getByText("Sudah kami ganti tonernya.").waitFor();
    await tracker.getByRole("button", { name: "My tickets" }).click();
    await tracker.getByRole("heading", { name: "My tickets" }).waitFor();
    await expect.poll(() => rows.nth(1).locator('[part="unread"]').count()).toBe(0);
    await context.close();
  });

  it("refuses a token signed with the wrong secret: the list says why instead of showing nothing", async () => {
    const forged = await new SignJWT({ sub: "user-budi" }).setProtectedHeader({ alg: "HS256" }).setAudience(siteKey).setExpirationTime("1h").sign(new TextEncoder().encode("x".repeat(40)));
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/portal/track.html`);
    await page.evaluate((token) => {
      document.documentElement.lang = "en";
      document.querySelector("sigap-ticket-tracker")!.setAttribute("reporter-token", token);
    }, forged);
    const error = page.locator("sigap-ticket-tracker").locator('[part="my-tickets"] [part="error"]');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/.+/);
    await context.close();
  });
});

describe("<sigap-report-form> with a reporter token", () => {
  it("prefills and locks the name and e-mail from the token, and the receipt says to sign in", async () => {
    const me = await tokenFor("user-rina", "Rina Wati");
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/company/report.html`);
    await page.evaluate((token) => {
      document.documentElement.lang = "en";
      const form = document.querySelector("sigap-report-form")!;
      form.setAttribute("fields", "reporterEmail");
      form.setAttribute("reporter-token", token);
    }, me);
    const name = page.getByLabel(/^Your name/);
    await expect.poll(() => name.inputValue()).toBe("Rina Wati");
    expect(await name.getAttribute("readonly")).not.toBeNull();
    expect(await page.getByLabel(/^E-mail/).inputValue()).toBe("user-rina@contoh.example");
    expect(await page.getByLabel(/^E-mail/).getAttribute("readonly")).not.toBeNull();
    await page.getByLabel(/^What is wrong/).fill("Scanner di loket 1 mati.");
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByText("Report received", { exact: true }).waitFor();
    expect(await page.locator('sigap-report-form [part="find-again"]').innerText()).toContain("signing in on this site");
    await context.close();
  });
});

describe("<sigap-ticket-tracker> for an anonymous reporter who lost the link", () => {
  it("asks for a link by code and e-mail, and the mailed link opens the ticket once", async () => {
    const { reportIncident: r } = await call<{ reportIncident: { code: string } }>(
      `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code } }`,
      { input: { reporterName: "Joko", reporterEmail: "joko@contoh.example", description: "Wifi kantor putus" } },
      { "x-sigap-site-key": siteKey },
    );
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${demo.url}/demo/portal/track.html`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    const tracker = page.locator("sigap-ticket-tracker");
    const form = tracker.locator('[part="link-form"]');
    await form.getByLabel("Ticket code").fill(r.code);
    await form.getByLabel("E-mail or phone given on the report").fill("joko@contoh.example");
    await form.getByRole("button", { name: "E-mail me a link" }).click();
    await form.locator('[part="link-status"]').getByText(/a link is on its way/).waitFor();

    // The mail waits in the outbox (the demo sends none): its link is what the reporter would click.
    const rows: Array<{ payload: string }> = await demo.gateway.services.ds.query("SELECT payload FROM outbox_message WHERE recipient = ? AND event_id LIKE 'link:%'", ["joko@contoh.example"]);
    expect(rows).toHaveLength(1);
    const link = new URL((JSON.parse(rows[0]!.payload) as { vars: { link: string } }).vars.link);
    await page.goto(link.href);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    await tracker.locator('[part="code"]').getByText(r.code).waitFor();
    expect(new URL(page.url()).searchParams.has("link")).toBe(false);

    // Used once: the same link again opens nothing.
    await page.goto(link.href);
    await tracker.locator('[part="error"]').waitFor();
    await context.close();
  });
});
