import { describe, expect, it } from "vitest";
import { openKey, withdrawWords } from "./withdraw-part.js";

describe("the tracker's withdrawal part", () => {
  it.each([
    ["SERVICE_REQUEST", "open.request", "Withdraw request", "Tarik permintaan"],
    ["INCIDENT", "open.ticket", "Withdraw ticket", "Tarik tiket"],
    ["WORK_ORDER", "open.ticket", "Withdraw ticket", "Tarik tiket"],
  ] as const)("names the action on a %s %s (%s, %s)", (type, key, en, id) => {
    expect(openKey(type)).toBe(key);
    expect([withdrawWords.en[openKey(type)], withdrawWords.id[openKey(type)]]).toEqual([en, id]);
  });

  it("has every word in both languages, and the confirmation names the ticket in both", () => {
    expect(Object.keys(withdrawWords.id).sort()).toEqual(Object.keys(withdrawWords.en).sort());
    expect([withdrawWords.en.confirm, withdrawWords.id.confirm].every((w) => w.includes("{code}"))).toBe(true);
  });
});
