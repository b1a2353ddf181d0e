import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { axe, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let customer: BrowserContext;
let desk: BrowserContext;
beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  customer = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar" });
  desk = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar" });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** Opens one of the queue's action forms and returns it. */
/** Opens an action: the bar's in its dialog, the composer's reply or note in place; returns its form. */
async function action(queue: Locator, name: string): Promise<Locator> {
  const details = queue.locator("sigap-ticket-composer [part=action]").filter({ has: queue.page().getByText(name, { exact: true }) });
  if (await details.count()) {
    await details.locator("summary").click();
    return details.locator("form");
  }
  await queue.locator("sigap-ticket-actions").getByRole("button", { name, exact: true }).click();
  const dialog = queue.locator("sigap-ticket-actions dialog[open]");
  await dialog.getByRole("heading", { name }).waitFor();
  return dialog.locator("form");
}

async function english(page: Page): Promise<void> {
  await page.evaluate(() => (document.documentElement.lang = "en"));
}

describe("a customer and the service desk, each in their own browser", () => {
  it("report → pick up → reply → resolve, seen live by the customer, then rated; the queue follows", async () => {
    // The desk has its queue open before anything happens.
    const portal = await desk.newPage();
    await portal.goto(`${demo.url}/demo/internal/queue.html`);
    await english(portal);
    const queue = portal.locator("sigap-agent-queue");
    await queue.getByText(/Signed in as Dewi Lestari/).waitFor();
    await queue.getByText("No tickets match these filters.").waitFor();

    // The customer reports on the company's page.
    const site = await customer.newPage();
    await site.goto(`${demo.url}/demo/company/report.html`);
    await english(site);
    await site.getByLabel(/^Your name/).fill("Budi Santoso");
    await site.getByLabel(/^Phone number/).fill("0812 5555 0101");
    await site.getByLabel(/^Affected service/).selectOption({ label: "Ipos" });
    await site.getByLabel(/^What is wrong/).fill("Ipos cannot log in at counter 3 since 08:00.");
    await site.getByRole("button", { name: "Send report" }).click();
    await site.getByText("Report received", { exact: true }).waitFor();
    const code = (await site.locator('sigap-report-form [part="code"]').innerText()).replace(/\s/g, "");

    // The ticket appears in the desk's queue without a reload.
    const row = queue.locator('[part="row"]').filter({ hasText: code });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain("Budi Santoso");

    // The customer follows the tracking link.
    await site.getByRole("link", { name: "Follow your ticket" }).click();
    await site.waitForURL(/track\.html\?code=/);
    await english(site);
    const tracker = site.locator("sigap-ticket-tracker");
    const status = tracker.locator('[part~="status"]');
    await expect.poll(() => status.innerText()).toBe("New");
    await tracker.getByText("Live", { exact: false }).first().waitFor();

    // The agent picks it up: assign to me, start work, reply, resolve.
    await row.click();
    await queue.locator('[part="detail"]').getByText(code).first().waitFor();
    await (await action(queue, "Assign")).getByRole("button", { name: "Assign to me" }).click();
    await expect.poll(() => status.innerText()).toBe("Assigned");

    const change = await action(queue, "Change status");
    await change.getByLabel("New status").selectOption("IN_PROGRESS");
    await change.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => status.innerText()).toBe("In progress");

    const reply = await action(queue, "Reply to the reporter");
    await reply.getByLabel("Message").fill("We are restarting the Ipos server; please wait 10 minutes.");
    await reply.getByRole("button", { name: "Reply to the reporter" }).click();
    await tracker.getByText("We are restarting the Ipos server; please wait 10 minutes.").waitFor();

    const resolve = await action(queue, "Resolve");
    await resolve.getByLabel(/^Resolution/).fill("Restarted the Ipos service and cleared stale sessions.");
    // Closure codes are the gateway's list (deskDirectory.closureCodes), offered as a choice.
    await resolve.getByLabel(/^Closure code/).selectOption("FIXED");
    await resolve.getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => status.innerText()).toBe("Resolved");
    expect(site.url()).toContain("track.html"); // no reload happened on the customer's side
    // The reporter reads the closure code's label, never the code itself.
    await tracker.getByText("Closure code: Fixed").first().waitFor();
    expect(await tracker.getByText(/FIXED/).count()).toBe(0);

    // Resolved tickets leave the open queue.
    await expect.poll(() => row.count()).toBe(0);

    // The customer rates the help, with the keyboard.
    const stars = site.locator("sigap-feedback-stars");
    await stars.getByRole("radiogroup").first().waitFor();
    const groups = stars.getByRole("radiogroup");
    expect(await groups.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await groups.nth(i).getByRole("radio").first().focus();
      await site.keyboard.press("End");
      if (i === 1) await site.keyboard.press("ArrowLeft");
    }
    expect(await groups.nth(1).getByRole("radio", { name: "4 of 5 stars" }).getAttribute("aria-checked")).toBe("true");
    await stars.getByLabel(/^Suggestions/).fill("Fast, thank you.");
    await stars.getByRole("button", { name: "Send" }).click();
    await stars.locator('[part="thank-you"]').getByText("Thank you for your feedback.").waitFor();

    // The desk's open detail shows the rating without a reload.
    await queue.locator('[part="detail"]').getByText("Fast, thank you.").waitFor();

    // The report downloads as a PDF with the tracking token the page holds.
    const report = tracker.locator('[part="report-link"]');
    expect(await report.innerText()).toBe("Download report (PDF)");
    const pdf = await fetch((await report.getAttribute("href"))!);
    expect([pdf.status, pdf.headers.get("content-type")]).toEqual([200, "application/pdf"]);

    // The closure check: the customer says it is not fixed, in their words; the ticket is back in progress, live on both sides.
    const check = tracker.locator('[part="confirmation"]');
    await check.getByRole("heading", { name: "Is the problem solved?" }).waitFor();
    await check.getByRole("button", { name: "No, it is not fixed" }).click();
    await check.getByRole("button", { name: "Reopen the ticket" }).click();
    await check.getByText("Tell us what is still not working.").waitFor();
    await check.getByLabel("What is still not working?").fill("Counter 3 still cannot log in after the restart.");
    await check.getByRole("button", { name: "Reopen the ticket" }).click();
    await expect.poll(() => status.innerText()).toBe("In progress");
    await tracker.getByText("Counter 3 still cannot log in after the restart.").waitFor();
    expect(await check.count()).toBe(0);
    await expect.poll(() => row.count()).toBe(1);
  });
});

