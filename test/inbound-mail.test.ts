import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { desk, report, startTestGateway, type TestGateway } from "./harness.js";

/**
 * Mail in, end to end: real mail sent with nodemailer to the gateway's SMTP listener, seen
 * through the public surface (trackTicket, the download route, the desk's ticket) and, for
 * bounces, through the outbox the notifications service writes.
 */

const REPLY_DOMAIN = "reply.contoh.example";
const DESK = "helpdesk@contoh.example";
const REPORTER = "budi@contoh.example";

/** A 1×1 transparent PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
/** The start of a 64-bit Linux executable. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);

let gw: TestGateway;
let smtp: Transporter;
let supervisor: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  gw = await startTestGateway({ env: { SMTP_INBOUND_PORT: String(port), SMTP_REPLY_DOMAIN: REPLY_DOMAIN } });
  await gw.services.sites.setSettings(gw.site.id, { deskEmail: DESK });
  smtp = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  supervisor = await gw.agentToken(Role.SUPERVISOR);
});
afterAll(async () => {
  smtp?.close();
  await gw?.close();
});

const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) {
  status channel timeline { kind actorKind message } attachments { id filename contentType url } } }`;

interface Tracked {
  status: string;
  channel: string;
  timeline: Array<{ kind: string; actorKind: string; message: string | null }>;
  attachments: Array<{ id: string; filename: string; contentType: string; url: string }>;
}

async function track(receipt: { code: string; trackingToken: string }): Promise<Tracked> {
  const r = await gw.gql<{ trackTicket: Tracked }>(TRACK, { code: receipt.code, token: receipt.trackingToken });
  expect(r.errors).toBeUndefined();
  return r.data!.trackTicket;
}

/** A reported ticket with its receipt, id and reply address. */
async function reported(input: Record<string, unknown> = {}) {
  const receipt = await report(gw, { reporterEmail: REPORTER, ...input });
  const ticket = await gw.services.reads.byTracking(gw.site.id, receipt.code, receipt.trackingToken);
  return { receipt, id: ticket.id, replyTo: gw.services.replyAddresses.replyAddress(ticket.id)! };
}

function send(mail: Mail.Options) {
  return smtp.sendMail({ from: `Budi Santoso <${REPORTER}>`, subject: "Re: laporan Anda", messageId: `<${randomBytes(8).toString("hex")}@mail.contoh.example>`, ...mail });
}

/** The bounces waiting in the outbox for an address: the outbox table once it exists, the stub's memory before. */
async function bouncesTo(address: string): Promise<Array<{ template: unknown; to: unknown; vars: { reason: string; originalSubject: string } }>> {
  let payloads: Array<Record<string, unknown>>;
  try {
    const rows: Array<{ recipient: string; payload: string }> = await gw.services.ds.query("SELECT recipient, payload FROM outbox_message WHERE channel = 'EMAIL'");
    payloads = rows.filter((r) => r.recipient === address).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  } catch {
    const stub = gw.services.notifications as unknown as { enqueued: Array<{ recipient: string; payload: Record<string, unknown> }> };
    payloads = stub.enqueued.filter((d) => d.recipient === address).map((d) => d.payload);
  }
  return payloads.filter((p) => p["template"] === "bounce") as Array<{ template: unknown; to: unknown; vars: { reason: string; originalSubject: string } }>;
}

async function attachmentCount(): Promise<number> {
  const [row] = (await gw.services.ds.query("SELECT COUNT(*) AS n FROM attachment WHERE site_id = ?", [gw.site.id])) as Array<{ n: number | string }>;
  return Number(row!.n);
}

