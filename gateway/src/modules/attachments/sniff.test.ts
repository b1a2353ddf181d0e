import { describe, expect, it } from "vitest";
import { ContentSniffer, SNIFF_BYTES, TextDetector, UNKNOWN_TYPE } from "./sniff.js";

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

/** The 8-byte PNG signature and an IHDR chunk: enough for file-type. */
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0], new Array<number>(44).fill(0));
const PDF = bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n");

describe("TextDetector", () => {
  it.each([
    ["accepts ASCII", [bytes("Printer di lantai 3 macet")], true],
    ["accepts multi-byte UTF-8", [bytes("Jaringan putus — 😀 café")], true],
    ["accepts a character split across chunks", [bytes([0xf0, 0x9f]), bytes([0x98, 0x80]), bytes(" ok")], true],
    ["accepts a UTF-8 byte-order mark", [bytes([0xef, 0xbb, 0xbf], "teks")], true],
    ["accepts nothing at all", [], true],
    ["refuses a NUL byte", [bytes("abc", [0], "def")], false],
    ["refuses Latin-1 bytes that are not UTF-8", [bytes([0x63, 0x61, 0x66, 0xe9])], false],
    ["refuses a character cut off at the end", [bytes("abc", [0xe2, 0x82])], false],
    ["refuses overlong encodings", [bytes([0xc0, 0xaf])], false],
    ["stays refused after a bad chunk", [bytes([0xff]), bytes("fine text")], false],
  ])("%s", (_behaviour, chunks, expected) => {
    const detector = new TextDetector();
    for (const chunk of chunks) detector.push(chunk);
    expect(detector.end()).toBe(expected);
  });
});

describe("ContentSniffer", () => {
  it.each([
    ["names a PNG from its signature", [PNG], "image/png"],
    ["names an ELF executable whatever it is called", [ELF], "application/x-elf"],
    ["names a Windows executable", [bytes("MZ", new Array<number>(62).fill(0))], "application/x-msdownload"],
    ["names a zip archive", [bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0], new Array<number>(20).fill(0))], "application/zip"],
    ["names a PDF", [PDF], "application/pdf"],
    ["names a JPEG", [bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF", [0])], "image/jpeg"],
    ["calls UTF-8 without NUL plain text", [bytes("Nomor tiket 01.18072019.003\n")], "text/plain"],
    ["calls HTML plain text, so it is never served as a page", [bytes("<html><script>alert(1)</script></html>")], "text/plain"],
    ["sees a signature split across chunks", [PNG.subarray(0, 3), PNG.subarray(3)], "image/png"],
    ["gives up on unknown binary", [bytes([0x00, 0x01, 0x02, 0xfe, 0xff])], UNKNOWN_TYPE],
    ["judges text over the whole file, not just the head", [Buffer.alloc(SNIFF_BYTES + 10, 0x61), bytes([0])], UNKNOWN_TYPE],
  ])("%s", async (_behaviour, chunks, expected) => {
    const sniffer = new ContentSniffer();
    for (const chunk of chunks) sniffer.push(chunk);
    expect(await sniffer.contentType()).toBe(expected);
  });
});
