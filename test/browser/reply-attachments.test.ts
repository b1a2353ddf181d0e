/**
 * Attachments in replies on both sides (issue 11): the agent attaches images by the picker and by
 * paste and the reporter's tracker shows their thumbnails live, with a preview that Esc closes; a
 * file on an internal note never reaches the tracker; the reporter drops a file on the reply and
 * the agent's thread shows it; a file the gateway refuses says so in the gateway's words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { axe, demoCall, type DemoGateway, launchBrowser, shoot, startDemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let desk: BrowserContext;
let reporter: BrowserContext;

beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  desk = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 1280, height: 900 } });
  reporter = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar", viewport: { width: 900, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The demo gateway's GraphQL with an agent's token, or the demo site key. */
const call = <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => demoCall<T>(demo, query, variables, token);

async function report(name: string, description: string): Promise<{ code: string; trackingToken: string }> {
  const { reportIncident } = await call<{ reportIncident: { code: string; trackingToken: string } }>(
    `mutation($n: String!, $d: String!) { reportIncident(input: { reporterName: $n, description: $d, urgency: HIGH }) { code trackingToken } }`,
    { n: name, d: description },
  );
  return reportIncident;
}

/** A PNG drawn by the browser (a coloured card with a word on it), as bytes. */
async function drawPng(page: Page, word: string, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, c]) => {
      const canvas = document.createElement("canvas");
      canvas.width = 240;
      canvas.height = 160;
      const g = canvas.getContext("2d")!;
      g.fillStyle = c!;
      g.fillRect(0, 0, 240, 160);
      g.fillStyle = "#ffffff";
      g.font = "bold 28px sans-serif";
      g.fillText(w!, 20, 90);
      return canvas.toDataURL("image/png");
    },
    [word, colour],
  );
  return Buffer.from(dataUrl.split(",")[1]!, "base64");
}

/** Dispatches a paste (or a drop) of one file on `target`, as the browser does for a clipboard image or a dragged file. */
async function hand(target: Locator, type: "paste" | "drop", file: { name: string; mimeType: string; bytes: Buffer }): Promise<void> {
  await target.evaluate(
    (el, { type, name, mimeType, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: mimeType }));
      const init = { bubbles: true, composed: true, cancelable: true };
      if (type === "paste") el.dispatchEvent(new ClipboardEvent("paste", { ...init, clipboardData: data }));
      else {
        el.dispatchEvent(new DragEvent("dragover", { ...init, dataTransfer: data }));
        el.dispatchEvent(new DragEvent("drop", { ...init, dataTransfer: data }));
      }
    },
    { type, name: file.name, mimeType: file.mimeType, base64: file.bytes.toString("base64") },
  );
}

async function openTicket(page: Page, code: string): Promise<Locator> {
  await page.goto(`${demo.url}/demo/internal/queue.html`);
  await page.evaluate(() => (document.documentElement.lang = "en"));
  const queue = page.locator("sigap-agent-queue");
  await queue.getByText(/Signed in as Dewi Lestari/).waitFor();
  await queue.locator('[part="row"]').filter({ hasText: code }).click();
  await queue.locator('[part="detail"]').getByText(`Ticket ${code}`).waitFor();
  return queue;
}

async function openTracker(page: Page, ticket: { code: string; trackingToken: string }): Promise<Locator> {
  await page.goto(`${demo.url}/demo/portal/track.html?code=${ticket.code}&token=${ticket.trackingToken}`);
  await page.evaluate(() => (document.documentElement.lang = "en"));
  const tracker = page.locator("sigap-ticket-tracker");
  await tracker.locator('[part~="indicator"]').getByText("Live").waitFor();
  return tracker;
}

/** The composer's form of one mode ("Reply to the reporter" or "Internal note"), opened. */
async function composerForm(queue: Locator, mode: string): Promise<Locator> {
  const details = queue.locator("sigap-ticket-composer [part=action]").filter({ has: queue.page().getByText(mode, { exact: true }) });
  await details.locator("summary").click();
  return details.locator("form");
}

/** Picks files through the Attach button and the system's file chooser. */
async function pickFiles(form: Locator, files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
  const chooser = form.page().waitForEvent("filechooser");
  await form.locator('[part="attach"]').click();
  await (await chooser).setFiles(files);
}

/** Waits until a chip of `name` is uploaded (its id is in the form). */
async function uploaded(form: Locator, name: string): Promise<void> {
  await form.locator('[part="chip"]').filter({ hasText: name }).locator('input[name="attachmentIds"]').waitFor({ state: "attached" });
}

