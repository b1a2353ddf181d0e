/**
 * The agent queue from the keyboard alone (issue 11): one ticket from NEW to RESOLVED without the
 * mouse — found with Tab and j, opened with Enter, assigned with `a`, replied to with `r`, moved
 * with `s` and resolved with `d` and a closure code — each action in a dialog that Escape closes
 * with focus back on its button; shortcuts never fire while typing; and the `?` help overlay in
 * both languages. Shortcuts also work with nothing focused on the page (after a click beside the
 * queue), never from the page's own fields. Screenshots saved for each step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, axe, demoCall, type DemoGateway, demoReport, launchBrowser, shoot, startDemoGateway } from "./harness.js";

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

async function openQueue(page: Page, lang = "en"): Promise<Locator> {
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate((l) => (document.documentElement.lang = l), lang);
  const queue = page.locator("sigap-agent-queue");
  await queue.getByText(lang === "en" ? /Signed in as Dewi Lestari/ : /Masuk sebagai Dewi Lestari/).waitFor();
  await queue.locator('[part="row"]').first().waitFor();
  return queue;
}

/** The focused element, through every shadow root: its tag, text, name and row id. */
function focused(page: Page): Promise<{ tag: string; text: string; name: string | null; row: string | null } | null> {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? { tag: a.tagName, text: (a.textContent ?? "").trim().slice(0, 120), name: a.getAttribute("name"), row: a.getAttribute("data-id") } : null;
  });
}

/** The value of the focused text field, through every shadow root. */
function focusedValue(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : null;
  });
}

