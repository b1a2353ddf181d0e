import { describe, expect, it } from "vitest";
import { CLOSURE_CODE_LIST, CLOSURE_CODES, closureCodeError, codeLabel, isClosureCode, PENDING_REASON_LABEL } from "./closure.rules.js";
import { PendingReason } from "./ticket.enums.js";

describe("closure codes", () => {
  it("include the codes the desk has always offered, each labelled in English and Indonesian", () => {
    expect(CLOSURE_CODE_LIST).toEqual(expect.arrayContaining(["FIXED", "WORKAROUND", "NO_FAULT_FOUND", "DUPLICATE", "USER_ERROR", "REFERRED"]));
    for (const code of CLOSURE_CODE_LIST) {
      expect(CLOSURE_CODES[code].en).toMatch(/^[A-Z]/);
      expect(CLOSURE_CODES[code].id).toMatch(/^[A-Z]/);
    }
  });

  it.each([
    ["FIXED", true],
    ["WORKAROUND", true],
    ["REFERRED", true],
    ["fixed", false],
    ["X", false],
    ["", false],
    ["toString", false],
    ["__proto__", false],
  ])("accepts %j: %s", (code, ok) => {
    expect(isClosureCode(code)).toBe(ok);
    expect(closureCodeError(code) === null).toBe(ok);
  });

  it("names every valid code when refusing one", () => {
    const message = closureCodeError("SOLVED")!;
    for (const code of CLOSURE_CODE_LIST) expect(message).toContain(code);
    expect(message).toContain('"SOLVED"');
  });
});

describe("codeLabel", () => {
  it.each([
    ["FIXED", "Fixed", "Diperbaiki"],
    ["REPORTER", "Waiting for the reporter", "Menunggu pelapor"],
    ["THIRD_PARTY", "Waiting for a third party", "Menunggu pihak ketiga"],
  ])("labels %s", (code, en, id) => {
    expect(codeLabel(code)).toEqual({ en, id });
  });

  it.each([[null], [undefined], [""], ["LEGACY_CODE"]])("has no label for %j", (code) => {
    expect(codeLabel(code)).toBeNull();
  });

  it("labels every pending reason", () => {
    expect(Object.keys(PENDING_REASON_LABEL).sort()).toEqual(Object.values(PendingReason).sort());
  });
});
