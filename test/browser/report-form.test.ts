import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axe, companyPage as openCompanyPage, launchBrowser, shoot, startDemoGateway, watchReports, type DemoGateway } from "./harness.js";

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



async function ticketCount(): Promise<number> {
  const site = (await demo.gateway.services.sites.list())[0]!;
  return demo.gateway.services.ds.getRepository("TicketEntity").countBy({ siteId: site.id });
}

async function fillRequired(page: Page): Promise<void> {
  await page.getByLabel(/^Your name/).fill("Budi Santoso");
  await page.getByLabel(/^Phone number/).fill("+62 812 5555 0101");
  await page.getByLabel(/^What is wrong/).fill("Ipos cannot log in at counter 3 since 08:00.");
}

describe("<sigap-report-form>", () => {
  it("refuses bad input with each field's message, moves focus to the first, and sends nothing", async () => {
    const page = await companyPage();
    const sent = watchReports(page);
    await page.getByLabel(/^E-mail/).fill("budi@");
    await page.getByRole("button", { name: "Send report" }).click();
    const name = page.getByLabel(/^Your name/);
    await expect.poll(() => name.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByText("Enter an e-mail like name@example.com.").count()).toBe(1);
    expect(await page.getByText("Fill this in.").count()).toBeGreaterThanOrEqual(2);
    expect(sent).toEqual([]);
    expect(await ticketCount()).toBe(0);
    await page.close();
  });

  it("yields exactly one ticket when the network fails during submit and the reporter retries", async () => {
    const page = await companyPage();
    const before = await ticketCount();
    let failed = false;
    // The report reaches the gateway, but the browser never sees the answer.
    await page.route("**/graphql", async (route) => {
      if (!failed && (route.request().postData() ?? "").includes("reportIncident")) {
        failed = true;
        await route.fetch();
        await route.abort("connectionreset");
        return;
      }
      await route.continue();
    });
    await fillRequired(page);
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByText("Report received", { exact: true }).waitFor();
    expect(await ticketCount()).toBe(before + 1);
    await page.close();
  });

  it("reports an incident and shows a readable code and the tracking link", async () => {
    const page = await companyPage();
    await fillRequired(page);
    await page.getByLabel(/^Affected service/).selectOption({ label: "PosPay" });
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByText("Report received", { exact: true }).waitFor();
    const code = (await page.locator("sigap-report-form").locator('[part="code"]').innerText()).replace(/\s/g, "");
    expect(code).toMatch(/^01\.\d{8}\.\d{3,}$/);
    const href = await page.getByRole("link", { name: "Follow your ticket" }).getAttribute("href");
    expect(href).toMatch(/track\.html\?code=01\.\d{8}\.\d{3,}&token=/);
    await page.close();
  });

  it("refuses a picked file the site does not take at once, uploads the others and sends them with the report", async () => {
    const page = await companyPage();
    const sent = watchReports(page);
    await fillRequired(page);
    await page.getByLabel(/^Evidence files/).setInputFiles([
      { name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
      { name: "printer.txt", mimeType: "text/plain", buffer: Buffer.from("Error 42 at counter 3") },
    ]);
    const files = page.locator("sigap-report-form").locator("[part=files] li");
    await expect.poll(() => files.allInnerTexts()).toEqual(["setup.exe: this type of file is not accepted.\n×", "printer.txt\n×"]);
    await page.getByRole("button", { name: "Remove setup.exe" }).click();
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByText("Report received", { exact: true }).waitFor();
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!).variables.input.attachmentIds).toHaveLength(1);
    await page.close();
  });

  it("marks picked files as not sent when the file part cannot be fetched, and takes them once it can", async () => {
    const page = await companyPage();
    await page.route("**/chunks/evidence-*.js", (route) => route.abort("internetdisconnected"));
    const file = { name: "printer.txt", mimeType: "text/plain", buffer: Buffer.from("Error 42 at counter 3") };
    await page.getByLabel(/^Evidence files/).setInputFiles([file]);
    const files = page.locator("sigap-report-form").locator("[part=files] li");
    await expect.poll(() => files.allInnerTexts()).toEqual(["printer.txt: The service desk could not be reached. Check your connection and try again.\n×"]);
    await page.unroute("**/chunks/evidence-*.js");
    await page.getByLabel(/^Evidence files/).setInputFiles([file]);
    await expect.poll(() => files.nth(1).innerText()).toBe("printer.txt\n×");
    await page.close();
  });

  it("says the desk cannot be reached when its checks cannot be fetched, and sends once they can", async () => {
    const page = await companyPage();
    await page.route("**/chunks/checks-*.js", (route) => route.abort("internetdisconnected"));
    await fillRequired(page);
    await page.getByRole("button", { name: "Send report" }).click();
    await page.getByText("The service desk could not be reached. Check your connection and try again.").waitFor();
    await page.unroute("**/chunks/checks-*.js");
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByText("Report received", { exact: true }).waitFor();
    await page.close();
  });

  it("speaks Indonesian on an Indonesian page and English on an English one", async () => {
    const id = await companyPage("id");
    await id.getByLabel(/^Nama pelapor/).waitFor();
    expect(await id.getByRole("button", { name: "Kirim laporan" }).count()).toBe(1);
    await id.evaluate(() => (document.documentElement.lang = "en"));
    await id.getByLabel(/^Your name/).waitFor();
    await id.close();
  });

  it("can be filled and sent with the keyboard alone", async () => {
    const page = await companyPage();
    const sent = watchReports(page);
    /** Presses Tab from wherever focus is until the focused control's label starts with `label`. */
    const tabTo = async (label: RegExp) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        const name = await page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          const control = el as HTMLInputElement | null;
          return control?.labels?.[0]?.textContent ?? control?.textContent ?? "";
        });
        if (label.test(name.trim())) return;
      }
      throw new Error(`Tab never reached ${label}`);
    };
    await tabTo(/^Your name/);
    await page.keyboard.type("Siti Aminah");
    await tabTo(/^Phone number/);
    await page.keyboard.type("0812 3456 789");
    await tabTo(/^What is wrong/);
    await page.keyboard.type("Printer di loket 2 tidak mencetak resi.");
    await tabTo(/^Send report/);
    await page.keyboard.press("Enter");
    await page.getByText("Report received", { exact: true }).waitFor();
    expect(sent).toHaveLength(1);
    await page.close();
  });

  it("shows its success screen styled under the company page's strict CSP, with no CSP violation on the way; screenshot saved", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${demo.url}/demo/company/report.html`);
    await page.evaluate(() => (document.documentElement.lang = "en"));
    await fillRequired(page);
    await page.getByRole("button", { name: "Send report" }).click();
    const title = page.getByText("Report received", { exact: true });
    await title.waitFor();
    // The screen's own sheet applies: bold title, the code in a large monospace face.
    expect(await title.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("700");
    expect(await page.locator("sigap-report-form").locator('[part="code"]').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/monospace/);
    expect(violations).toEqual([]);
    await shoot(page, "sigap-report-form", "report-form-received-en-light");
    await page.close();
  });

  it("has no axe-core violations, light and dark, English and Indonesian; screenshots saved", async () => {
    for (const [lang, theme] of [["en", "light"], ["id", "dark"]] as const) {
      const page = await companyPage(lang);
      await page.evaluate((t) => document.querySelector("sigap-report-form")!.setAttribute("theme", t), theme);
      expect(await axe(page, "sigap-report-form")).toEqual([]);
      await shoot(page, "sigap-report-form", `report-form-${theme}-${lang}`);
      await page.close();
    }
  });
});
