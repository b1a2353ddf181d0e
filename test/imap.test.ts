import { randomBytes } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type Mail from "nodemailer/lib/mailer/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { createTestDatabase, desk, report, startTestGateway, type TestDatabase, type TestGateway } from "./harness.js";
import { startTestImap, type TestImap } from "./imap-kit.js";
import { startTestSmtp, type TestSmtp } from "./mail-kit.js";

/**
 * Mail in through a mailbox: real mail APPENDed to a real IMAP server (Dovecot, imap-kit.ts) that
 * the gateway polls (`IMAP_URL`), seen through the public surface; bounces as received by the
 * test's SMTP server once the outbox is dispatched.
 */

const REPLY_DOMAIN = "reply.contoh.example";
const DESK = "helpdesk@contoh.example";
const REPORTER = "budi@contoh.example";
/** A 1×1 transparent PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
/** The start of a 64-bit Linux executable. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);

let imap: TestImap;
let smtp: TestSmtp;
let db: TestDatabase;
let gw: TestGateway;
let supervisor: string;

const gatewayOptions = () => ({ database: db, smtp: { url: smtp.url }, env: { IMAP_URL: imap.url, IMAP_POLL_MS: "0", SMTP_REPLY_DOMAIN: REPLY_DOMAIN } });

beforeAll(async () => {
  imap = await startTestImap();
  smtp = await startTestSmtp();
  db = await createTestDatabase();
  gw = await startTestGateway(gatewayOptions());
  await gw.services.sites.setSettings(gw.site.id, { deskEmail: DESK });
  supervisor = await gw.agentToken(Role.SUPERVISOR);
});
afterAll(async () => {
  await gw?.close();
  await db?.drop();
  await smtp?.close();
  await imap?.close();
});

/** A mail as a mail program writes it. */
async function compose(mail: Mail.Options & { headers?: Record<string, string> }): Promise<Buffer> {
  const message = new MailComposer({
    from: `Budi Santoso <${REPORTER}>`,
    subject: "Re: laporan Anda",
    messageId: `<${randomBytes(8).toString("hex")}@mail.contoh.example>`,
    ...mail,
  }).compile();
  return message.build();
}

/** Puts a mail in the mailbox and lets the gateway read it. */
async function deliver(mail: Mail.Options & { headers?: Record<string, string> }): Promise<number> {
  const uid = await imap.append(await compose(mail));
  await gw.pollMailbox();
  return uid;
}