/** Polls until a page-side condition holds; the first file loads the upload code and the limits, so this waits as long as a locator does. */
const LONG = { timeout: 30_000 };

describe("attachments in replies", () => {
  it("an agent's reply with an image picked and one pasted shows live as thumbnails in the tracker, whose preview Esc closes; screenshots saved", async () => {
    const ticket = await report("Sari Dewi", "The parcel scale shows an error code after start-up.");
    const track = await reporter.newPage();
    const tracker = await openTracker(track, ticket);
    const page = await desk.newPage();
    const queue = await openTicket(page, ticket.code);

    const form = await composerForm(queue, "Reply to the reporter");
    await pickFiles(form, [{ name: "scale-settings.png", mimeType: "image/png", buffer: await drawPng(page, "Settings", "#0b5cad") }]);
    await uploaded(form, "scale-settings.png");
    await hand(form.getByLabel("Message"), "paste", { name: "screenshot.png", mimeType: "image/png", bytes: await drawPng(page, "E-17", "#b3261e") });
    await uploaded(form, "screenshot.png");
    // Each chip: the local thumbnail, the name and the size.
    const chips = form.locator('[part="chip"]');
    expect(await chips.count()).toBe(2);
    expect(await chips.first().locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    expect(await chips.first().innerText()).toMatch(/scale-settings\.png\s+\d+ KB/);
    await form.getByLabel("Message").fill("Set the scale back to these settings, as in the screenshot.");
    expect(await axe(page, "sigap-agent-queue")).toEqual([]);
    await shoot(page, "sigap-ticket-composer", "reply-attachments-composer");
    await form.getByRole("button", { name: "Reply to the reporter", exact: true }).click();
    await queue.getByText("Reply to the reporter: saved.").waitFor();
    expect(await form.locator('[part="chip"]').count()).toBe(0);

    // The agent's thread shows both as thumbnails (read with the agent's token).
    const deskThumbs = queue.locator('[part="timeline"] sigap-attachment [part="thumbnail"] img');
    await expect.poll(() => deskThumbs.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)), LONG).toEqual([240, 240]);

    // The tracker shows them live, read with the tracking token.
    const thumbs = tracker.locator('[part="timeline"] sigap-attachment [part="thumbnail"]');
    await expect.poll(() => thumbs.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)), LONG).toEqual([240, 240]);
    await shoot(track, "sigap-ticket-tracker", "reply-attachments-tracker-thumbnails");

    // The preview: a modal dialog with the image whole; Esc closes it and focus returns to the thumbnail.
    await thumbs.first().click();
    const preview = tracker.locator('[part="timeline"] sigap-attachment [part="preview"]').first();
    await expect.poll(() => preview.isVisible(), LONG).toBe(true);
    expect(await preview.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    expect(await preview.innerText()).toContain("scale-settings.png");
    expect(await axe(track, "sigap-ticket-tracker")).toEqual([]);
    await track.screenshot({ path: `${new URL("../test-results/screenshots/", import.meta.url).pathname}reply-attachments-preview.png` });
    await track.keyboard.press("Escape");
    await expect.poll(() => preview.isVisible(), LONG).toBe(false);
    const focused = await tracker.evaluate((el) => {
      const inner = el.shadowRoot?.activeElement;
      return inner?.shadowRoot?.activeElement?.getAttribute("part") ?? null;
    });
    expect(focused).toBe("thumbnail");
    await page.close();
    await track.close();
  }, 120_000);

  it("a file on an internal note never reaches the tracker; the reporter's dropped file reaches the agent's thread; screenshots saved", async () => {
    const ticket = await report("Andi Pratama", "The counter printer prints blank receipts.");
    const track = await reporter.newPage();
    const tracker = await openTracker(track, ticket);
    const page = await desk.newPage();
    const queue = await openTicket(page, ticket.code);

    const note = await composerForm(queue, "Internal note");
    await pickFiles(note, [{ name: "printer-internal.log", mimeType: "text/plain", buffer: Buffer.from("head temperature 71 C\nfirmware 2.0.4\n") }]);
    await uploaded(note, "printer-internal.log");
    await note.getByLabel("Message").fill("Firmware is old; log attached.");
    await note.getByRole("button", { name: "Internal note", exact: true }).click();
    await queue.getByText("Internal note: saved.").waitFor();
    await queue.locator('[part~="entry-internal"] sigap-attachment').getByText("printer-internal.log").waitFor();

    // A public reply after the note: once the tracker shows it, it has seen everything the note could have carried.
    const reply = await composerForm(queue, "Reply to the reporter");
    await reply.getByLabel("Message").fill("We are checking the printer's firmware.");
    await reply.getByRole("button", { name: "Reply to the reporter", exact: true }).click();
    await tracker.getByText("We are checking the printer's firmware.").waitFor();
    expect(await tracker.innerText()).not.toContain("printer-internal.log");
    expect(await tracker.locator("sigap-attachment").count()).toBe(0);
    const seen = await call<{ trackTicket: { attachments: Array<{ filename: string }> } }>(
      `query($c: String!, $t: String!) { trackTicket(code: $c, token: $t) { attachments { filename } } }`,
      { c: ticket.code, t: ticket.trackingToken },
    );
    expect(seen.trackTicket.attachments).toEqual([]);

    // The reporter drops a file on the reply box and sends it.
    const box = tracker.locator('[part="reply-form"]');
    await hand(box.getByLabel("Reply to the service desk"), "drop", { name: "receipt-sample.txt", mimeType: "text/plain", bytes: Buffer.from("RECEIPT\n(blank)\n") });
    await uploaded(box, "receipt-sample.txt");
    await box.getByLabel("Reply to the service desk").fill("Here is what the printer gives me.");
    await shoot(track, '[part="reply-form"]', "reply-attachments-tracker-reply");
    expect(await axe(track, "sigap-ticket-tracker")).toEqual([]);
    await box.getByRole("button", { name: "Send" }).click();
    await tracker.getByText("Your message was sent.").waitFor();
    await tracker.locator('[part="timeline"] sigap-attachment [part="link"]').getByText("receipt-sample.txt").waitFor();

    // The agent's thread shows it live, as a download with its size, read with the agent's token.
    const file = queue.locator('[part="timeline"] sigap-attachment').filter({ hasText: "receipt-sample.txt" });
    await file.waitFor();
    expect(await file.locator('[part="size"]').innerText()).toBe("(1 KB)");
    const download = page.waitForEvent("download");
    await file.getByRole("button", { name: "receipt-sample.txt" }).click();
    expect((await download).suggestedFilename()).toBe("receipt-sample.txt");
    await shoot(page, '[part="timeline"]', "reply-attachments-desk-thread");
    await page.close();
    await track.close();
  }, 120_000);

  it("shows the gateway's refusal of a file type it sniffs, and of a file over the site's limit; screenshot saved", async () => {
    const ticket = await report("Rina Wati", "The queue display is frozen.");
    const page = await desk.newPage();
    const queue = await openTicket(page, ticket.code);
    const form = await composerForm(queue, "Reply to the reporter");

    // Named and typed as an image, but its bytes are a program: the gateway's words say what it found.
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
    await pickFiles(form, [{ name: "display.png", mimeType: "image/png", buffer: elf }]);
    const refused = form.locator('[part="chip"]').filter({ hasText: "display.png" });
    await expect.poll(() => refused.innerText(), LONG).toMatch(/^display\.png: This file's contents are .+, which this site does not accept; allowed: image\/png/);

    // The admin lowers the limit while the composer holds the old one: the gateway refuses the file in its words.
    await call(`mutation { updateSiteAccess(input: { maxUploadBytes: 1048576 }) { maxUploadBytes } }`, {}, demo.tokens["ADMIN"]);
    await pickFiles(form, [{ name: "display-video.png", mimeType: "image/png", buffer: Buffer.concat([await drawPng(page, "big", "#333333"), Buffer.alloc(1_200_000)]) }]);
    const big = form.locator('[part="chip"]').filter({ hasText: "display-video.png" });
    await expect.poll(() => big.innerText(), LONG).toMatch(/display-video\.png: The file is larger than this site's limit of 1 MB\./);
    expect(await form.locator('[part="chip"]').count()).toBe(2);
    await shoot(page, "sigap-ticket-composer", "reply-attachments-refused");

    // A refused chip is removed by its button.
    await refused.getByRole("button", { name: "Remove display.png" }).click();
    expect(await form.locator('[part="chip"]').count()).toBe(1);
    await call(`mutation { updateSiteAccess(input: { maxUploadBytes: 10485760 }) { maxUploadBytes } }`, {}, demo.tokens["ADMIN"]);
    await page.close();
  }, 120_000);
});