/** Calls the gateway as the demo's service desk agent. */
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

describe("accessibility and looks", () => {
  it("has no axe-core violations in the tracker, the stars and the queue, in light and dark; screenshots saved", async () => {
    // A ticket the reporter can see and rate.
    const res = await fetch(`${demo.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
      body: JSON.stringify({ query: `mutation { reportIncident(input: { reporterName: "Sri", description: "Printer offline", urgency: HIGH }) { code trackingToken } }` }),
    });
    const { code, trackingToken } = ((await res.json()) as { data: { reportIncident: { code: string; trackingToken: string } } }).data.reportIncident;
    // …and one still open, for the queue.
    await fetch(`${demo.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
      body: JSON.stringify({ query: `mutation { reportIncident(input: { reporterName: "Agus", description: "E-Pod sync fails", urgency: MEDIUM, impact: HIGH }) { code } }` }),
    });
    const { ticket } = await deskCall<{ ticket: { id: string } }>(`query($id: ID!) { ticket(id: $id) { id } }`, { id: code });
    for (const input of [{ status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "Replaced the toner", closureCode: "FIXED" }]) {
      await deskCall(`mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { id } }`, { id: ticket.id, input });
    }
    for (const theme of ["light", "dark"] as const) {
      for (const lang of ["en", "id"] as const) {
        const track = await customer.newPage();
        await track.goto(`${demo.url}/demo/portal/track.html?code=${code}&token=${trackingToken}`);
        await track.evaluate(([l, t]) => {
          document.documentElement.lang = l!;
          for (const el of document.querySelectorAll("sigap-ticket-tracker, sigap-feedback-stars")) el.setAttribute("theme", t!);
        }, [lang, theme]);
        await track.locator('sigap-ticket-tracker [part~="status"]').waitFor();
        await track.locator("sigap-feedback-stars").getByRole("radiogroup").first().waitFor();
        await track.locator('sigap-ticket-tracker [part="confirmation"]').waitFor();
        expect(await axe(track, "sigap-ticket-tracker")).toEqual([]);
        expect(await axe(track, "sigap-feedback-stars")).toEqual([]);
        await shoot(track, "sigap-ticket-tracker", `ticket-tracker-${theme}-${lang}`);
        await shoot(track, "sigap-feedback-stars", `feedback-stars-${theme}-${lang}`);
        await track.close();

        const portal = await desk.newPage();
        await portal.goto(`${demo.url}/demo/internal/queue.html`);
        await portal.evaluate(([l, t]) => {
          document.documentElement.lang = l!;
          document.querySelector("sigap-agent-queue")!.setAttribute("theme", t!);
        }, [lang, theme]);
        const queue = portal.locator("sigap-agent-queue");
        await queue.locator('[part="row"]').first().click();
        await queue.locator('[part="detail"]').waitFor();
        expect(await axe(portal, "sigap-agent-queue")).toEqual([]);
        await shoot(portal, "sigap-agent-queue", `agent-queue-${theme}-${lang}`);
        await portal.close();
      }
    }
  }, 120_000);
});
