/**
 * The widgets catch up with the approval chain's new fields (issue 12), in real Chromium: the
 * requester withdraws a request still waiting for approval from the tracker (a short reason, a
 * confirmation; "Keep it" backs out), and the status and the chain read Cancelled and Withdrawn
 * live, in both languages and themes; an ADMIN saves a step over a support group nobody is in
 * and sees the gateway's warning beside that step (after saving and when the service opens
 * again), and a request under such a step says in the tracker that it went to the site's
 * managers. Screenshots and axe on each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axe, deskAdminPage, demoCall, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let item: { id: string };

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  const [site] = await demo.gateway.services.sites.list();
  item = (await demo.gateway.services.catalog.services(site!.id)).find((s) => s.ticketType === "SERVICE_REQUEST")!;
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const admin = <T>(query: string, variables: Record<string, unknown> = {}) => demoCall<T>(demo, query, variables, demo.tokens["ADMIN"]);

/** Files a request under the demo's approval item and returns its receipt. */
async function fileRequest(description: string, serviceId = item.id): Promise<{ code: string; trackingToken: string }> {
  const { reportIncident } = await demoCall<{ reportIncident: { code: string; trackingToken: string } }>(
    demo,
    "mutation($s: ID!, $d: String!) { reportIncident(input: { reporterName: \"PT Klien\", reporterEmail: \"ops@klien.example\", description: $d, serviceId: $s }) { code trackingToken } }",
    { s: serviceId, d: description },
  );
  return reportIncident;
}

/** The demo portal's tracker on a receipt, in `lang` and `theme`. */
async function trackerPage(receipt: { code: string; trackingToken: string }, lang: string, theme: string): Promise<Page> {
  const context = await browser.newContext({ locale: lang === "id" ? "id-ID" : "en-GB", timezoneId: "Asia/Makassar" });
  const page = await context.newPage();
  await page.goto(`${demo.url}/demo/portal/track.html?code=${encodeURIComponent(receipt.code)}&token=${receipt.trackingToken}`);
  await page.evaluate(([l, t]) => {
    document.documentElement.lang = l!;
    document.querySelector("sigap-ticket-tracker")!.setAttribute("theme", t!);
  }, [lang, theme]);
  return page;
}

describe("<sigap-ticket-tracker> withdrawing a request", () => {
  it.each([
    { lang: "en", theme: "light", waiting: "Approval: Waiting for a decision", open: "Withdraw request", reason: "Why are you withdrawing it? (optional: the desk reads it)", keep: "Keep it", yes: "Yes, withdraw it", cancelled: "Cancelled", withdrawn: "Approval: Withdrawn", note: "Withdrawn by the reporter." },
    { lang: "id", theme: "dark", waiting: "Persetujuan: Menunggu keputusan", open: "Tarik permintaan", reason: "Mengapa Anda menariknya? (opsional: petugas akan membacanya)", keep: "Tidak jadi", yes: "Ya, tarik", cancelled: "Dibatalkan", withdrawn: "Persetujuan: Ditarik", note: "Ditarik kembali oleh pelapor." },
  ])("withdraws a pending request with a reason and a confirmation; the chain reads Withdrawn ($lang, $theme)", async (w) => {
    const receipt = await fileRequest(`Visit to rack B12 (${w.lang})`);
    const page = await trackerPage(receipt, w.lang, w.theme);
    const tracker = page.locator("sigap-ticket-tracker");
    const chain = tracker.locator('[part="approval"]');
    await chain.getByRole("heading", { name: w.waiting }).waitFor();
    const panel = tracker.locator('[part="withdrawal"]');
    await panel.getByRole("heading", { name: w.open }).waitFor();

    // "Keep it" backs out before anything is sent.
    await panel.getByRole("button", { name: w.open }).click();
    await panel.getByRole("button", { name: w.keep }).click();
    expect(await panel.getByLabel(w.reason).count()).toBe(0);

    await panel.getByRole("button", { name: w.open }).click();
    await panel.getByLabel(w.reason).fill("The visit was moved to next month");
    await panel.getByRole("button", { name: w.open }).click();
    const ask = panel.getByRole("alert");
    await ask.waitFor();
    expect(await ask.innerText()).toContain(receipt.code);
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);
    await shoot(page, "sigap-ticket-tracker", `tracker-withdraw-confirm-${w.lang}-${w.theme}`);
    await panel.getByRole("button", { name: w.yes }).click();

    await chain.getByRole("heading", { name: w.withdrawn }).waitFor();
    expect(await tracker.locator('[part~="status"]').innerText()).toBe(w.cancelled);
    await panel.waitFor({ state: "detached" });
    // The gateway's note in the reader's language, then the reporter's own words as they wrote them.
    const timeline = await tracker.locator('[part="timeline"]').innerText();
    expect(timeline).toContain(w.note);
    expect(timeline).toContain("The visit was moved to next month");
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);
    await shoot(page, "sigap-ticket-tracker", `tracker-withdrawn-${w.lang}-${w.theme}`);
    const back = await demoCall<{ trackTicket: { status: string; withdrawOpen: boolean; approval: { state: string } } }>(
      demo,
      "query($c: String!, $t: String) { trackTicket(code: $c, token: $t) { status withdrawOpen approval { state } } }",
      { c: receipt.code, t: receipt.trackingToken },
    );
    expect(back.trackTicket).toEqual({ status: "CANCELLED", withdrawOpen: false, approval: { state: "WITHDRAWN" } });
    await page.context().close();
  });
});

