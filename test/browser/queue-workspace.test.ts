/**
 * The agent queue's ticket view after the split (issue 11): conversation first with the composer at
 * its foot and the actions in one bar on top, each opening alone in a dialog that closes after saving with a confirmation,
 * actions exactly as the gateway allows them after an escalation, choices from the gateway's
 * directory, a list whose SLA column is never clipped at 1280 px, and filters folded on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { demoCall, type DemoGateway, demoReport, launchBrowser, shoot, startDemoGateway } from "./harness.js";

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

async function openQueue(page: Page): Promise<Locator> {
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate(() => (document.documentElement.lang = "en"));
  const queue = page.locator("sigap-agent-queue");
  await queue.getByText(/Signed in as Dewi Lestari/).waitFor();
  return queue;
}

/** Opens an action of the bar (a dialog) or the composer (a disclosure), fills it with `fill`, saves with `button`, and checks the form closed with a confirmation. */
async function act(queue: Locator, name: string, button: string, fill: (form: Locator) => Promise<unknown> = async () => {}): Promise<void> {
  const composer = queue.locator("sigap-ticket-composer [part=action]").filter({ has: queue.page().getByText(name, { exact: true }) });
  if (await composer.count()) {
    await composer.locator("summary").click();
    const form = composer.locator("form");
    await fill(form);
    await form.getByRole("button", { name: button, exact: true }).click();
    await queue.getByText(`${name}: saved.`).waitFor();
    await expect.poll(() => composer.evaluateAll((all) => all.some((d) => (d as HTMLDetailsElement).open))).toBe(false);
    return;
  }
  await queue.locator("sigap-ticket-actions").getByRole("button", { name, exact: true }).click();
  const dialog = queue.locator("sigap-ticket-actions dialog[open]");
  await dialog.getByRole("heading", { name }).waitFor();
  await fill(dialog.locator("form"));
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await queue.getByText(`${name}: saved.`).waitFor();
  // Closed: one action at a time, and none left open after saving.
  await expect.poll(() => dialog.count()).toBe(0);
}

