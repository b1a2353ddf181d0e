/**
 * Awareness in the agent queue (issue 11): the unread marker that a reporter's message in the
 * tracker sets and opening the ticket clears, the unread count in the document title, and a
 * second agent (a second browser context) seeing the first viewing and typing on the same ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { axe, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let dewiSide: BrowserContext;
let rudiSide: BrowserContext;
let customer: BrowserContext;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  const options = { locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 800 } };
  dewiSide = await browser.newContext(options);
  rudiSide = await browser.newContext(options);
  customer = await browser.newContext(options);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function report(name: string, description: string): Promise<{ code: string; trackingToken: string }> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
    body: JSON.stringify({ query: `mutation($n: String!, $d: String!) { reportIncident(input: { reporterName: $n, description: $d, urgency: HIGH }) { code trackingToken } }`, variables: { n: name, d: description } }),
  });
  return ((await res.json()) as { data: { reportIncident: { code: string; trackingToken: string } } }).data.reportIncident;
}

/** Calls the gateway as the demo's service desk agent (Dewi). */
async function deskCall<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${demo.tokens["AGENT"]}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The internal portal's queue as one demo agent, in English, with the title count on. */
async function openQueue(context: BrowserContext, email: string, name: string): Promise<{ page: Page; queue: Locator }> {
  const page = await context.newPage();
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate(() => {
    document.documentElement.lang = "en";
    document.getElementById("queue")!.setAttribute("title-count", "");
  });
  await page.locator("#who").selectOption(email);
  const queue = page.locator("sigap-agent-queue");
  await queue.getByText(`Signed in as ${name}`).waitFor();
  return { page, queue };
}

describe("<sigap-agent-queue> awareness", () => {
  it("marks a ticket unread when the reporter writes in the tracker, clears it on opening, and counts unread tickets in the title; screenshots saved", async () => {
    const ticket = await report("Wulan Sari", "The parcel scanner at counter 3 does not read barcodes.");
    const { page, queue } = await openQueue(dewiSide, "dewi@demo.sigap.local", "Dewi Lestari");
    const row = queue.locator('[part~="row"]').filter({ hasText: ticket.code });
    const dot = row.locator('[part="dot"]');

    // Never opened: unread. Opening reads it.
    await dot.waitFor();
    await row.click();
    await queue.locator('[part="detail"]').getByText(`Ticket ${ticket.code}`).waitFor();
    await expect.poll(() => dot.count()).toBe(0);
    await queue.getByRole("button", { name: "Back" }).click();

    // Dewi takes the ticket, so it counts in her title.
    const { ticket: found } = await deskCall<{ ticket: { id: string } }>(`query($id: ID!) { ticket(id: $id) { id } }`, { id: ticket.code });
    await deskCall(`mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: "me" }) { id } }`, { id: found.id });
    const title = () => page.evaluate(() => document.title);
    const base = "Antrean service desk — Portal internal";

    // The reporter writes in the tracker: the row turns unread (dot, bold) live.
    const track = await customer.newPage();
    await track.goto(`${demo.url}/demo/portal/track.html?code=${ticket.code}&token=${ticket.trackingToken}`);
    await track.evaluate(() => (document.documentElement.lang = "en"));
    const tracker = track.locator("sigap-ticket-tracker");
    await tracker.locator("textarea").fill("It still fails after a restart.");
    await tracker.getByRole("button", { name: "Send" }).click();
    await tracker.getByText("Your message was sent.").waitFor();
    await dot.waitFor();
    expect(await row.evaluate((r) => getComputedStyle(r).fontWeight)).toBe("700");
    // Changed live since Dewi looked: highlighted until opened.
    expect(await row.getAttribute("class")).toContain("fresh");
    await shoot(page, "sigap-agent-queue", "awareness-unread");

    // The title counts her unread tickets (all open tickets of her group are hers to read).
    const counted = async () => Number(/^\((\d+)\) /.exec(await title())?.[1] ?? 0);
    await expect.poll(counted).toBeGreaterThan(0);
    const before = await counted();
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);

    await row.click();
    await queue.locator('[part="detail"]').getByText("It still fails after a restart.").waitFor();
    await expect.poll(() => dot.count()).toBe(0);
    expect(await row.getAttribute("class")).not.toContain("fresh");
    await expect.poll(counted).toBeLessThan(before);

    // The page's own title comes back when the queue leaves.
    await page.evaluate(() => document.getElementById("queue")!.remove());
    expect(await title()).toBe(base);
    await track.close();
    await page.close();
  }, 90_000);

  it("shows a second agent who else is viewing and typing on the ticket, live; screenshots saved", async () => {
    const ticket = await report("Agus Salim", "The Ipos receipt printer prints blank pages.");
    const dewi = await openQueue(dewiSide, "dewi@demo.sigap.local", "Dewi Lestari");
    const rudi = await openQueue(rudiSide, "rudi@demo.sigap.local", "Rudi Hartono");
    for (const side of [dewi, rudi]) {
      await side.queue.locator('[part~="row"]').filter({ hasText: ticket.code }).click();
      await side.queue.locator('[part="detail"]').getByText(`Ticket ${ticket.code}`).waitFor();
    }
    const seenByRudi = rudi.queue.locator('[part="presence"]');
    await seenByRudi.getByText("Dewi Lestari is viewing").waitFor({ timeout: 10_000 });
    await dewi.queue.locator('[part="presence"]').getByText(/^Rudi Hartono .* is viewing$/).waitFor();

    // Dewi starts a reply: Rudi sees her typing, and viewing again once she pauses.
    const reply = dewi.queue.locator('[part="action"]').filter({ has: dewi.page.getByText("Reply to the reporter", { exact: true }) });
    await reply.locator("summary").click();
    await reply.getByLabel("Message").pressSequentially("Checking the printer", { delay: 20 });
    await seenByRudi.getByText("Dewi Lestari is typing…").waitFor();
    await shoot(rudi.page, "sigap-agent-queue", "awareness-typing");
    expect(await axe(rudi.page, "sigap-agent-queue")).toEqual([]);
    await seenByRudi.getByText("Dewi Lestari is viewing").waitFor();

    // Dewi closes the ticket: Rudi no longer sees her.
    await dewi.queue.getByRole("button", { name: "Back" }).click();
    await expect.poll(() => seenByRudi.count()).toBe(0);
    await dewi.page.close();
    await rudi.page.close();
  }, 90_000);
});
