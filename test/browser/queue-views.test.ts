/**
 * The agent queue's views (issue 11): the views list with counts the gateway gives, counts that
 * follow a new report live, choosing a view, saving the current filters as a view, the choice
 * remembered on the gateway across a reload, a select on a phone, and no axe violations.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { axe, demoCall, type DemoGateway, demoReport, launchBrowser, shoot, startDemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let desk: BrowserContext;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  desk = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The demo gateway's GraphQL with an agent's token, or the demo site key. */
const call = <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => demoCall<T>(demo, query, variables, token);

/** Reports an incident on the demo site and returns its code. */
const report = (name: string, description: string): Promise<string> => demoReport(demo, name, description);

/** The gateway's own label (in `language`) and count of a built-in view for the demo agent. */
async function gatewayView(view: string, language = "en"): Promise<{ label: string; count: number }> {
  const { queueViews } = await call<{ queueViews: Array<{ view: string | null; label: string; count: number }> }>(
    `query($l: String) { queueViews(language: $l) { view label count } }`,
    { l: language },
    demo.tokens["AGENT"],
  );
  return queueViews.find((v) => v.view === view)!;
}

async function openQueue(page: Page): Promise<Locator> {
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate(() => (document.documentElement.lang = "en"));
  const queue = page.locator("sigap-agent-queue");
  await queue.getByText(/Signed in as Dewi Lestari/).waitFor();
  await queue.locator('[part~="views"]').waitFor();
  return queue;
}

/** A view's button, found by the label the gateway gave it and the count it shows. */
function viewButton(queue: Locator, label: string, count?: number): Locator {
  return queue.locator("sigap-queue-views").getByRole("button", { name: count === undefined ? new RegExp(`^${label} \\d+\\+? tickets$`) : `${label} ${count} tickets`, exact: true });
}

describe("<sigap-queue-views>", () => {
  let saved = "";

  it("shows the gateway's views with counts that change live when a ticket is reported, and filters the queue by the chosen one; screenshot saved", async () => {
    const page = await desk.newPage();
    const queue = await openQueue(page);
    const unassigned = await gatewayView("UNASSIGNED");
    await viewButton(queue, unassigned.label, unassigned.count).waitFor();
    const closed = await gatewayView("CLOSED");
    await viewButton(queue, closed.label, closed.count).waitFor();

    // A report arrives: the count follows about a second after the live event, without a reload.
    const code = await report("Wulan Sari", "The queue ticket printer at counter 3 shows a blank screen.");
    await viewButton(queue, unassigned.label, unassigned.count + 1).waitFor();
    expect((await gatewayView("UNASSIGNED")).count).toBe(unassigned.count + 1);

    await viewButton(queue, unassigned.label).click();
    await expect.poll(() => viewButton(queue, unassigned.label).getAttribute("aria-pressed")).toBe("true");
    await queue.locator('[part~="row"]').filter({ hasText: code }).waitFor();
    // The closed view has no open ticket: the new one leaves the list.
    await viewButton(queue, closed.label).click();
    await expect.poll(() => queue.locator('[part~="row"]').filter({ hasText: code }).count()).toBe(0);
    await expect.poll(() => queue.locator('[part~="row"]').count()).toBe(closed.count);
    await viewButton(queue, unassigned.label).click();
    await queue.locator('[part~="row"]').filter({ hasText: code }).waitFor();
    await shoot(page, "sigap-agent-queue", "queue-views-counts");
    await page.close();
  });

  it("saves the current filters as a view listed with its count, remembered on the gateway across a reload", async () => {
    // Chosen on another device: the page opens on it.
    await call(`mutation { setMyQueueView(view: "UNASSIGNED") }`, {}, demo.tokens["AGENT"]);
    const page = await desk.newPage();
    const queue = await openQueue(page);
    const unassigned = await gatewayView("UNASSIGNED");
    await expect.poll(() => viewButton(queue, unassigned.label).getAttribute("aria-pressed")).toBe("true");

    const views = queue.locator("sigap-queue-views");
    await views.getByRole("button", { name: "Save view", exact: true }).click();
    await views.getByRole("textbox", { name: "Name of the view" }).fill("Fresh unassigned");
    await views.getByRole("button", { name: "Save", exact: true }).click();
    await viewButton(queue, "Fresh unassigned", unassigned.count).waitFor();
    await expect.poll(() => viewButton(queue, "Fresh unassigned").getAttribute("aria-pressed")).toBe("true");
    const { savedQueueViews } = await call<{ savedQueueViews: Array<{ id: string; name: string; filter: { view: string } }> }>(
      `{ savedQueueViews { id name filter { view } } }`,
      {},
      demo.tokens["AGENT"],
    );
    expect(savedQueueViews.map((v) => [v.name, v.filter.view])).toEqual([["Fresh unassigned", "UNASSIGNED"]]);
    saved = savedQueueViews[0]!.id;

    // Saving the same name again is the gateway's CONFLICT, shown in the part.
    await views.getByRole("button", { name: "Save view", exact: true }).click();
    await views.getByRole("textbox", { name: "Name of the view" }).fill("fresh UNASSIGNED");
    await views.getByRole("button", { name: "Save", exact: true }).click();
    await views.locator('[part="error"]').waitFor();
    await views.getByRole("button", { name: "Cancel", exact: true }).click();

    await page.reload();
    await page.evaluate(() => (document.documentElement.lang = "en"));
    const again = page.locator("sigap-agent-queue");
    await expect.poll(() => viewButton(again, "Fresh unassigned").getAttribute("aria-pressed")).toBe("true");
    const { me } = await call<{ me: { queueView: string } }>(`{ me { queueView } }`, {}, demo.tokens["AGENT"]);
    expect(me.queueView).toBe(`saved:${saved}`);
    await shoot(page, "sigap-agent-queue", "queue-views-saved");

    const violations = await axe(page, "sigap-agent-queue");
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);

    // Deleting it goes back to the default queue.
    await again.locator("sigap-queue-views").getByRole("button", { name: "Delete view Fresh unassigned" }).click();
    await expect.poll(() => viewButton(again, "Fresh unassigned").count()).toBe(0);
    await page.close();
  }, 90_000);

  it("is one select on a phone, in both themes; screenshot saved", async () => {
    const phone = await browser.newContext({ locale: "id-ID", viewport: { width: 375, height: 740 }, colorScheme: "dark" });
    const page = await phone.newPage();
    await page.goto(`${demo.url}/demo/internal/queue.html`);
    const queue = page.locator("sigap-agent-queue");
    await queue.evaluate((q) => q.setAttribute("theme", "dark"));
    const select = queue.locator("sigap-queue-views").getByRole("combobox", { name: "Tampilan" });
    await select.waitFor();
    // No view chosen (the last test deleted its view): the select says so in words, not a dash.
    await expect.poll(() => select.locator("option:checked").innerText()).toBe("Tampilan: tidak ada (menurut filter)");
    const breached = await gatewayView("BREACHED", "id");
    await select.selectOption({ label: `${breached.label} (${breached.count})` });
    await expect.poll(() => queue.locator('[part~="row"]').count()).toBe(breached.count);
    const box = await queue.locator("sigap-queue-views").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    await shoot(page, "sigap-queue-views", "queue-views-phone-dark");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await phone.close();
  });
});
