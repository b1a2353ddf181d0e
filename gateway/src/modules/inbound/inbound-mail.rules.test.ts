import { describe, expect, it } from "vitest";
import { bounceLanguage, bounceRecipient, bounceText, envelopeFromHeaders, fitText, isAutoSubmitted, isDeliveryReport, normalizeAddress } from "./inbound-mail.rules.js";

const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;

describe("isAutoSubmitted", () => {
  it.each([
    [{}, "budi@contoh.example", false],
    [{ "auto-submitted": "no" }, "budi@contoh.example", false],
    [{ "auto-submitted": "auto-replied" }, "budi@contoh.example", true],
    [{ "auto-submitted": "auto-generated" }, "budi@contoh.example", true],
    [{ precedence: "bulk" }, "budi@contoh.example", true],
    [{ precedence: "junk" }, "budi@contoh.example", true],
    [{ precedence: "list" }, "budi@contoh.example", true],
    [{ precedence: "first-class" }, "budi@contoh.example", false],
    [{ "x-auto-response-suppress": "All" }, "budi@contoh.example", true],
    [{}, "MAILER-DAEMON@mx.contoh.example", true],
    [{}, null, false],
  ])("%j from %s: %s", (h, sender, expected) => {
    expect(isAutoSubmitted(headers(h), sender)).toBe(expected);
  });
});

describe("bounceRecipient", () => {
  it.each([
    ["budi@contoh.example", false, "budi@contoh.example"],
    ["<Budi@Contoh.Example>", false, "budi@contoh.example"],
    ["", false, null],
    ["<>", false, null],
    [null, false, null],
    ["budi@contoh.example", true, null],
  ])("return path %j, auto %s: %s", (returnPath, auto, expected) => {
    expect(bounceRecipient(returnPath, auto)).toBe(expected);
  });
});

describe("normalizeAddress", () => {
  it.each([
    [" Budi@Contoh.EXAMPLE ", "budi@contoh.example"],
    ["not an address", null],
    ["a@b@c", null],
    [undefined, null],
  ])("%j: %s", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });
});

describe("bounceLanguage and bounceText", () => {
  it.each([
    [{ "content-language": "id" }, "id"],
    [{ "content-language": "id-ID" }, "id"],
    [{ "content-language": "en-US" }, "en"],
    [{}, "en"],
  ])("%j: %s", (h, expected) => {
    expect(bounceLanguage(headers(h))).toBe(expected);
  });

  it("has a sentence for every reason in both languages", () => {
    for (const reason of ["NOT_REPORTER", "UNKNOWN_RECIPIENT", "TICKET_CLOSED", "FILE_TOO_LARGE", "FILE_TYPE", "TOO_MANY_FILES", "EMPTY", "REFUSED"] as const) {
      expect(bounceText(reason, "en")).toMatch(/\.$/);
      expect(bounceText(reason, "id")).toMatch(/\.$/);
    }
  });
});

describe("fitText", () => {
  it.each([
    ["short", 10, "short"],
    ["0123456789abc", 10, "01234567 …"],
    ["😀😀😀", 3, "😀😀😀"],
  ])("%j to %i: %j", (input, max, expected) => {
    expect(fitText(input, max)).toBe(expected);
  });
});

describe("envelopeFromHeaders", () => {
  it.each([
    ["Return-Path: <budi@contoh.example>\r\nFrom: Budi <other@contoh.example>\r\nDelivered-To: helpdesk@contoh.example", { mailFrom: "budi@contoh.example", rcptTo: ["helpdesk@contoh.example"] }],
    ["Return-Path: <>\nFrom: MAILER-DAEMON@mx.example\nX-Original-To: reply+x@reply.example", { mailFrom: null, rcptTo: ["reply+x@reply.example"] }],
    ["From: Budi Santoso\n <Budi@Contoh.example>\nTo: helpdesk@contoh.example", { mailFrom: "budi@contoh.example", rcptTo: [] }],
    ["Subject: none", { mailFrom: null, rcptTo: [] }],
  ])("%j", (headers, expected) => {
    expect(envelopeFromHeaders(headers)).toEqual(expected);
  });
});

describe("isDeliveryReport", () => {
  it.each([
    [{}, "budi@contoh.example", false],
    [{}, "", true],
    [{}, "<>", true],
    [{}, null, true],
    [{ "content-type": 'multipart/report; report-type=delivery-status; boundary="x"' }, "budi@contoh.example", true],
    [{ "content-type": "multipart/mixed" }, "budi@contoh.example", false],
  ])("%j with return path %j: %s", (h, returnPath, expected) => {
    expect(isDeliveryReport(headers(h), returnPath)).toBe(expected);
  });
});
