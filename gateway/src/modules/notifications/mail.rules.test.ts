import { describe, expect, it } from "vitest";
import { TicketEventKind } from "../tickets/ticket.enums.js";
import { deskMailsEntry, escapeHtml, mailsReporter, safeColor, safeUrl, trackingLink } from "./mail.rules.js";
import { renderMail } from "./mail-templates.js";

describe("mail rules", () => {
  it.each([
    [null, "https://desk.example", "01.01012026.001", "tok", "https://desk.example/demo/portal/track.html?code=01.01012026.001&token=tok"],
    ["https://company.example/lacak?c={code}&t={token}", "https://desk.example", "A B", "x/y", "https://company.example/lacak?c=A%20B&t=x%2Fy"],
    ["/track/{code}", "https://desk.example", "01.1", null, "https://desk.example/track/01.1"],
    ["?code={code}&token={token}", "http://127.0.0.1:4000", "C", null, "http://127.0.0.1:4000/?code=C&token="],
  ])("tracking link of %s on %s", (template, base, code, token, expected) => {
    expect(trackingLink(template, base, code, token)).toBe(expected);
  });

  it.each([
    [null, "ticket.status_changed", true],
    [null, "ticket.closed", true],
    [["resolved"], "ticket.status_changed", false],
    [["resolved"], "ticket.resolved", true],
    [[], "ticket.closed", false],
    [[], "ticket.message_added", true],
  ] as const)("site choice %j mails the reporter on %s: %s", (choice, type, expected) => {
    expect(mailsReporter(choice, type)).toBe(expected);
  });

  it.each([
    [TicketEventKind.AUTO_ESCALATED, false],
    [TicketEventKind.ESCALATED, true],
    [TicketEventKind.ASSIGNED, true],
    [TicketEventKind.REPORTER_MESSAGE, true],
  ])("the desk planner mails about a %s entry: %s (the ladder mails its own steps)", (kind, expected) => {
    expect(deskMailsEntry(kind)).toBe(expected);
  });

  it.each([
    ['<a href="x">&\'', "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"],
    ["plain", "plain"],
  ])("escapes %s", (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  it.each([
    ["#ff0000", "#ff0000"],
    ["red;background:url(x)", "#0b6e4f"],
    [null, "#0b6e4f"],
  ])("colour %s is %s", (raw, safe) => {
    expect(safeColor(raw)).toBe(safe);
  });

  it.each([
    ["https://x.example/logo.png", "https://x.example/logo.png"],
    ["javascript:alert(1)", null],
    ['https://x.example/"onload=', null],
  ])("url %s is %s", (raw, safe) => {
    expect(safeUrl(raw)).toBe(safe);
  });
});

describe("mail templates", () => {
  const brand = { siteName: "PT <Contoh>", accentColor: "#123456", logoUrl: null, timeZone: "Asia/Jakarta" };

  it.each([
    ["id", "Laporan Anda diterima: 01.1"],
    ["en", "We received your report: 01.1"],
  ] as const)("writes the receipt in %s", (language, subject) => {
    const mail = renderMail("receipt", language, { code: "01.1", reporterName: "Budi", priority: "P3", responseDueAt: "2026-01-01T00:00:00Z", resolutionDueAt: "2026-01-02T00:00:00Z", link: "https://x.example/t?code=01.1" }, brand);
    expect(mail.subject).toBe(`${subject} · PT <Contoh>`);
    expect(mail.text).toContain("https://x.example/t?code=01.1");
    expect(mail.html).toContain("PT &lt;Contoh&gt;");
    expect(mail.html).toContain("#123456");
  });

  it("escapes what people wrote", () => {
    const mail = renderMail("desk-reporter-message", "en", { code: "C", reporterName: "<b>x</b>", body: "<script>alert(1)</script>" }, brand);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.text).toContain("> <script>alert(1)</script>");
  });
});