describe("<sigap-desk-admin> approval warnings", () => {
  it("shows the gateway's warning beside a step over an empty group, and the tracker says whom such a step went to", async () => {
    const { saveGroup: empty } = await admin<{ saveGroup: { id: string } }>('mutation { saveGroup(input: { level: 1, name: "Night approvers" }) { id } }');
    for (const theme of ["light", "dark"]) {
      const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
      const page = await deskAdminPage(context, demo, demo.tokens["ADMIN"]!, "en", theme, "approvals");
      const desk = page.locator("sigap-desk-admin");
      await desk.getByLabel("Service", { exact: true }).selectOption(item.id);
      const second = desk.getByRole("group", { name: "Step 2", exact: true });
      if (theme === "light") {
        // The demo item's one supervisor step, then a second over a group nobody is in: saved, with a warning on step 2.
        await desk.getByRole("group", { name: "Step 1", exact: true }).waitFor();
        await desk.getByRole("button", { name: "Add a step" }).click();
        await second.getByRole("radio", { name: "A support group" }).check();
        await second.getByRole("combobox", { name: "Group" }).selectOption(empty.id);
        await desk.getByRole("button", { name: "Save the steps" }).click();
        await desk.getByText("Approval steps saved, with a warning on the steps marked above.").waitFor();
      }
      // Read again when the service opens (the dark page): the warning is still beside step 2.
      const warning = second.locator('[part="field-warning"]');
      await warning.waitFor();
      expect(await warning.innerText()).toMatch(/Warning: Step 2 has no active member in its group today/);
      expect(await desk.getByRole("group", { name: "Step 1", exact: true }).locator('[part="field-warning"]').count()).toBe(0);
      expect(await desk.locator('[part="field-error"], [part="form-error"]').count()).toBe(0);
      const describedBy = (await second.getAttribute("aria-describedby")) ?? "";
      expect(describedBy.split(" ")).toContain(await warning.getAttribute("id"));
      expect(await axe(page, "sigap-desk-admin")).toEqual([]);
      await shoot(page, "sigap-desk-admin", `admin-approvals-warning-en-${theme}`);
      await context.close();
    }

    // A request whose only step is that group: the gateway asks the site's managers, and the tracker says so.
    const set = await admin<{ setServiceApproval: { warnings: Array<{ field: string }> } }>(
      "mutation($s: ID!, $g: ID!) { setServiceApproval(serviceId: $s, steps: [{ rule: ANY_OF, groupId: $g }]) { warnings { field } } }",
      { s: item.id, g: empty.id },
    );
    expect(set.setServiceApproval.warnings).toEqual([{ field: "steps.0" }]);
    const receipt = await fileRequest("Visit to rack C3, after hours");
    const page = await trackerPage(receipt, "en", "light");
    const step = page.locator("sigap-ticket-tracker").locator('[part="approval-step"]');
    await step.locator('[part="approval-fallback"]').waitFor();
    expect(await step.locator('[part="approval-fallback"]').innerText()).toBe("Sent to the site's managers: nobody in the step could decide.");
    expect(await axe(page, "sigap-ticket-tracker")).toEqual([]);
    await shoot(page, "sigap-ticket-tracker", "tracker-approval-fallback-en");
    await page.context().close();
  });
});
