/**
 * The agent queue from a 360 px phone to a 1920 px desk (issue 11): on a phone the list OR the open
 * ticket (with a Back button), an action in a full-screen dialog, a reply; and a sweep at 360, 768,
 * 1280 and 1920 px with a ticket open, in English and Indonesian, light and dark, in which nothing
 * overflows horizontally and axe finds nothing. Screenshots saved for each.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { ARTIFACTS, axe, launchBrowser, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let code = "";

/** Calls the gateway with the demo site key. */
async function report(name: string, description: string): Promise<string> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
    body: JSON.stringify({
      query: `mutation($n: String!, $d: String!) { reportIncident(input: { reporterName: $n, description: $d, urgency: HIGH }) { code } }`,
      variables: { n: name, d: description },
    }),
  });
  return ((await res.json()) as { data: { reportIncident: { code: string } } }).data.reportIncident.code;
}

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  code = await report("Bambang Hermawan Saputra", "Aplikasi loket di Kantor Pos Balikpapan Kota tidak bisa mencetak resi pengiriman kilat khusus sejak pagi.");
  await report("Siti Nurhaliza", "The queue display at counter 1 freezes.");
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function openQueue(page: Page, lang: string): Promise<Locator> {
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate((l) => (document.documentElement.lang = l), lang);
  const queue = page.locator("sigap-agent-queue");
  await queue.getByText(lang === "en" ? /Signed in as Dewi Lestari/ : /Masuk sebagai Dewi Lestari/).waitFor();
  await queue.locator('[part="row"]').first().waitFor();
  return queue;
}

/** Saves the viewport as a test artifact (dialogs sit in the top layer, outside any element's box). */
async function shootPage(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Every box of the queue that scrolls sideways (scrollWidth past clientWidth): the host, its
 * parts and their main containers, through the shadow roots. (The demo page around it is not
 * the widget's.)
 */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const check = (el: Element, name: string): void => {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${name}: ${el.scrollWidth} > ${el.clientWidth}`);
    };
    const host = document.querySelector("sigap-agent-queue")!;
    check(host, "sigap-agent-queue");
    const walk = (root: ShadowRoot, path: string): void => {
      for (const el of root.querySelectorAll<HTMLElement>("[part], .layout, .scroll, .body, .bar, .head, aside, table, form, dialog[open]")) {
        if (el.getClientRects().length) check(el, `${path} ${el.tagName.toLowerCase()}${el.getAttribute("part") ? `[part=${el.getAttribute("part")}]` : ""}.${el.className}`);
      }
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot && el.getClientRects().length) {
          check(el, `${path} ${el.tagName.toLowerCase()}`);
          walk(el.shadowRoot, `${path} ${el.tagName.toLowerCase()}`);
        }
      }
    };
    walk(host.shadowRoot!, "sigap-agent-queue");
    return out;
  });
}

describe("<sigap-agent-queue> on small and large screens", () => {
  it("walks through on a 375 px phone: list → ticket → back, an action dialog, a reply; screenshots saved", async () => {
    const phone = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    const queue = await openQueue(page, "en");
    const list = queue.locator("sigap-queue-list");
    await shootPage(page, "queue-small-375-1-list");
    await queue.locator('[part="row"]').filter({ hasText: code }).click();
    const view = queue.locator('[part="detail"]');
    await view.getByText(`Ticket ${code}`).waitFor();
    // The ticket takes the list's place (and the filters'); its Back button leads back.
    expect(await list.isVisible()).toBe(false);
    expect(await queue.locator('[part="filters-toggle"]').isVisible()).toBe(false);
    expect(await overflows(page)).toEqual([]);
    await shootPage(page, "queue-small-375-2-ticket");

    // An action opens as a dialog over the whole screen, alone.
    await queue.locator("sigap-ticket-actions").getByRole("button", { name: "Assign", exact: true }).click();
    const dialog = queue.locator("sigap-ticket-actions dialog[open]");
    await dialog.getByRole("heading", { name: "Assign" }).waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await overflows(page)).toEqual([]);
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shootPage(page, "queue-small-375-3-dialog");
    await dialog.getByRole("button", { name: "Assign to me" }).click();
    await queue.getByText("Assign: saved.").waitFor();
    await expect.poll(() => dialog.count()).toBe(0);

    // A reply from the composer; the bar's line gives way to the composer's.
    await queue.locator("sigap-ticket-composer summary").filter({ hasText: "Reply to the reporter" }).click();
    await queue.locator("sigap-ticket-composer").getByRole("textbox", { name: "Message" }).fill("Kami sedang memeriksa printer resi di loket Anda.");
    await queue.locator("sigap-ticket-composer").getByRole("button", { name: "Reply to the reporter" }).click();
    await queue.getByText("Reply to the reporter: saved.").waitFor();
    expect(await queue.getByText("Assign: saved.").count()).toBe(0);
    await view.locator('[part="entry"]').filter({ hasText: "Kami sedang memeriksa printer resi" }).waitFor();
    expect(await overflows(page)).toEqual([]);
    await shootPage(page, "queue-small-375-4-replied");

    await view.getByRole("button", { name: "Back to the queue" }).click();
    await expect.poll(() => view.count()).toBe(0);
    expect(await list.isVisible()).toBe(true);
    await shootPage(page, "queue-small-375-5-back");
    await phone.close();
  }, 90_000);

  it("overflows nowhere at 360, 768, 1280 and 1920 px with a ticket open, in both languages and both themes, and axe finds nothing; screenshots saved", async () => {
    const context = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    const violations: Record<string, unknown[]> = {};
    for (const lang of ["en", "id"]) {
      const queue = await openQueue(page, lang);
      for (const theme of ["light", "dark"]) {
        await queue.evaluate((el, t) => el.setAttribute("theme", t), theme);
        for (const width of [360, 768, 1280, 1920]) {
          await page.setViewportSize({ width, height: 900 });
          const view = queue.locator('[part="detail"]');
          if (!(await view.count())) {
            // The list alone first, at every width.
            const key = `${width}-${lang}-${theme}-list`;
            found[key] = await overflows(page);
            await queue.locator('[part="row"]').filter({ hasText: code }).click();
          }
          // The view's heading names the ticket (the report download names it too).
          await view.getByRole("heading", { name: new RegExp(code.replaceAll(".", "\\.")) }).waitFor();
          // The SLA countdown shows whole: in the list beside the ticket, or in the ticket's facts on a phone.
          await expect.poll(() => queue.locator('[part="countdown"]').evaluateAll((all) => all.filter((el) => el.getClientRects().length).length)).toBeGreaterThan(0);
          const key = `${width}-${lang}-${theme}`;
          found[key] = await overflows(page);
          const v = await axe(page, "sigap-agent-queue");
          if (v.length) violations[key] = v;
          await shootPage(page, `queue-small-sweep-${key}`);
          // Back to the list for the next width, so each width opens the ticket itself.
          await view.getByRole("button", { name: lang === "en" ? "Back to the queue" : /Kembali/ }).click();
          await expect.poll(() => view.count()).toBe(0);
        }
      }
    }
    expect(Object.entries(found).filter(([, o]) => o.length)).toEqual([]);
    expect(violations).toEqual({});
    expect(Object.keys(found)).toHaveLength(32);
    await context.close();
  }, 300_000);
});
