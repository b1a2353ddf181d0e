/**
 * `<sigap-desk-admin>`'s request administration in Chromium (issue 12): an ADMIN makes a
 * catalogue service a service request with a one-step supervisor approval, adds a routing rule and
 * changes the assignment settings, gives service requests SLA targets of their own and sends them
 * back to the incident targets; the gateway reads each change back over GraphQL, and its refusals
 * show beside the field they name. A SUPERVISOR is not offered these tabs. Both themes, both languages,
 * desktop and phone widths, axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator } from "playwright-core";
import { axe, deskAdminPage, demoCall, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const admin = <T>(query: string, variables: Record<string, unknown> = {}) => demoCall<T>(demo, query, variables, demo.tokens["ADMIN"]);

interface Target {
  priority: string;
  responseMinutes: number;
  resolutionMinutes: number;
}

/** The error text an input's aria-describedby points at last. */
async function errorOf(root: Locator, input: Locator): Promise<string> {
  await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
  const id = (await input.getAttribute("aria-describedby"))!.split(" ").at(-1)!;
  return root.locator(`[id="${id}"]`).innerText();
}

describe("<sigap-desk-admin> request administration", () => {
  it("sets a service request with a supervisor approval, a routing rule and its own SLA, and the gateway reads them back", async () => {
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const page = await deskAdminPage(context, demo, demo.tokens["ADMIN"]!, "en", "light", "catalog");
    const desk = page.locator("sigap-desk-admin");

    // Catalogue: Wahana opens service requests from now on.
    await desk.getByRole("button", { name: "Edit Wahana" }).click();
    await desk.getByLabel("Ticket type").selectOption("SERVICE_REQUEST");
    await desk.getByRole("button", { name: "Save", exact: true }).click();
    await desk.getByRole("button", { name: "Edit Wahana" }).locator("xpath=ancestor::li").getByText("Service request").waitFor();

    // Approvals: a step over every AGENT is the gateway's refusal, shown beside the role; a supervisor is fine.
    await desk.getByRole("tab", { name: "Approvals" }).click();
    const service = desk.getByLabel("Service", { exact: true });
    await service.selectOption({ label: "Wahana" });
    await desk.getByText("Opens: Service request").waitFor();
    await desk.getByText("No steps: requests under this service need no approval.").waitFor();
    await desk.getByRole("button", { name: "Add a step" }).click();
    const step = desk.getByRole("group", { name: "Step 1", exact: true });
    const role = step.getByRole("combobox", { name: "Role" });
    await role.selectOption("AGENT");
    await desk.getByRole("button", { name: "Save the steps" }).click();
    expect(await errorOf(desk, role)).toMatch(/not to every AGENT/);
    await shoot(page, "sigap-desk-admin", "admin-requests-approval-error-en");
    await role.selectOption("SUPERVISOR");
    await desk.getByRole("button", { name: "Save the steps" }).click();
    await desk.getByText("Approval steps saved.").waitFor();
    expect(await role.getAttribute("aria-invalid")).toBe("false");
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "admin-requests-approvals-en-light");

    // Routing: a rule without a group is refused beside its group; then it is saved, after the demo's repair rule.
    await desk.getByRole("tab", { name: "Routing" }).click();
    await desk.getByRole("button", { name: "Add a rule" }).click();
    const rule = desk.getByRole("group", { name: "Rule 2" });
    await rule.getByLabel("Region (kecamatan or branch)").fill("Balikpapan Utara");
    await rule.getByLabel("Skill").fill("Jaringan");
    await desk.getByRole("button", { name: "Save the rules" }).click();
    const group = rule.getByLabel("Technician group");
    expect(await errorOf(desk, group)).toMatch(/groupId is required/);
    await group.selectOption({ label: "Network & Server Specialists" });
    await desk.getByRole("button", { name: "Save the rules" }).click();
    await desk.getByText("Routing rules saved.").waitFor();
    await desk.getByLabel("The technician with the fewest open tickets (least-loaded)").check();
    await desk.getByLabel("Route incidents too, not only work orders").check();
    await desk.getByLabel("Continue without the extra work").check();
    await desk.getByRole("button", { name: "Save the assignment settings" }).click();
    await desk.getByText("Assignment settings saved.").waitFor();
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "admin-requests-routing-en-light");

    // SLA: service requests follow the incident targets until given their own (here twice as long).
    const incident = (await admin<{ siteSettings: { slaPolicy: Target[] } }>(`{ siteSettings { slaPolicy(ticketType: INCIDENT) { priority responseMinutes resolutionMinutes } } }`)).siteSettings.slaPolicy;
    await desk.getByRole("tab", { name: "SLA" }).click();
    await desk.getByRole("radio", { name: "Service request" }).check();
    await desk.getByText("Service request tickets have no targets of their own: they follow the incident targets shown.").waitFor();
    const p1 = desk.getByLabel("P1 Critical: Response (minutes)");
    expect(await p1.getAttribute("readonly")).not.toBeNull();
    await desk.getByRole("button", { name: "Use own targets" }).click();
    for (const t of incident) {
      const name = (await desk.getByRole("rowheader", { name: new RegExp(`^${t.priority} `) }).innerText()).trim();
      await desk.getByLabel(`${name}: Response (minutes)`).fill(String(t.responseMinutes * 2));
      await desk.getByLabel(`${name}: Resolution (minutes)`).fill(String(t.resolutionMinutes * 2));
    }
    await desk.getByRole("button", { name: "Save the targets" }).click();
    await desk.getByText("Service request tickets have targets of their own.").waitFor();
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "admin-requests-sla-en-light");

    const back = await admin<{
      catalogAdmin: { services: Array<{ id: string; names: Array<{ name: string }>; ticketType: string }> };
      routingRules: Array<{ region: string | null; skill: string | null; groupId: string; serviceId: string | null }>;
      dispatchSettings: { assignment: string; routeIncidents: boolean; declinedCost: string };
      siteSettings: { slaPolicyTypes: string[]; slaPolicy: Target[] };
    }>(`{ catalogAdmin { services { id names { name } ticketType } groups { id name } }
      routingRules { region skill groupId serviceId } dispatchSettings { assignment routeIncidents declinedCost }
      siteSettings { slaPolicyTypes slaPolicy(ticketType: SERVICE_REQUEST) { priority responseMinutes resolutionMinutes } } }`);
    const wahana = back.catalogAdmin.services.find((s) => s.names[0]!.name === "Wahana")!;
    expect(wahana.ticketType).toBe("SERVICE_REQUEST");
    const { serviceApproval } = await admin<{ serviceApproval: unknown }>(`query($id: ID!) { serviceApproval(serviceId: $id) { steps { rule role groupId agentIds } } }`, { id: wahana.id });
    expect(serviceApproval).toEqual({ steps: [{ rule: "ANY_OF", role: "SUPERVISOR", groupId: null, agentIds: [] }] });
    expect(back.routingRules).toHaveLength(2);
    expect(back.routingRules[1]).toMatchObject({ region: "Balikpapan Utara", skill: "Jaringan", serviceId: null });
    expect(back.dispatchSettings).toEqual({ assignment: "LEAST_LOADED", routeIncidents: true, declinedCost: "CONTINUE_WITHOUT" });
    expect(back.siteSettings.slaPolicyTypes).toEqual(["SERVICE_REQUEST"]);
    expect(back.siteSettings.slaPolicy).toEqual(incident.map((t) => ({ ...t, responseMinutes: t.responseMinutes * 2, resolutionMinutes: t.resolutionMinutes * 2 })));

    // And back: service requests follow the incident targets again.
    await desk.getByRole("button", { name: "Back to incident targets" }).click();
    await desk.getByRole("status").getByText("Service request tickets follow the incident targets again.").waitFor();
    await desk.getByText("Service request tickets have no targets of their own: they follow the incident targets shown.").waitFor();
    expect((await admin<{ siteSettings: { slaPolicyTypes: string[] } }>(`{ siteSettings { slaPolicyTypes } }`)).siteSettings.slaPolicyTypes).toEqual([]);
    await context.close();
  }, 120_000);

  it("shows the request tabs in Indonesian on the dark theme, keyboard first", async () => {
    context = await browser.newContext({ locale: "id-ID", viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    const page = await deskAdminPage(context, demo, demo.tokens["ADMIN"]!, "id", "dark", "approvals");
    const desk = page.locator("sigap-desk-admin");
    await desk.getByRole("heading", { name: /Langkah persetujuan/ }).waitFor();
    // Arrow keys move along the tabs: Persetujuan → Perutean.
    await desk.getByRole("tab", { name: "Persetujuan" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await desk.getByRole("tab", { name: "Perutean" }).getAttribute("aria-selected")).toBe("true");
    await desk.getByRole("heading", { name: "Aturan perutean" }).waitFor();
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "admin-requests-routing-id-dark");
    await desk.getByRole("tab", { name: "Persetujuan" }).click();
    await desk.getByRole("heading", { name: /Langkah persetujuan/ }).waitFor();
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "admin-requests-approvals-id-dark");
    await desk.getByRole("tab", { name: "SLA" }).click();
    await desk.getByRole("radio", { name: "Perintah kerja" }).check();
    await desk.getByRole("button", { name: "Pakai target sendiri" }).waitFor();
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "admin-requests-sla-id-dark");
    await context.close();
  }, 90_000);

  it("fits the approval steps and routing rules on a phone (390 px), in English on the light theme", async () => {
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
    const page = await deskAdminPage(context, demo, demo.tokens["ADMIN"]!, "en", "light", "approvals");
    const desk = page.locator("sigap-desk-admin");
    await desk.getByLabel("Service", { exact: true }).selectOption({ label: "Wahana" });
    await desk.getByRole("group", { name: "Step 1", exact: true }).waitFor();
    await desk.getByRole("radio", { name: "Named agents" }).check();
    await desk.getByRole("checkbox", { name: /Rudi Hartono/ }).waitFor();
    // Nothing wider than the phone: the section scrolls down, never sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "admin-requests-approvals-en-light-390");
    await desk.getByRole("tab", { name: "Routing" }).click();
    await desk.getByRole("group", { name: "Rule 1" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axe(page, "sigap-desk-admin")).toEqual([]);
    await shoot(page, "sigap-desk-admin", "admin-requests-routing-en-light-390");
    await context.close();
  }, 60_000);

  it("does not offer a SUPERVISOR the request tabs, and the gateway refuses their reads", async () => {
    context = await browser.newContext({ locale: "en-GB" });
    const page = await deskAdminPage(context, demo, demo.tokens["SUPERVISOR"]!, "en", "light");
    const desk = page.locator("sigap-desk-admin");
    await desk.getByRole("tab", { name: "Replies" }).waitFor();
    for (const tab of ["Approvals", "Routing", "SLA", "Catalogue"]) expect(await desk.getByRole("tab", { name: tab }).count()).toBe(0);
    await expect(demoCall(demo, `{ routingRules { id } }`, {}, demo.tokens["SUPERVISOR"])).rejects.toThrow(/FORBIDDEN/);
    await context.close();
  }, 60_000);
});
