/**
 * Browser tests drive Debian's Chromium through playwright-core against a real gateway on the
 * embedded database, serving the demo pages and the built widgets as a company would.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { loadConfig, seedDemo, startGateway, type Clock, type Gateway } from "@sigap/gateway";

const require = createRequire(import.meta.url);

/** Where screenshots go: artifacts of the run, ignored by git. */
export const ARTIFACTS = new URL("../test-results/screenshots/", import.meta.url).pathname;

/** A gateway in demo mode with the demo site seeded for its own origin. */
export interface DemoGateway {
  gateway: Gateway;
  url: string;
  tokens: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts the gateway in demo mode on a fresh SQLite file. A script fills a form faster than the
 * minimum fill time a person needs, so it is off unless `env` sets it (rate-limit.test.ts does).
 * `clock` fixes the gateway's time (business-hours.test.ts); by default the wall clock.
 */
export async function startDemoGateway(env: Record<string, string> = {}, clock?: Clock): Promise<DemoGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), "sigap-browser-"));
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    SIGAP_DATA_DIR: dataDir,
    SLA_SWEEP_MS: "0",
    SIGAP_DEMO: "1",
    LOG_LEVEL: process.env["SIGAP_TEST_LOG"] ?? "silent",
    DB_CONNECT_ATTEMPTS: "1",
    SIGAP_RATE_LIMITS: JSON.stringify({ formMinSeconds: 0 }),
    ...env,
  });
  const gateway = await startGateway({ config, ...(clock ? { clock } : {}) });
  const seed = await seedDemo(gateway.services, { origins: [gateway.url] });
  return {
    gateway,
    url: gateway.url,
    tokens: Object.fromEntries(seed.agents.map((a) => [a.role, a.token])),
    async close() {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium headless, as the machine allows. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** A WCAG 2.2 AA violation found by axe-core. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) on one element of the page, shadow DOM included; a
 * list of selectors names each shadow host down to an element inside them.
 */
export async function axe(page: Page, selector: string | string[]): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: a page under a
  // strict CSP (no inline script) is checked as it is, without bypassing its policy for the widgets.
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const w = globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
    const result = await w.axe.run({ include: [sel] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, selector);
}

/** Saves a screenshot of one element as a test artifact. */
export async function shoot(page: Page, selector: string, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator(selector).screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Calls the demo gateway's GraphQL with an agent's token, or with the demo site key; throws on any error. */
export async function demoCall<T>(demo: DemoGateway, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : { "x-sigap-site-key": "pk_demo_sigap" }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Reports an incident (urgency HIGH) on the demo site as a reporter would, and returns its code. */
export async function demoReport(demo: DemoGateway, name: string, description: string): Promise<string> {
  const { reportIncident } = await demoCall<{ reportIncident: { code: string } }>(
    demo,
    `mutation($n: String!, $d: String!) { reportIncident(input: { reporterName: $n, description: $d, urgency: HIGH }) { code } }`,
    { n: name, d: description },
  );
  return reportIncident.code;
}

/** The demo company's report page in a new tab, in `lang`, once its form is ready. */
export async function companyPage(browser: Browser, demo: DemoGateway, lang = "en"): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/demo/company/report.html`);
  await page.evaluate((l) => (document.documentElement.lang = l), lang);
  await page.getByRole("button", { name: /Send report|Kirim laporan/ }).waitFor();
  return page;
}

/** The bodies of the reports a page sends to the gateway, as they are sent. */
export function watchReports(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/graphql") && r.method() === "POST" && (r.postData() ?? "").includes("reportIncident")) sent.push(r.postData()!);
  });
  return sent;
}

/** A new page of `context` holding `<sigap-desk-admin>` signed in with `token`, in `lang` and `theme`, on `tab` when given. */
export async function deskAdminPage(context: BrowserContext, demo: DemoGateway, token: string, lang: string, theme: string, tab = ""): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${demo.url}/demo/index.html`);
  await page.evaluate(
    ([t, l, th, tb]) => {
      document.documentElement.lang = l!;
      document.body.innerHTML = `<sigap-desk-admin token="${t}" theme="${th}"${tb ? ` tab="${tb}"` : ""}></sigap-desk-admin>`;
      const script = document.createElement("script");
      script.type = "module";
      script.src = "/widgets/desk-admin.js";
      document.head.append(script);
    },
    [token, lang, theme, tab],
  );
  return page;
}