describe("<sigap-agent-queue> ticket view", () => {
  it("walks one ticket through classify, assign, escalate, reply, note and resolve in a page under 1,600 px at 1280×800; screenshots saved", async () => {
    const code = await report("Ratna Sari", "The Ipos counter printer jams on every receipt since this morning.");
    const page = await desk.newPage();
    const queue = await openQueue(page);
    await queue.locator('[part="row"]').filter({ hasText: code }).click();
    const view = queue.locator('[part="detail"]');
    await view.getByText(`Ticket ${code}`).waitFor();

    // The actions sit in one bar above the conversation; the composer sits below it.
    const bar = await queue.locator("sigap-ticket-actions").boundingBox();
    const thread = await queue.locator('[part="timeline"]').boundingBox();
    const composer = await queue.locator('[part="composer"]').boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(thread!.y);
    expect(composer!.y).toBeGreaterThanOrEqual(thread!.y + thread!.height);
    await expect.poll(() => queue.locator('[part="entry"]').first().innerText()).toContain("The Ipos counter printer jams");

    await act(queue, "Classify", "Save", (f) => f.getByLabel("Impact").selectOption("HIGH"));
    await act(queue, "Assign", "Assign to me");
    await act(queue, "Change status", "Save", (f) => f.getByLabel("New status").selectOption("IN_PROGRESS"));
    // Holding the ticket offers the gateway's pending reasons, with its labels.
    await queue.locator("sigap-ticket-actions").getByRole("button", { name: "Change status", exact: true }).click();
    const status = queue.locator("sigap-ticket-actions dialog[open]");
    await status.getByLabel("New status").selectOption("PENDING");
    expect(await status.getByLabel("Waiting on").locator("option").allInnerTexts()).toEqual(["Waiting for the reporter", "Waiting for approval", "Waiting for a third party"]);
    await page.keyboard.press("Escape");
    await expect.poll(() => status.count()).toBe(0);
    await act(queue, "Escalate", "Escalate", async (f) => {
      await f.getByLabel("Hierarchical: management").check();
      await f.getByLabel("Handling notes").fill("Printer vendor contract needs the supervisor's approval.");
    });
    // The management level is the gateway's label.
    await expect.poll(() => queue.locator('[part="facts"]').innerText()).toMatch(/Management informed\s+Supervisor/);

    // After the escalation the bar shows exactly what the gateway allows this agent now.
    const { ticket } = await call<{ ticket: { allowedActions: string[] } }>(`query($id: ID!) { ticket(id: $id) { allowedActions } }`, { id: code }, demo.tokens["AGENT"]);
    expect(ticket.allowedActions).toContain("RESOLVE");
    await expect.poll(() => queue.locator("sigap-ticket-actions [part=action]").allInnerTexts()).toContain("Resolve");

    await act(queue, "Reply to the reporter", "Reply to the reporter", (f) => f.getByLabel("Message").fill("A technician is on the way with a new roller."));
    await act(queue, "Internal note", "Internal note", (f) => f.getByLabel("Message").fill("Roller part no. 4471 from stock."));
    const note = queue.locator('[part~="entry-internal"]').filter({ hasText: "Roller part no. 4471" });
    await note.waitFor();
    expect(await note.innerText()).toContain("INTERNAL");
    await shoot(page, "sigap-agent-queue", "queue-workspace-conversation");

    await act(queue, "Resolve", "Resolve", async (f) => {
      await f.getByLabel(/^Resolution/).fill("Replaced the roller; receipts print again.");
      await f.getByLabel(/^Closure code/).selectOption("FIXED");
    });
    await expect.poll(() => view.locator('[part~="status"]').first().innerText()).toBe("Resolved");

    // The whole walk-through fits a page under 1,600 px, conversation included.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: "/tmp/qs/walkthrough-1280.png", fullPage: true });
    await shoot(page, "sigap-agent-queue", "queue-workspace-resolved");
    expect(height).toBeLessThan(1600);
    await page.close();
  }, 90_000);

  it("shows the SLA column whole at 1280 px with a ticket open; screenshot saved", async () => {
    await report("Joko Widodo", "E-Pod sync fails at the Klandasan branch.");
    const page = await desk.newPage();
    const queue = await openQueue(page);
    await queue.locator('[part="row"]').first().click();
    await queue.locator('[part="detail"]').waitFor();
    const list = queue.locator("sigap-queue-list");
    const clipped = await list.evaluate((el) => {
      const scroll = el.shadowRoot!.querySelector<HTMLElement>(".scroll")!;
      const right = scroll.getBoundingClientRect().right;
      const slas = [...el.shadowRoot!.querySelectorAll<HTMLElement>("td.c-sla")];
      return { overflow: scroll.scrollWidth - scroll.clientWidth, slas: slas.length, out: slas.filter((td) => td.getBoundingClientRect().right > right + 0.5).length };
    });
    expect(clipped).toMatchObject({ overflow: 0, out: 0 });
    expect(clipped.slas).toBeGreaterThan(0);
    await expect.poll(() => queue.locator('[part="countdown"]').first().isVisible()).toBe(true);
    await page.screenshot({ path: "/tmp/qs/sla-1280.png" });
    await shoot(page, "sigap-agent-queue", "queue-workspace-1280-open");
    await page.close();
  }, 60_000);

  it("folds the filters behind a button on a 390 px phone, so the queue shows on the first screen; screenshots saved", async () => {
    await report("Sri Mulyani", "Cannot print the daily report.");
    const phone = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    const queue = await openQueue(page);
    const row = queue.locator('[part="row"]').first();
    await row.waitFor();
    const toggle = queue.locator('[part="filters-toggle"]');
    expect(await toggle.isVisible()).toBe(true);
    expect(await queue.locator('[part="filters"]').isVisible()).toBe(false);
    const box = await row.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(844);
    await page.screenshot({ path: "/tmp/qs/phone-folded.png" });
    await shoot(page, "sigap-agent-queue", "queue-workspace-390-folded");
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await queue.locator('[part="filters"]').waitFor();
    await page.screenshot({ path: "/tmp/qs/phone-open.png" });
    await shoot(page, "sigap-agent-queue", "queue-workspace-390-filters");
    await phone.close();
  }, 60_000);

  it("works alone on a portal's page: the ticket view by code (followed live) and the composer; screenshot saved", async () => {
    const code = await report("Dedi Kurnia", "The queue number display at counter 2 is blank.");
    const token = demo.tokens["AGENT"]!;
    const page = await desk.newPage();
    await page.goto(`${demo.url}/demo/index.html`);
    await page.evaluate(
      ([t, c]) => {
        document.documentElement.lang = "en";
        document.body.innerHTML = `<sigap-ticket-view id="view" token="${t}" ticket-id="${c}"></sigap-ticket-view>
          <sigap-ticket-composer id="composer" token="${t}" ticket-id="${c}"></sigap-ticket-composer>`;
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        document.body.addEventListener("sigap-ticket-action", (e) => seen.push((e as CustomEvent<{ action: string }>).detail.action));
        for (const src of ["/widgets/ticket-view.js", "/widgets/ticket-composer.js"]) {
          const script = document.createElement("script");
          script.type = "module";
          script.src = src;
          document.head.append(script);
        }
      },
      [token, code],
    );
    const view = page.locator("#view");
    await view.getByText(`Ticket ${code}`).waitFor();
    await view.getByText("The queue number display at counter 2 is blank.").waitFor();
    // No Back button alone: going back is the host's (the queue's) to offer.
    expect(await view.getByRole("button", { name: "Back to the queue" }).count()).toBe(0);

    // The composer alone sends a reply; the page hears it, and the view follows it live.
    const composer = page.locator("#composer");
    await composer.locator("summary").filter({ hasText: "Reply to the reporter" }).click();
    await composer.getByRole("textbox", { name: "Message" }).fill("We are sending a technician to counter 2.");
    await composer.getByRole("button", { name: "Reply to the reporter" }).click();
    await composer.getByText("Reply to the reporter: saved.").waitFor();
    await view.locator('[part="entry"]').filter({ hasText: "We are sending a technician to counter 2." }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(["reply"]);
    await page.screenshot({ path: "/tmp/qs/standalone.png", fullPage: true });
    await shoot(page, "#view", "queue-workspace-ticket-view-alone");
    await page.close();
  }, 60_000);

  it("is handled from the keyboard: arrows move between rows, Enter opens the ticket, Escape goes back to the list", async () => {
    await report("Eko Prasetyo", "Scanner at counter 5 does not read barcodes.");
    await report("Fitri Handayani", "Scale at counter 6 shows the wrong weight.");
    const page = await desk.newPage();
    const queue = await openQueue(page);
    const rows = queue.locator('[part="row"]');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await rows.first().focus();
    await page.keyboard.press("ArrowDown");
    const second = (await rows.nth(1).innerText()).split(/\s/)[0]!;
    await page.keyboard.press("Enter");
    await queue.locator('[part="detail"]').getByText(`Ticket ${second}`).waitFor();
    // Focus moved to the ticket's title, so Escape closes the ticket and focus returns to its row.
    await page.keyboard.press("Escape");
    await expect.poll(() => queue.locator('[part="detail"]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.getAttribute("tabindex"))).toBe("0");
    await page.close();
  }, 60_000);
});