const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) {
  status channel timeline { kind actorKind message } attachments { filename contentType } } }`;

interface Tracked {
  status: string;
  channel: string;
  timeline: Array<{ kind: string; actorKind: string; message: string | null }>;
  attachments: Array<{ filename: string; contentType: string }>;
}

async function track(receipt: { code: string; trackingToken: string }): Promise<Tracked> {
  const r = await gw.gql<{ trackTicket: Tracked }>(TRACK, { code: receipt.code, token: receipt.trackingToken });
  expect(r.errors).toBeUndefined();
  return r.data!.trackTicket;
}

async function reported(email = REPORTER) {
  const receipt = await report(gw, { reporterEmail: email });
  const ticket = await gw.services.reads.byTracking(gw.site.id, receipt.code, receipt.trackingToken);
  return { receipt, id: ticket.id, replyTo: gw.services.replyAddresses.replyAddress(ticket.id)! };
}

/** Bounces the test's SMTP server received for an address (the sender also gets its receipt and other notifications). */
const bouncesTo = (address: string) => smtp.to(address).filter((m) => /^Not delivered: /.test(m.subject));

const reporterMessages = (t: Tracked) => t.timeline.filter((e) => e.kind === "REPORTER_MESSAGE");

describe("the IMAP poller", () => {
  it("lands a reply found in the mailbox on the ticket as the reporter's message, with its attachment, and marks the mail seen", async () => {
    const { receipt, replyTo } = await reported();
    const uid = await deliver({
      to: replyTo,
      text: "Masih error setelah restart.\n\nOn Mon, Nov 30, 2026 at 10:00 AM Layanan TI wrote:\n> Silakan nyalakan ulang komputernya.\n",
      attachments: [{ filename: "layar.png", content: PNG, contentType: "image/png" }],
    });
    const t = await track(receipt);
    expect(reporterMessages(t)).toEqual([{ kind: "REPORTER_MESSAGE", actorKind: "REPORTER", message: "Masih error setelah restart." }]);
    expect(t.attachments).toEqual([{ filename: "layar.png", contentType: "image/png" }]);
    expect(await imap.flags(uid)).toContain("\\Seen");
  });

  it("opens a ticket with channel EMAIL for a mail delivered to the desk address (Delivered-To, the desk only in Bcc)", async () => {
    await deliver({
      from: "Siti Aminah <siti.imap@contoh.example>",
      to: "tim-keuangan@contoh.example",
      headers: { "Delivered-To": DESK },
      subject: "Printer lantai 3 mati",
      text: "Printer di lantai 3 tidak menyala sejak pagi.",
      attachments: [{ filename: "printer.png", content: PNG }],
    });
    const [row] = (await gw.services.ds.query("SELECT id FROM ticket WHERE site_id = ? AND reporter_email = ?", [gw.site.id, "siti.imap@contoh.example"])) as Array<{ id: string }>;
    expect(row).toBeDefined();
    const { ticket } = await desk<{ ticket: { channel: string; reporterName: string; description: string; problemType: string; attachments: Array<{ filename: string }> } }>(
      gw,
      supervisor,
      `query($id: ID!) { ticket(id: $id) { channel reporterName description problemType attachments { filename } } }`,
      { id: row!.id },
    );
    expect(ticket).toEqual({
      channel: "EMAIL",
      reporterName: "Siti Aminah",
      description: "Printer di lantai 3 tidak menyala sejak pagi.",
      problemType: "Printer lantai 3 mati",
      attachments: [{ filename: "printer.png" }],
    });
  });

  it("handles a mail once: not on the next pass, and not when it is unseen again and a restarted gateway reads it", async () => {
    const { receipt, replyTo } = await reported();
    const uid = await deliver({ to: replyTo, text: "Sekali saja, ya." });
    await gw.pollMailbox();
    expect(reporterMessages(await track(receipt))).toHaveLength(1);

    // A person reading the mailbox (or a pass that died before flagging it) leaves the mail unseen.
    await imap.markUnseen(uid);
    const site = gw.site;
    await gw.close();
    gw = await startTestGateway({ ...gatewayOptions(), site });
    await gw.pollMailbox();
    expect(reporterMessages(await track(receipt))).toHaveLength(1);
    expect(await imap.flags(uid)).toContain("\\Seen");
  });

  it("reads the mailbox again for a poll asked for while a pass runs (that pass may have looked before the caller's mail came)", async () => {
    const { receipt, replyTo } = await reported();
    await imap.append(await compose({ to: replyTo, text: "Datang di tengah pembacaan." }));
    // The second call must not ride on the first pass: it gets a pass of its own, which finds nothing left.
    expect(await Promise.all([gw.pollMailbox(), gw.pollMailbox()])).toEqual([1, 0]);
    expect(reporterMessages(await track(receipt)).map((e) => e.message)).toEqual(["Datang di tengah pembacaan."]);
  });

  it("fails a pass while the mailbox is down without harm, and reads the mail once it is back", async () => {
    const { receipt, replyTo } = await reported();
    const uid = await imap.append(await compose({ to: replyTo, text: "Terkirim saat server surat mati." }));
    await imap.stop();
    try {
      await expect(gw.pollMailbox()).rejects.toThrow();
      // The gateway serves on.
      expect((await track(receipt)).status).toBe("NEW");
    } finally {
      await imap.start();
    }
    expect(await gw.pollMailbox()).toBe(1);
    expect(reporterMessages(await track(receipt)).map((e) => e.message)).toEqual(["Terkirim saat server surat mati."]);
    expect(await imap.flags(uid)).toContain("\\Seen");
  });

  it("bounces a reply with a file of a type the site refuses: the sender receives the bounce, nothing lands", async () => {
    const sender = `tipe.${randomBytes(3).toString("hex")}@contoh.example`;
    const { receipt, replyTo } = await reported(sender);
    const uid = await deliver({ from: sender, to: replyTo, subject: "Re: dengan program", text: "Ini programnya", attachments: [{ filename: "fix.pdf", content: ELF, contentType: "application/pdf" }] });
    await gw.dispatch();
    expect(bouncesTo(sender).map((m) => [m.subject, m.text])).toEqual([["Not delivered: Re: dengan program · PT Contoh", expect.stringMatching(/type this service desk does not accept/)]]);
    const t = await track(receipt);
    expect(reporterMessages(t)).toEqual([]);
    expect(t.attachments).toEqual([]);
    expect(await imap.flags(uid)).toContain("\\Seen");
  });

  it("bounces a reply with a file over the site's size limit", async () => {
    const sender = `besar.${randomBytes(3).toString("hex")}@contoh.example`;
    const { receipt, replyTo } = await reported(sender);
    await gw.services.ds.query("UPDATE site SET max_upload_bytes = ? WHERE id = ?", [1024, gw.site.id]);
    try {
      await deliver({ from: sender, to: replyTo, subject: "Re: foto besar", text: "Fotonya", attachments: [{ filename: "besar.txt", content: Buffer.alloc(4096, "a") }] });
    } finally {
      await gw.services.ds.query("UPDATE site SET max_upload_bytes = ? WHERE id = ?", [10 * 1024 * 1024, gw.site.id]);
    }
    await gw.dispatch();
    expect(bouncesTo(sender).map((m) => [m.subject, m.text])).toEqual([["Not delivered: Re: foto besar · PT Contoh", expect.stringMatching(/larger than this service desk accepts/)]]);
    expect(reporterMessages(await track(receipt))).toEqual([]);
  });

  it("bounces a mail over the whole-mail limit (30 MB) from its headers alone, though each of its files is within the site's limit", async () => {
    const sender = `raksasa.${randomBytes(3).toString("hex")}@contoh.example`;
    const { receipt, replyTo } = await reported(sender);
    const uid = await deliver({
      from: sender,
      to: replyTo,
      subject: "Re: video rapat",
      text: "Videonya",
      // 24 MB of files, 32 MB once base64-encoded.
      attachments: ["1", "2", "3"].map((n) => ({ filename: `rapat-${n}.txt`, content: Buffer.alloc(8 * 1024 * 1024, n) })),
    });
    await gw.dispatch();
    expect(bouncesTo(sender).map((m) => [m.subject, m.text])).toEqual([["Not delivered: Re: video rapat · PT Contoh", expect.stringMatching(/larger than this service desk accepts/)]]);
    const t = await track(receipt);
    expect(reporterMessages(t)).toEqual([]);
    expect(t.attachments).toEqual([]);
    expect(await imap.flags(uid)).toContain("\\Seen");
  });
});
