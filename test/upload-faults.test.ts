/**
 * Uploads that cannot hurt the process: truncated, malformed, oversized and aborted multipart
 * bodies each end their own request (with a typed 4xx where an answer is still possible), leave
 * no staging file behind, and the gateway keeps serving; a storage fault answers a retryable 503;
 * and uploads never linked to a ticket are deleted after a day.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, report, startTestGateway, type TestGateway } from "./harness.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const B = "sigapfault7";
const DAY = 24 * 60 * 60 * 1000;

const uploadsDir = () => join(gw.dataDir, "uploads");
const stagingDir = () => join(uploadsDir(), ".staging");
const staged = () => (existsSync(stagingDir()) ? readdirSync(stagingDir()) : []);

/** What came back on the raw socket: a status and a JSON body, or nothing when the connection just ended. */
interface RawReply {
  status: number | null;
  headers: string;
  body: { errors?: Array<{ message: string; extensions: { code: string; retryAfter?: number } }>; id?: string } | null;
}

/**
 * Sends a hand-made request over a raw socket, so bodies can be truncated, lie about their
 * length or stop halfway, which fetch would never send. `abortAfter` destroys the socket once
 * the body is written, without waiting for an answer.
 */
function raw(opts: { contentType?: string; body: Buffer | string; contentLength?: number; chunked?: boolean; abort?: boolean; halfClose?: boolean }): Promise<RawReply> {
  const { port } = new URL(gw.url);
  const body = Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
  const head = [
    "POST /uploads HTTP/1.1",
    "Host: 127.0.0.1",
    `X-Sigap-Site-Key: ${gw.siteKey}`,
    ...(opts.contentType === undefined ? [] : [`Content-Type: ${opts.contentType}`]),
    opts.chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${opts.contentLength ?? body.length}`,
    "Connection: close",
    "",
    "",
  ].join("\r\n");
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let out = "";
    socket.on("data", (d: Buffer) => (out += d.toString("utf8")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(out);
      const [headers = "", text = ""] = out.split("\r\n\r\n", 2);
      let parsed: RawReply["body"] = null;
      try {
        parsed = text ? (JSON.parse(text) as RawReply["body"]) : null;
      } catch {
        parsed = null;
      }
      resolve({ status: m ? Number(m[1]) : null, headers, body: parsed });
    });
    socket.write(head);
    // The chunked framing goes without its terminating zero-length chunk: the body just stops.
    socket.write(opts.chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n")]) : body, () => {
      if (opts.abort) socket.destroy();
      else if (opts.halfClose) socket.end();
    });
  });
}

const part = (headers: string, content: string | Buffer) => Buffer.concat([Buffer.from(`--${B}\r\n${headers}\r\n\r\n`), Buffer.from(content), Buffer.from("\r\n")]);
const filePart = (content: string | Buffer, name = 'name="file"; ') => part(`Content-Disposition: form-data; ${name}filename="a.txt"\r\nContent-Type: text/plain`, content);
const fieldPart = (i: number) => part(`Content-Disposition: form-data; name="f${i}"`, `value ${i}`);
const end = Buffer.from(`--${B}--\r\n`);
const MULTIPART = `multipart/form-data; boundary=${B}`;

async function healthy(): Promise<void> {
  expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
  const form = new FormData();
  form.append("file", new Blob([PNG]), "after.png");
  const res = await fetch(`${gw.url}/uploads`, { method: "POST", headers: { "x-sigap-site-key": gw.siteKey }, body: form });
  expect(res.status).toBe(201);
}

describe("POST /uploads with a hostile body", () => {
  it.each([
    ["a body cut off inside the file", MULTIPART, Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhalf a fi`)],
    ["a body that ends after the part headers", MULTIPART, Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n`)],
    ["a body that ends inside the part headers", MULTIPART, Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filen`)],
    ["a boundary that differs from the header's", "multipart/form-data; boundary=somethingelse", Buffer.concat([filePart("hello"), end])],
    ["a multipart type with no boundary", "multipart/form-data; charset=utf-8", Buffer.concat([filePart("hello"), end])],
    ["no content type at all", undefined, Buffer.concat([filePart("hello"), end])],
    ["an empty body", MULTIPART, Buffer.alloc(0)],
    ["garbage part headers", MULTIPART, Buffer.concat([Buffer.from(`--${B}\r\n\u0000\u0001: \u00ff\r\nno colon here at all\r\n\r\nxyz\r\n`), end])],
    ["part headers longer than busboy will read", MULTIPART, Buffer.concat([Buffer.from(`--${B}\r\nX-Junk: ${"a".repeat(20_000)}\r\n\r\nx\r\n`), end])],
    ["a file part without a name", MULTIPART, Buffer.concat([filePart("hello", ""), end])],
    ["a file in a part named otherwise", MULTIPART, Buffer.concat([filePart("hello", 'name="upload"; '), end])],
    ["more fields than allowed", MULTIPART, Buffer.concat([...Array.from({ length: 30 }, (_, i) => fieldPart(i)), filePart("hello"), end])],
    ["more parts than allowed", MULTIPART, Buffer.concat([...Array.from({ length: 30 }, () => part("X-Nothing: 1", "x")), filePart("hello"), end])],
    ["two files", MULTIPART, Buffer.concat([filePart("one"), filePart("two"), end])],
    ["only the closing boundary", MULTIPART, end],
  ])("answers %s with 400 BAD_USER_INPUT and keeps serving", async (_what, contentType, body) => {
    const r = await raw({ contentType, body });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body?.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(staged()).toEqual([]);
    await healthy();
  });

  it("answers a file part with many header pairs with a typed answer", async () => {
    const headers = [`Content-Disposition: form-data; name="file"; filename="a.txt"`, ...Array.from({ length: 80 }, (_, i) => `X-H${i}: ${i}`)].join("\r\n");
    const r = await raw({ contentType: MULTIPART, body: Buffer.concat([part(headers, "a text file\n"), end]) });
    // busboy keeps the first header pairs and ignores the rest: the file still arrives whole.
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await healthy();
  });

  it("refuses a declared body far over the limit with 413 before reading it", async () => {
    const r = await raw({ contentType: MULTIPART, body: filePart("tiny"), contentLength: 50 * 1024 * 1024 });
    expect(r.status).toBe(413);
    expect(r.body?.errors?.[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
    await healthy();
  });

  it("refuses a streamed file over the limit with 413 and removes its staging file", async () => {
    const big = Buffer.alloc(gw.site.maxUploadBytes + 64 * 1024, 0x61);
    const r = await raw({ contentType: MULTIPART, body: Buffer.concat([filePart(big), end]), chunked: true });
    expect(r.status).toBe(413);
    expect(r.body?.errors?.[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
    await eventually(() => staged().length === 0, "the staging file to go");
    await healthy();
  });

  it.each([
    ["a socket destroyed in the middle of the file", { abort: true }],
    ["a client that stops sending and closes its side", { halfClose: true }],
  ])("survives %s and removes the staging file", async (_what, how) => {
    const head = Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n`);
    const r = await raw({ contentType: MULTIPART, body: Buffer.concat([head, Buffer.alloc(256 * 1024, 0x62)]), contentLength: 4 * 1024 * 1024, ...how });
    // Nobody is left to answer a destroyed socket; a half-closed one may still hear its 400.
    if (r.status !== null) expect(r.status).toBe(400);
    await eventually(() => staged().length === 0, "the staging file to go");
    await healthy();
  });

  it("survives a chunked body that stops without its last chunk", async () => {
    const r = await raw({ contentType: MULTIPART, body: filePart("part of a file"), chunked: true, halfClose: true });
    if (r.status !== null) expect(r.status).toBe(400);
    await eventually(() => staged().length === 0, "the staging file to go");
    await healthy();
  });

  it("answers 503 SERVICE_UNAVAILABLE with Retry-After when the uploads folder cannot be written, and recovers", async () => {
    // Tests run as root, which ignores permission bits: a file where the folder should be fails
    // every write below it (ENOTDIR), as a read-only or missing volume would.
    rmSync(uploadsDir(), { recursive: true, force: true });
    writeFileSync(uploadsDir(), "not a folder");
    try {
      const r = await raw({ contentType: MULTIPART, body: Buffer.concat([filePart("evidence\n"), end]) });
      expect(r.status).toBe(503);
      expect(r.body?.errors?.[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(r.body?.errors?.[0]?.extensions.retryAfter).toBeGreaterThanOrEqual(1);
      expect(r.headers).toMatch(/^Retry-After: \d+$/im);
    } finally {
      rmSync(uploadsDir(), { force: true });
    }
    await healthy();
  });
});

describe("the attachment paths", () => {
  it.each([
    ["GET", "/uploads"],
    ["PUT", "/uploads"],
    ["GET", "/attachments"],
    ["GET", "/attachments/"],
    ["GET", "/attachments/a/b"],
    ["DELETE", "/attachments/00000000-0000-4000-8000-000000000000"],
  ])("answer %s %s with a typed 404, not an HTML page", async (method, path) => {
    const res = await fetch(`${gw.url}${path}`, { method, headers: { "x-sigap-site-key": gw.siteKey } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as RawReply["body"])?.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});

describe("the upload cleanup", () => {
  async function upload(): Promise<string> {
    const form = new FormData();
    form.append("file", new Blob([PNG]), "a.png");
    const res = await fetch(`${gw.url}/uploads`, { method: "POST", headers: { "x-sigap-site-key": gw.siteKey }, body: form });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const bytesOf = (id: string) => join(uploadsDir(), id.slice(0, 2), id);
  const rowOf = (id: string) => gw.services.ds.query(`SELECT id FROM attachment WHERE id = ?`, [id]) as Promise<unknown[]>;

  it("deletes an unlinked upload older than a day, row and bytes, and keeps linked and recent ones", async () => {
    const old = await upload();
    const linked = await upload();
    await report(gw, { attachmentIds: [linked] });
    gw.clock.advance(DAY - 60_000);
    const recent = await upload();
    // The first two are a day and a bit old now; the last one a minute.
    gw.clock.advance(2 * 60_000);
    expect(await gw.services.uploadCleanup.run()).toBeGreaterThanOrEqual(1);

    expect(await rowOf(old)).toEqual([]);
    expect(existsSync(bytesOf(old))).toBe(false);
    for (const kept of [linked, recent]) {
      expect(await rowOf(kept)).toHaveLength(1);
      expect(existsSync(bytesOf(kept))).toBe(true);
    }
    // A second pass (another gateway, or the next hour) finds nothing more to do.
    expect(await gw.services.uploadCleanup.run()).toBe(0);
  });

  it("lets two passes race (as two gateways would) and deletes each old upload exactly once", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => upload()));
    gw.clock.advance(DAY + 60_000);
    // Earlier tests' unlinked uploads are now old too: every one of them must go, once.
    const [{ n }] = (await gw.services.ds.query("SELECT COUNT(*) AS n FROM attachment WHERE ticket_id IS NULL")) as [{ n: number | string }];
    const [a, b] = await Promise.all([gw.services.uploadCleanup.run(), gw.services.uploadCleanup.run()]);
    expect(a + b).toBe(Number(n));
    for (const id of ids) {
      expect(await rowOf(id)).toEqual([]);
      expect(existsSync(bytesOf(id))).toBe(false);
    }
  });

  it("clears staging files older than a day and leaves young ones", async () => {
    mkdirSync(stagingDir(), { recursive: true });
    const stale = join(stagingDir(), "00000000-0000-4000-8000-000000000001.upload");
    const fresh = join(stagingDir(), "00000000-0000-4000-8000-000000000002.upload");
    writeFileSync(stale, "left by a crash");
    writeFileSync(fresh, "arriving now");
    const now = gw.clock.now().getTime();
    utimesSync(stale, new Date(now - DAY - 60_000), new Date(now - DAY - 60_000));
    utimesSync(fresh, new Date(now), new Date(now));
    expect(await gw.services.uploadCleanup.clearStaging()).toBe(1);
    expect(staged()).toEqual(["00000000-0000-4000-8000-000000000002.upload"]);
    rmSync(fresh);
  });
});
