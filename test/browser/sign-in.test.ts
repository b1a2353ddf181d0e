/**
 * The agent queue signing its agent in by itself, in Chromium, on a page under a strict CSP:
 * with a password, and with the company identity provider (a real oidc-provider) in a popup
 * that posts a one-time code back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { startTestIdp, type TestIdp } from "../idp-kit.js";
import { axe, launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";
import { TEST_ACTOR } from "../harness.js";

let idp: TestIdp;
let demo: DemoGateway;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  idp = await startTestIdp();
  demo = await startDemoGateway({ OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: "sigap-desk", OIDC_NAME: "Pos SSO" });
  idp.register("sigap-desk", `${demo.url}/auth/oidc/callback`);
  const site = (await demo.gateway.services.sites.list()).find((s) => s.siteKey === "pk_demo_sigap")!;
  const dewi = (await demo.gateway.services.agents.list(site.id)).find((a) => a.email === "dewi@demo.sigap.local")!;
  await demo.gateway.services.signIn.setPassword(dewi, "nasi goreng kampung", TEST_ACTOR);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await idp?.close();
});

async function openQueue(hash = "") {
  context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${demo.url}/demo/internal/sign-in.html${hash}`);
  await page.evaluate(() => (document.documentElement.lang = "en"));
  return { page, queue: page.locator("sigap-agent-queue"), violations };
}

describe("<sigap-agent-queue> without a token", () => {
  it("signs in with e-mail and password, after a wrong one, and shows the queue", async () => {
    const { page, queue, violations } = await openQueue();
    await queue.getByRole("heading", { name: "Sign in to the service desk" }).waitFor();
    await shoot(page, "sigap-agent-queue", "agent-sign-in-en");
    await queue.getByLabel("E-mail").fill("dewi@demo.sigap.local");
    await queue.getByLabel("Password").fill("not my password");
    await queue.getByRole("button", { name: "Sign in", exact: true }).click();
    await queue.getByRole("alert").getByText("The e-mail address or the password is wrong.").waitFor();
    await queue.getByLabel("Password").fill("nasi goreng kampung");
    await queue.getByRole("button", { name: "Sign in", exact: true }).click();
    await queue.getByText(/Signed in as Dewi Lestari/).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("asks to sign in again when the agent is deactivated while the queue is live (the gateway closes its socket)", async () => {
    const site = (await demo.gateway.services.sites.list()).find((s) => s.siteKey === "pk_demo_sigap")!;
    const rudi = (await demo.gateway.services.agents.list(site.id)).find((a) => a.email === "rudi@demo.sigap.local")!;
    await demo.gateway.services.signIn.setPassword(rudi, "bakso malang pedas", TEST_ACTOR);
    const { queue } = await openQueue();
    await queue.getByLabel("E-mail").fill("rudi@demo.sigap.local");
    await queue.getByLabel("Password").fill("bakso malang pedas");
    await queue.getByRole("button", { name: "Sign in", exact: true }).click();
    await queue.locator('[part="indicator"]').getByText("Live").waitFor();
    await demo.gateway.services.agents.deactivate(rudi, TEST_ACTOR);
    await queue.getByRole("heading", { name: "Sign in to the service desk" }).waitFor();
    await context.close();
  });

  it("has no axe-core violations in the sign-in form, under the page's strict CSP", async () => {
    const { page, queue } = await openQueue();
    await queue.getByRole("button", { name: "Sign in with Pos SSO" }).waitFor();
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await context.close();
  });

  it("opens the password form from a mailed reset link, takes the secret out of the address, and signs in", async () => {
    const site = (await demo.gateway.services.sites.list()).find((s) => s.siteKey === "pk_demo_sigap")!;
    await demo.gateway.services.signIn.requestPasswordReset(site, "budi@demo.sigap.local");
    const [row] = await demo.gateway.services.ds.query("SELECT payload FROM outbox_message WHERE recipient = ? ORDER BY id DESC LIMIT 1", ["budi@demo.sigap.local"]);
    const link = new URL((JSON.parse((row as { payload: string }).payload) as { vars: { link: string } }).vars.link);
    expect(link.hash).toMatch(/^#sigap-password=/);
    const { page, queue, violations } = await openQueue(link.hash);
    await queue.getByRole("heading", { name: "Set your password" }).waitFor();
    expect(new URL(page.url()).hash).toBe("");
    await queue.getByLabel(/New password/).fill("sate ayam madura");
    await queue.getByRole("button", { name: "Set password and sign in" }).click();
    await queue.getByText(/Signed in as Budi Santoso/).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it("signs in with the company identity provider in a popup, under the page's strict CSP", async () => {
    const { page, queue, violations } = await openQueue();
    const [popup] = await Promise.all([page.waitForEvent("popup"), queue.getByRole("button", { name: "Sign in with Pos SSO" }).click()]);
    await popup.locator('input[name="login"]').fill("Dewi@demo.sigap.local");
    await popup.locator('input[name="password"]').fill("anything");
    await popup.getByRole("button", { name: "Sign-in" }).click();
    // The popup closes itself as soon as it has posted the code: wait for that before it can happen.
    const closed = popup.waitForEvent("close");
    await popup.getByRole("button", { name: "Continue" }).click();
    await closed;
    await queue.getByText(/Signed in as Dewi Lestari/).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
