import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, report, startTestGateway, type TestGateway } from "./harness.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

/** A 1×1 transparent PNG: signature, IHDR, IDAT and IEND with valid CRCs. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
/** The start of a 64-bit Linux executable. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
/** The start of a zip archive (a local file header). */
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]), Buffer.alloc(40)]);

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

interface UploadReply {
  status: number;
  body: { id: string; filename: string; contentType: string; size: number; sha256: string; errors?: Array<{ message: string; extensions: { code: string } }> };
}

/** Who sends a request: the site key (default), an agent token, or nobody. */
interface As {
  token?: string;
  siteKey?: string | null;
  origin?: string;
}

function credentials(as: As = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const key = as.siteKey === undefined ? gw.siteKey : as.siteKey;
  if (as.token) headers["authorization"] = `Bearer ${as.token}`;
  else if (key) headers["x-sigap-site-key"] = key;
  if (as.origin) headers["origin"] = as.origin;
  return headers;
}

async function uploadForm(form: FormData, as: As = {}): Promise<UploadReply> {
  const res = await fetch(`${gw.url}/uploads`, { method: "POST", headers: credentials(as), body: form });
  return { status: res.status, body: (await res.json()) as UploadReply["body"] };
}

function upload(bytes: Buffer, filename: string, as: As = {}, claimedType = "application/octet-stream"): Promise<UploadReply> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: claimedType }), filename);
  return uploadForm(form, as);
}

