/**
 * The report form takes its limits from the schema (issue 8) and carries the abuse controls of
 * issue 7: a live counter and a refusal past the limit, never a cut; "too short" for a too-short
 * phone number; a honeypot no person meets; the form token with every report. Needs the gateway
 * side of the contract (site.reportFields, site.formToken, ReportIncidentInput.website).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axe, companyPage as openCompanyPage, launchBrowser, startDemoGateway, watchReports, type DemoGateway } from "./harness.js";

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

const companyPage = (lang = "en"): Promise<Page> => openCompanyPage(browser, demo, lang);

interface Rule {
  field: string;
  minLength: number | null;
  maxLength: number | null;
}

/** The gateway's rule for one report field, as the form reads it. */
async function rule(field: string): Promise<Rule> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sigap-site-key": "pk_demo_sigap" },
    body: JSON.stringify({ query: "{ site { reportFields { field minLength maxLength } } }" }),
  });
  const { data } = (await res.json()) as { data: { site: { reportFields: Rule[] } } };
  return data.site.reportFields.find((r) => r.field === field)!;
}



describe("<sigap-report-form> and the gateway's field rules", () => {
  it("counts a long description as it is typed and refuses it past the limit, without cutting it", async () => {
    const { maxLength } = await rule("description");
    const max = maxLength!;
    const page = await companyPage();
    const sent = watchReports(page);
    await page.getByLabel(/^Your name/).fill("Budi Santoso");
    await page.getByLabel(/^Phone number/).fill("0812 5555 0101");
    const description = page.getByLabel(/^What is wrong/);
    await description.fill("Printer offline. ");
    const counter = page.locator('sigap-report-form [part="counter"]').first();
    await expect.poll(() => counter.innerText()).toBe(`17 of ${max} characters`);
    await description.fill("x".repeat(max + 10));
    await expect.poll(() => counter.innerText()).toBe(`${max + 10} of ${max} characters`);
    await page.getByText(`Too long: 10 characters over the limit of ${max}.`).waitFor();
    await page.getByRole("button", { name: "Send report" }).click();
    expect(await description.getAttribute("aria-invalid")).toBe("true");
    expect(await description.inputValue()).toHaveLength(max + 10);
    expect(sent).toEqual([]);
    await page.close();
  });

  it("tells a too-short phone number that it is too short, not that it has wrong characters", async () => {
    const { minLength } = await rule("reporterPhone");
    const page = await companyPage();
    const sent = watchReports(page);
    await page.getByLabel(/^Your name/).fill("Budi Santoso");
    await page.getByLabel(/^What is wrong/).fill("Ipos cannot log in.");
    await page.getByLabel(/^Phone number/).fill("1".repeat(minLength! - 1));
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByText(`Too short: use at least ${minLength} characters.`).waitFor();
    expect(await page.getByText("Use only digits, spaces and + ( ) . -").count()).toBe(0);
    expect(sent).toEqual([]);
    await page.close();
  });

  it("has a honeypot no person meets: off-screen, inert, not in the tab order; axe-core passes", async () => {
    const page = await companyPage();
    const trap = page.locator("sigap-report-form input[name=website]");
    expect(await trap.count()).toBe(1);
    expect(await trap.evaluate((el: HTMLInputElement) => ({ inert: el.closest("[inert]") !== null, tabIndex: el.tabIndex, autocomplete: el.autocomplete }))).toEqual({
      inert: true,
      tabIndex: -1,
      autocomplete: "off",
    });
    const box = await trap.evaluate((el) => el.getBoundingClientRect().right);
    expect(box).toBeLessThanOrEqual(0);
    expect(await page.getByRole("textbox", { name: /Website/ }).count()).toBe(0);
    // Tab from the top of the page to the send button: focus never lands in the trap.
    const visited: string[] = [];
    for (let i = 0; i < 60 && !visited.includes("Send report"); i++) {
      await page.keyboard.press("Tab");
      visited.push(
        await page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return (el as HTMLInputElement | null)?.name || el?.textContent?.trim() || "";
        }),
      );
    }
    expect(visited).toContain("Send report");
    expect(visited).not.toContain("website");
    expect(await axe(page, "sigap-report-form")).toEqual([]);
    await page.close();
  });

  it("sends the form token, the empty honeypot and the reader's language with every report", async () => {
    const page = await companyPage();
    const sent = watchReports(page);
    await page.getByLabel(/^Your name/).fill("Siti Aminah");
    await page.getByLabel(/^Phone number/).fill("0812 3456 789");
    await page.getByLabel(/^What is wrong/).fill("Printer di loket 2 tidak mencetak resi.");
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByText("Report received", { exact: true }).waitFor();
    const input = (JSON.parse(sent.at(-1)!) as { variables: { input: { formToken?: string; website?: string; language?: string } } }).variables.input;
    expect(input.website).toBe("");
    expect(input.formToken).toMatch(/\S{8,}/);
    // The page was switched to English: the desk will mail this reporter in English.
    expect(input.language).toBe("en");
    await page.close();
  });
});
