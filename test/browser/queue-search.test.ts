/**
 * The agent queue's search box (issue 11): a reporter's name or a fragment of a code finds the
 * ticket (whatever its status), the ticket opens from the results, Escape clears the search, and
 * the filters part passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { axe, demoCall, type DemoGateway, launchBrowser, shoot, startDemoGateway } from "./harness.js";

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

/** The demo gateway's GraphQL with an agent's token, or the demo site key. */
const call = <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => demoCall<T>(demo, query, variables, token);

async function report(name: string, description: string): Promise<string> {
  const { reportIncident } = await call<{ reportIncident: { code: string } }>(
    `mutation($n: String!, $d: String!) { reportIncident(input: { reporterName: $n, description: $d, urgency: LOW }) { code } }`,
    { n: name, d: description },
  );
  return reportIncident.code;
}

async function openQueue(page: Page): Promise<Locator> {
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate(() => (document.documentElement.lang = "en"));
  const queue = page.locator("sigap-agent-queue");
  await queue.getByText(/Signed in as Dewi Lestari/).waitFor();
  return queue;
}

const rows = (queue: Locator) => queue.locator('[part="row"]');

describe("<sigap-agent-queue> search", () => {
  it("finds a ticket by its reporter's name and by a fragment of its code, opens it, and clears on Escape; screenshots saved", async () => {
    const yohanes = await report("Yohanes Pratama", "Mesin antrean di lantai dua tidak mencetak nomor.");
    const other = await report("Wulan Sari", "Lampu ruang server berkedip.");
    // A cancelled ticket is found too: a search spans every status.
    const { ticket } = await call<{ ticket: { id: string } }>(`query($id: ID!) { ticket(id: $id) { id } }`, { id: other }, demo.tokens["AGENT"]);
    await call(`mutation($id: ID!) { cancelTicket(id: $id, reason: "Duplikat") { id } }`, { id: ticket.id }, demo.tokens["AGENT"]);

    const page = await browser.newPage({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
    const queue = await openQueue(page);
    const box = queue.getByRole("searchbox", { name: "Search tickets" });
    await box.waitFor();
    await rows(queue).filter({ hasText: yohanes }).waitFor();

    // Typing searches after a pause, without Enter.
    await box.fill("yohan");
    await expect.poll(() => rows(queue).allInnerTexts()).toEqual([expect.stringContaining(yohanes)]);
    await queue.getByText(/^1 tickets? shown/).waitFor();
    await shoot(page, "sigap-agent-queue", "queue-search-name");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);

    // Open it from the results.
    await rows(queue).filter({ hasText: yohanes }).click();
    await queue.locator('[part="detail"]').getByText(`Ticket ${yohanes}`).waitFor();

    // A fragment of the code (the year and sequence, typed with a dash), searched at once with Enter; the cancelled ticket shows.
    const fragment = `${other.slice(-8, -4)}-${other.split(".")[2]}`;
    await box.fill(fragment);
    await box.press("Enter");
    await expect.poll(() => rows(queue).allInnerTexts()).toEqual([expect.stringContaining(other)]);
    await shoot(page, "sigap-agent-queue", "queue-search-code");

    // Nothing matches: the list says so.
    await box.fill("zzzqqq");
    await box.press("Enter");
    await queue.getByText("No tickets match these filters.").waitFor();

    // Escape clears the box and brings back the open queue (the cancelled ticket is not in it).
    await box.press("Escape");
    await expect(box.inputValue()).resolves.toBe("");
    await expect.poll(async () => (await rows(queue).allInnerTexts()).some((t) => t.includes(yohanes))).toBe(true);
    expect((await rows(queue).allInnerTexts()).some((t) => t.includes(other))).toBe(false);
    await page.close();
  });

  it("keeps a ticket in the search results when a live change takes it out of the open queue, as the gateway still finds it", async () => {
    const code = await report("Hendra Kusuma", "Pemindai kode batang di loket lima mati.");
    const page = await browser.newPage({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
    const queue = await openQueue(page);
    const box = queue.getByRole("searchbox", { name: "Search tickets" });
    await box.fill("hendra");
    await box.press("Enter");
    await expect.poll(() => rows(queue).allInnerTexts()).toEqual([expect.stringContaining(code)]);
    // Cancelled elsewhere: the live queue drops it, the search (every status) keeps it in its new state.
    const { ticket } = await call<{ ticket: { id: string } }>(`query($id: ID!) { ticket(id: $id) { id } }`, { id: code }, demo.tokens["AGENT"]);
    await call(`mutation($id: ID!) { cancelTicket(id: $id, reason: "Dilaporkan dua kali") { id } }`, { id: ticket.id }, demo.tokens["AGENT"]);
    await rows(queue).filter({ hasText: code }).filter({ hasText: "Cancelled" }).waitFor();
    await queue.getByText(/^1 tickets? shown/).waitFor();
    await shoot(page, "sigap-agent-queue", "queue-search-live-removed");
    // Out of the search again, the open queue does not hold it.
    await box.press("Escape");
    await expect.poll(async () => (await rows(queue).allInnerTexts()).some((t) => t.includes(code))).toBe(false);
    await page.close();
  });
});