async function uploaded(bytes: Buffer, filename: string, as: As = {}): Promise<string> {
  const r = await upload(bytes, filename, as);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

function download(url: string, as: As = {}): Promise<Response> {
  return fetch(`${gw.url}${url}`, { headers: as.token ? { authorization: `Bearer ${as.token}` } : {} });
}

const reporterUrl = (id: string, code: string, token: string, siteKey = gw.siteKey) =>
  `/attachments/${id}?${new URLSearchParams({ code, token, siteKey })}`;

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { code trackingToken } }`;
const TRACK = `query($code: String!, $token: String!) { trackTicket(code: $code, token: $token) { attachments { id filename contentType size url } } }`;

describe("POST /uploads", () => {
  it("stores a PNG sent with the site key and answers 201 with its id, sniffed type, size and sha256", async () => {
    const r = await upload(PNG, "layar error.png", { origin: gw.origin }, "text/plain");
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), filename: "layar error.png", contentType: "image/png", size: PNG.length, sha256: sha256(PNG) });
  });

  it("accepts an upload from an agent token", async () => {
    const token = await gw.agentToken(Role.AGENT);
    const r = await upload(Buffer.from("Log dari server:\nERROR 500 di /login\n"), "server.log", { token });
    expect(r.status).toBe(201);
    expect(r.body.contentType).toBe("text/plain");
  });

  it("keeps only the last segment of a path-like filename", async () => {
    const r = await upload(PNG, "..\\..\\windows/system32/evil.png");
    expect(r.status).toBe(201);
    expect(r.body.filename).toBe("evil.png");
  });

  it.each([
    ["an ELF executable named .png", ELF, "screenshot.png", "application/x-elf"],
    ["a zip archive named .jpg", ZIP, "photo.jpg", "application/zip"],
    ["unknown binary named .txt", Buffer.from([0, 1, 2, 3, 0xff, 0xfe]), "notes.txt", "application/octet-stream"],
  ])("refuses %s with 415 naming the sniffed type and the allowed ones", async (_what, bytes, filename, sniffed) => {
    const r = await upload(bytes, filename, {}, "image/png");
    expect(r.status).toBe(415);
    expect(r.body.errors?.[0]?.extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(r.body.errors?.[0]?.message).toContain(sniffed);
    expect(r.body.errors?.[0]?.message).toContain("image/png");
  });

  it("refuses a file over the site's limit with 413 naming the limit in MB", async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(gw.site.maxUploadBytes + 1024 * 1024 - PNG.length)]);
    const r = await upload(big, "huge.png");
    expect(r.status).toBe(413);
    expect(r.body.errors?.[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(r.body.errors?.[0]?.message).toContain("10 MB");
  });

  it("stops reading a streamed upload with no Content-Length at the limit and answers 413", async () => {
    const boundary = "sigapboundary42";
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`));
      },
      pull(controller) {
        if (sent >= 12) {
          controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        sent++;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${gw.url}/uploads`, {
      method: "POST",
      headers: { ...credentials(), "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      // A stream body goes out chunked, with no Content-Length for the gateway to refuse early.
      duplex: "half",
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as UploadReply["body"]).errors?.[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a request without a file, or with two, with 400 BAD_USER_INPUT", async () => {
    const none = new FormData();
    none.append("note", "no file here");
    const two = new FormData();
    two.append("file", new Blob([PNG]), "a.png");
    two.append("file", new Blob([PNG]), "b.png");
    const wrongField = new FormData();
    wrongField.append("upload", new Blob([PNG]), "a.png");
    for (const form of [none, two, wrongField]) {
      const r = await uploadForm(form);
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses a body that is not multipart with 400", async () => {
    const res = await fetch(`${gw.url}/uploads`, { method: "POST", headers: { ...credentials(), "content-type": "image/png" }, body: PNG });
    expect(res.status).toBe(400);
    expect(((await res.json()) as UploadReply["body"]).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses an upload without credentials with 401, a bad agent token with 401, and a foreign origin with 403", async () => {
    const anonymous = await upload(PNG, "a.png", { siteKey: null });
    expect([anonymous.status, anonymous.body.errors?.[0]?.extensions.code]).toEqual([401, "UNAUTHENTICATED"]);
    const unknownKey = await upload(PNG, "a.png", { siteKey: "pk_nobody" });
    expect([unknownKey.status, unknownKey.body.errors?.[0]?.extensions.code]).toEqual([401, "UNAUTHENTICATED"]);
    const forged = await upload(PNG, "a.png", { token: "not.a.jwt" });
    expect([forged.status, forged.body.errors?.[0]?.extensions.code]).toEqual([401, "UNAUTHENTICATED"]);
    const foreign = await upload(PNG, "a.png", { origin: "https://evil.example" });
    expect([foreign.status, foreign.body.errors?.[0]?.extensions.code]).toEqual([403, "FORBIDDEN"]);
  });
});

describe("evidence on a ticket", () => {
  it("links an upload to a report, lists it on the ticket and serves it byte for byte to the reporter", async () => {
    const id = await uploaded(PNG, "bukti_Ø.png");
    const receipt = await report(gw, { attachmentIds: [id] });

    const tracked = await gw.gql<{ trackTicket: { attachments: Array<{ id: string; filename: string; contentType: string; size: number; url: string }> } }>(TRACK, {
      code: receipt.code,
      token: receipt.trackingToken,
    });
    expect(tracked.errors).toBeUndefined();
    const [file] = tracked.data!.trackTicket.attachments;
    expect(file).toEqual({ id, filename: "bukti_Ø.png", contentType: "image/png", size: PNG.length, url: `/attachments/${id}` });

    const res = await download(reporterUrl(id, receipt.code, receipt.trackingToken));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toContain("attachment;");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''bukti_%C3%98.png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("accepts the site key in the header instead of the query", async () => {
    const id = await uploaded(PNG, "a.png");
    const receipt = await report(gw, { attachmentIds: [id] });
    const res = await fetch(`${gw.url}/attachments/${id}?${new URLSearchParams({ code: receipt.code, token: receipt.trackingToken })}`, {
      headers: { "x-sigap-site-key": gw.siteKey },
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it("serves a linked file to an agent of the site", async () => {
    const id = await uploaded(PNG, "a.png");
    await report(gw, { attachmentIds: [id] });
    const res = await download(`/attachments/${id}`, { token: await gw.agentToken(Role.AGENT) });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("answers 404 alike for a wrong token, another ticket's credentials, no credentials and an unknown id", async () => {
    const id = await uploaded(PNG, "a.png");
    const mine = await report(gw, { attachmentIds: [id] });
    const other = await report(gw, { description: "another ticket" });
    const attempts = [
      reporterUrl(id, mine.code, "wrong-token-000000000000"),
      reporterUrl(id, other.code, other.trackingToken),
      `/attachments/${id}`,
      `/attachments/${id}?${new URLSearchParams({ code: mine.code, token: mine.trackingToken })}`,
      reporterUrl("00000000-0000-4000-8000-000000000000", mine.code, mine.trackingToken),
      reporterUrl(encodeURIComponent("../../etc/passwd"), mine.code, mine.trackingToken),
    ];
    const answers = await Promise.all(attempts.map(async (url) => {
      const res = await download(url);
      return { status: res.status, body: (await res.json()) as UploadReply["body"] };
    }));
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.body.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    }
    expect(new Set(answers.map((a) => a.body.errors?.[0]?.message)).size).toBe(1);
  });

  it("serves an upload not yet linked to an agent of the site only", async () => {
    const id = await uploaded(PNG, "a.png");
    const someone = await report(gw, { description: "unrelated" });
    expect((await download(reporterUrl(id, someone.code, someone.trackingToken))).status).toBe(404);
    const res = await download(`/attachments/${id}`, { token: await gw.agentToken(Role.AGENT) });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it("refuses an attachment id already linked to another ticket with BAD_USER_INPUT", async () => {
    const id = await uploaded(PNG, "a.png");
    await report(gw, { attachmentIds: [id] });
    const again = await gw.gql(REPORT, { input: { reporterName: "Siti", description: "Laptop mati", attachmentIds: [id] } });
    expect(codeOf(again)).toBe("BAD_USER_INPUT");
  });

  it("links an upload sent with a reporter's reply and lets the reporter download it", async () => {
    const receipt = await report(gw);
    const id = await uploaded(Buffer.from("Langkah yang sudah dicoba: restart router\n"), "langkah.txt");
    const r = await gw.gql(
      `mutation($code: String!, $token: String!, $input: MessageInput!) { addReporterMessage(code: $code, token: $token, input: $input) { attachments { id } } }`,
      { code: receipt.code, token: receipt.trackingToken, input: { body: "Ini log-nya", attachmentIds: [id] } },
    );
    expect(r.errors).toBeUndefined();
    const res = await download(reporterUrl(id, receipt.code, receipt.trackingToken));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe("Langkah yang sudah dicoba: restart router\n");
  });
});