describe("a reply to a ticket's reply address", () => {
  it("lands on the ticket as the reporter's message without the quoted history, with its attachment downloadable by the reporter", async () => {
    const { receipt, replyTo } = await reported();
    expect(replyTo).toMatch(new RegExp(`^reply\\+[0-9a-f-]{36}\\.[0-9a-f]{20}@${REPLY_DOMAIN.replace(/\./g, "\\.")}$`));
    await send({
      // Mail systems may change the case of addresses; the reply address and the sender still match.
      from: `Budi Santoso <Budi@Contoh.Example>`,
      to: replyTo.toUpperCase(),
      text: "Masih error setelah restart.\n\nPada tanggal Sen, 30 Nov 2026 pukul 10.00 Layanan TI <helpdesk@contoh.example>\nmenulis:\n\n> Silakan nyalakan ulang komputernya.\n",
      attachments: [{ filename: "layar.png", content: PNG, contentType: "image/png" }],
    });
    const t = await track(receipt);
    expect(t.timeline.at(-1)).toEqual({ kind: "REPORTER_MESSAGE", actorKind: "REPORTER", message: "Masih error setelah restart." });
    expect(t.attachments).toEqual([expect.objectContaining({ filename: "layar.png", contentType: "image/png" })]);
    const url = `${t.attachments[0]!.url}${t.attachments[0]!.url.includes("?") ? "&" : "?"}${new URLSearchParams({ code: receipt.code, token: receipt.trackingToken, siteKey: gw.siteKey })}`;
    const res = await fetch(url.startsWith("http") ? url : `${gw.url}${url}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  it("reopens a RESOLVED ticket, as a reporter's message does", async () => {
    const { receipt, id, replyTo } = await reported();
    for (const input of [{ status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "Restarted the service", closureCode: "FIXED" }]) {
      await desk(gw, supervisor, `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { status } }`, { id, input });
    }
    expect((await track(receipt)).status).toBe("RESOLVED");
    await send({ to: replyTo, text: "Belum, masih tidak bisa login.\n\nOn Mon, Nov 30, 2026 at 10:00 AM Layanan TI wrote:\n> Sudah kami perbaiki." });
    const t = await track(receipt);
    expect(t.status).toBe("IN_PROGRESS");
    expect(t.timeline.some((e) => e.kind === "REPORTER_MESSAGE" && e.message === "Belum, masih tidak bisa login.")).toBe(true);
  });

  it("lands once when the same Message-ID is delivered twice", async () => {
    const { receipt, replyTo } = await reported();
    const messageId = `<twice.${randomBytes(6).toString("hex")}@mail.contoh.example>`;
    await send({ to: replyTo, text: "Pesan yang terkirim dua kali", messageId });
    await send({ to: replyTo, text: "Pesan yang terkirim dua kali", messageId });
    const t = await track(receipt);
    expect(t.timeline.filter((e) => e.kind === "REPORTER_MESSAGE")).toHaveLength(1);
  });

  it("is refused at RCPT when the address is forged or signed for another ticket", async () => {
    const a = await reported();
    const b = await reported();
    const [, macOfB] = /\.([0-9a-f]{20})@/.exec(b.replyTo)!;
    const forged = [a.replyTo.replace(/\.[0-9a-f]{20}@/, ".00000000000000000000@"), a.replyTo.replace(/\.[0-9a-f]{20}@/, `.${macOfB}@`), `reply+${a.id}@${REPLY_DOMAIN}`];
    for (const to of forged) {
      await expect(send({ to, text: "Saya bukan pelapor" })).rejects.toMatchObject({ responseCode: 550 });
    }
    expect((await track(a.receipt)).timeline.some((e) => e.kind === "REPORTER_MESSAGE")).toBe(false);
  });

  it("from someone who is not the reporter is bounced to them and does not land", async () => {
    const { receipt, replyTo } = await reported();
    await send({ from: "Orang Lain <lain@luar.example>", to: replyTo, subject: "Re: tiket orang lain", text: "Saya ikut menambahkan" });
    expect(await bouncesTo("lain@luar.example")).toEqual([
      expect.objectContaining({ template: "bounce", to: "lain@luar.example", vars: { reason: expect.stringMatching(/only the person who reported/i), originalSubject: "Re: tiket orang lain" } }),
    ]);
    expect((await track(receipt)).timeline.some((e) => e.kind === "REPORTER_MESSAGE")).toBe(false);
  });

  it("with a file of a type the site refuses is bounced, and nothing of it lands (not even its allowed files)", async () => {
    const { receipt, replyTo } = await reported({ reporterEmail: "tipe@contoh.example" });
    const before = await attachmentCount();
    await send({
      from: "tipe@contoh.example",
      to: replyTo,
      subject: "Re: dengan program",
      text: "Ini programnya",
      attachments: [
        { filename: "layar.png", content: PNG },
        { filename: "fix.pdf", content: ELF, contentType: "application/pdf" },
      ],
    });
    const [bounce] = await bouncesTo("tipe@contoh.example");
    expect(bounce?.vars).toEqual({ reason: expect.stringMatching(/type/), originalSubject: "Re: dengan program" });
    const t = await track(receipt);
    expect(t.timeline.some((e) => e.kind === "REPORTER_MESSAGE")).toBe(false);
    expect(t.attachments).toEqual([]);
    expect(await attachmentCount()).toBe(before);
  });

  it("with a file over the site's size limit is bounced, and nothing of it lands", async () => {
    const { receipt, replyTo } = await reported({ reporterEmail: "besar@contoh.example" });
    await gw.services.ds.query("UPDATE site SET max_upload_bytes = ? WHERE id = ?", [1024, gw.site.id]);
    try {
      await send({ from: "besar@contoh.example", to: replyTo, subject: "Re: foto besar", text: "Fotonya", attachments: [{ filename: "besar.txt", content: Buffer.alloc(4096, "a") }] });
    } finally {
      await gw.services.ds.query("UPDATE site SET max_upload_bytes = ? WHERE id = ?", [10 * 1024 * 1024, gw.site.id]);
    }
    const [bounce] = await bouncesTo("besar@contoh.example");
    expect(bounce?.vars.reason).toMatch(/larger/);
    const t = await track(receipt);
    expect(t.timeline.some((e) => e.kind === "REPORTER_MESSAGE")).toBe(false);
    expect(t.attachments).toEqual([]);
  });

  it("sent automatically (an out-of-office answer) neither lands nor gets a bounce", async () => {
    const { receipt, replyTo } = await reported();
    await send({ to: replyTo, text: "Saya sedang cuti sampai Senin.", headers: { "Auto-Submitted": "auto-replied" } });
    await send({ from: "robot@luar.example", to: replyTo, text: "Out of office", headers: { "Auto-Submitted": "auto-replied" } });
    await send({ from: "list@luar.example", to: replyTo, text: "Newsletter", headers: { Precedence: "bulk" } });
    expect((await track(receipt)).timeline.some((e) => e.kind === "REPORTER_MESSAGE")).toBe(false);
    expect(await bouncesTo(REPORTER)).toEqual([]);
    expect(await bouncesTo("robot@luar.example")).toEqual([]);
    expect(await bouncesTo("list@luar.example")).toEqual([]);
  });
});

describe("a mail to a site's desk address", () => {
  it("opens a ticket with channel EMAIL, the reporter from the From header, the description from the body", async () => {
    await send({
      from: "Siti Aminah <Siti@Contoh.Example>",
      to: DESK,
      subject: "Printer lantai 3 mati",
      text: "Printer di lantai 3 tidak menyala sejak pagi.\n\n-- \nSiti Aminah\nBagian Keuangan",
      attachments: [{ filename: "printer.png", content: PNG }],
    });
    const [row] = (await gw.services.ds.query("SELECT id FROM ticket WHERE site_id = ? AND reporter_email = ?", [gw.site.id, "siti@contoh.example"])) as Array<{ id: string }>;
    expect(row).toBeDefined();
    const { ticket } = await desk<{ ticket: { channel: string; status: string; reporterName: string; reporterEmail: string; description: string; problemType: string; attachments: Array<{ filename: string }> } }>(
      gw,
      supervisor,
      `query($id: ID!) { ticket(id: $id) { channel status reporterName reporterEmail description problemType attachments { filename } } }`,
      { id: row!.id },
    );
    expect(ticket).toEqual({
      channel: "EMAIL",
      status: "NEW",
      reporterName: "Siti Aminah",
      reporterEmail: "siti@contoh.example",
      description: "Printer di lantai 3 tidak menyala sejak pagi.",
      problemType: "Printer lantai 3 mati",
      attachments: [{ filename: "printer.png" }],
    });
  });

  it("opens nothing for a delivery report (a bounce of a notification: the null return path), so bounces cannot loop", async () => {
    await send({
      envelope: { from: "", to: [DESK] },
      from: "MAILER-DAEMON@mx.luar.example",
      to: DESK,
      subject: "Undelivered Mail Returned to Sender",
      text: "This is the mail system at host mx.luar.example. Your message could not be delivered.",
    });
    const rows = (await gw.services.ds.query("SELECT id FROM ticket WHERE site_id = ? AND reporter_email = ?", [gw.site.id, "mailer-daemon@mx.luar.example"])) as unknown[];
    expect(rows).toEqual([]);
  });

  it("refuses at RCPT an address that is neither a desk nor a reply address", async () => {
    await expect(send({ to: "someone-else@contoh.example", text: "Halo" })).rejects.toMatchObject({ responseCode: 550 });
  });
});