/** Presses Tab until `match` holds for the focused element (at most `max` times). */
async function tabUntil(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (match(await focused(page))) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`);
}

/** Saves the whole viewport (a dialog sits in the top layer, outside the element's box). */
async function shootPage(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

const openDialog = (queue: Locator): Locator => queue.locator("sigap-ticket-actions dialog[open]");

describe("<sigap-agent-queue> from the keyboard", () => {
  it("handles one ticket from NEW to RESOLVED without the mouse: Tab, j, Enter, a, r, s, d; screenshots saved", async () => {
    const code = await report("Wulan Sari", "The parcel scale at counter 3 restarts every few minutes.");
    await report("Agus Salim", "Counter 4's receipt printer prints blank lines.");
    const page = await desk.newPage();
    const queue = await openQueue(page);
    const view = queue.locator('[part="detail"]');

    // Into the list with Tab, then j down to the ticket; Enter opens it.
    await tabUntil(page, (f) => f?.tag === "TR");
    for (let i = 0; i < 60 && !(await focused(page))?.text.includes(code); i++) await page.keyboard.press("j");
    expect((await focused(page))?.text).toContain(code);
    await page.keyboard.press("Enter");
    await view.getByText(`Ticket ${code}`).waitFor();
    await expect.poll(async () => (await focused(page))?.tag).toBe("H2");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shoot(page, "sigap-agent-queue", "queue-keyboard-1-opened");

    // c opens Classify in a dialog with focus inside; Escape closes only the dialog, and focus is back on its button.
    await page.keyboard.press("c");
    await openDialog(queue).getByRole("heading", { name: "Classify" }).waitFor();
    expect((await focused(page))?.tag).toBe("SELECT");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shootPage(page, "queue-keyboard-2-classify-dialog");
    await page.keyboard.press("Escape");
    await expect.poll(() => openDialog(queue).count()).toBe(0);
    expect(await view.count()).toBe(1);
    await expect.poll(async () => (await focused(page))?.text).toBe("Classify");

    // a: assigned to me at once; the bar says so.
    await page.keyboard.press("a");
    await queue.getByText("Assign: saved.").waitFor();
    await expect.poll(() => openDialog(queue).count()).toBe(0);
    const { ticket: assigned } = await call<{ ticket: { status: string; assigneeId: string; allowedActions: string[] } }>(
      `query($id: ID!) { ticket(id: $id) { status assigneeId allowedActions } }`,
      { id: code },
      demo.tokens["AGENT"],
    );
    const { me } = await call<{ me: { id: string } }>(`{ me { id } }`, {}, demo.tokens["AGENT"]);
    expect(assigned).toMatchObject({ status: "ASSIGNED", assigneeId: me.id });

    // r: the cursor is in the reply; letters typed there are text, not shortcuts.
    await page.keyboard.press("r");
    await expect.poll(async () => (await focused(page))?.name).toBe("body");
    await page.keyboard.type("Jaringan sudah normal: a technician reset the scale.");
    expect(await openDialog(queue).count()).toBe(0);
    // Escape in the reply leaves the field with the draft kept, the ticket still open; r goes back to it.
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await focused(page))?.name).not.toBe("body");
    expect(await view.count()).toBe(1);
    await page.keyboard.press("r");
    await expect.poll(async () => (await focused(page))?.name).toBe("body");
    expect(await focusedValue(page)).toBe("Jaringan sudah normal: a technician reset the scale.");
    await tabUntil(page, (f) => f?.tag === "BUTTON" && f.text === "Reply to the reporter", 5);
    await page.keyboard.press("Enter");
    await queue.getByText("Reply to the reporter: saved.").waitFor();
    // One confirmation at a time: the bar's earlier line is gone.
    await expect.poll(() => queue.getByText("Assign: saved.").count()).toBe(0);
    await view.locator('[part="entry"]').filter({ hasText: "a technician reset the scale" }).waitFor();
    await shoot(page, "sigap-agent-queue", "queue-keyboard-3-replied");

    // s: change status to In progress (the gateway's only move here), saved from the keyboard.
    // Focus is back on the composer's reply (not a field), so the next shortcut works at once.
    expect((await focused(page))?.tag).toBe("SUMMARY");
    await page.keyboard.press("s");
    const status = openDialog(queue);
    await status.getByRole("heading", { name: "Change status" }).waitFor();
    expect(await status.getByLabel("New status").inputValue()).toBe("IN_PROGRESS");
    await tabUntil(page, (f) => f?.tag === "BUTTON" && f.text === "Save", 6);
    await page.keyboard.press("Enter");
    await queue.getByText("Change status: saved.").waitFor();
    await expect.poll(() => view.locator('[part~="status"]').first().innerText()).toBe("In progress");

    // d: resolve with a resolution and a closure code from the gateway's list, chosen with the arrow keys.
    await page.keyboard.press("d");
    const resolve = openDialog(queue);
    await resolve.getByRole("heading", { name: "Resolve" }).waitFor();
    await expect.poll(async () => (await focused(page))?.name).toBe("resolution");
    await page.keyboard.type("Scale firmware reset; weighs correctly again.");
    await page.keyboard.press("Tab");
    expect((await focused(page))?.name).toBe("closureCode");
    const closure = resolve.getByLabel(/^Closure code/);
    for (let i = 0; i < 10 && (await closure.inputValue()) !== "FIXED"; i++) await page.keyboard.press("ArrowDown");
    expect(await closure.inputValue()).toBe("FIXED");
    await shootPage(page, "queue-keyboard-4-resolve-dialog");
    await tabUntil(page, (f) => f?.tag === "BUTTON" && f.text === "Resolve", 6);
    await page.keyboard.press("Enter");
    await queue.getByText("Resolve: saved.").waitFor();
    await expect.poll(() => view.locator('[part~="status"]').first().innerText()).toBe("Resolved");
    const { ticket } = await call<{ ticket: { status: string; closureCode: string } }>(`query($id: ID!) { ticket(id: $id) { status closureCode } }`, { id: code }, demo.tokens["AGENT"]);
    expect(ticket).toEqual({ status: "RESOLVED", closureCode: "FIXED" });
    // Resolve no longer applies: its shortcut does nothing now.
    await page.keyboard.press("d");
    expect(await openDialog(queue).count()).toBe(0);
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shoot(page, "sigap-agent-queue", "queue-keyboard-5-resolved");

    // Escape goes back to the list, with focus on the ticket's row.
    await page.keyboard.press("Escape");
    await expect.poll(() => view.count()).toBe(0);
    await expect.poll(async () => (await focused(page))?.tag).toBe("TR");
    await page.close();
  }, 120_000);

  it("takes shortcuts with nothing focused on the page (after a click beside the queue), never from the page's own fields", async () => {
    const first = await report("Rina Wati", "The franking machine at counter 2 jams on every envelope.");
    // A second ticket, so the one opened has a neighbour.
    await report("Yusuf Hamdani", "Counter 5's card reader declines every card.");
    const page = await desk.newPage();
    const queue = await openQueue(page);
    const view = queue.locator('[part="detail"]');
    await queue.locator('[part="row"]').filter({ hasText: first }).click();
    await view.getByText(`Ticket ${first}`).waitFor();

    // A click on the page's heading leaves focus on nothing: r still starts a reply.
    await page.locator("h1").click();
    expect(await focused(page)).toMatchObject({ tag: "BODY" });
    await page.keyboard.press("r");
    await expect.poll(async () => (await focused(page))?.name).toBe("body");
    await page.keyboard.press("Escape");

    // From nowhere again, j and k open the neighbouring ticket in its place, and ? opens the help.
    await page.locator("h1").click();
    const codes = (await queue.locator('[part="row"]').allInnerTexts()).map((t) => /\S+\.\d{8}\.\d{3,}/.exec(t)?.[0] ?? "");
    const at = codes.indexOf(first);
    const [key, neighbour] = at + 1 < codes.length ? ["j", codes[at + 1]] : ["k", codes[at - 1]];
    await page.keyboard.press(key!);
    await view.getByText(`Ticket ${neighbour}`).waitFor();

    // Letters typed into the page's own field are text: c opens no dialog there.
    await page.evaluate(() => {
      const field = document.createElement("input");
      field.id = "page-field";
      field.setAttribute("aria-label", "Page note");
      document.body.prepend(field);
    });
    await page.locator("#page-field").click();
    await page.keyboard.type("cs");
    expect(await page.locator("#page-field").inputValue()).toBe("cs");
    // The help opens from nowhere after those keys (each key's shortcut runs in turn): none of them opened an action.
    await page.locator("h1").click();
    await page.keyboard.press("?");
    await queue.locator("sigap-shortcuts-help dialog[open]").waitFor();
    expect(await openDialog(queue).count()).toBe(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => queue.locator("sigap-shortcuts-help dialog[open]").count()).toBe(0);
    await shoot(page, "sigap-agent-queue", "queue-keyboard-from-page");
    await page.close();
  }, 60_000);

  it.each([
    ["en", "Keyboard shortcuts", "Reply to the reporter", "Close"],
    ["id", "Pintasan papan ketik", "Balas pelapor", "Tutup"],
  ])("opens the help overlay with ? in %s, lists the shortcuts, and Escape returns focus; screenshot saved", async (lang, title, reply, close) => {
    const page = await desk.newPage();
    const queue = await openQueue(page, lang);
    await tabUntil(page, (f) => f?.tag === "TR");
    const row = (await focused(page))?.row;
    await page.keyboard.press("?");
    const help = queue.locator("sigap-shortcuts-help dialog[open]");
    await help.getByRole("heading", { name: title }).waitFor();
    expect(await help.getByText(reply, { exact: true }).count()).toBe(1);
    expect(await help.locator("kbd").allInnerTexts()).toEqual(expect.arrayContaining(["j", "k", "r", "n", "a", "c", "s", "e", "d", "?", "Escape", "Enter"]));
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shoot(page, "sigap-shortcuts-help dialog", `queue-keyboard-help-${lang}`);
    // Keys inside the help are not shortcuts; Escape closes it and focus is back on the row.
    await page.keyboard.press("j");
    await page.keyboard.press("Escape");
    await expect.poll(() => help.count()).toBe(0);
    await expect.poll(async () => (await focused(page))?.row).toBe(row);
    // The help's Close button works as well.
    await page.keyboard.press("?");
    await help.getByRole("button", { name: close }).waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => help.count()).toBe(0);
    await page.close();
  }, 60_000);
});
