import { describe, expect, it } from "vitest";
import type { LocaleController } from "../locale.js";
import { rupiah } from "./rupiah.js";

const reader = (locale: string) => ({ locale }) as LocaleController;

describe("rupiah", () => {
  it.each([
    ["id-ID", 1_600_000, "Rp\u00a01.600.000"],
    ["en-GB", 1_600_000, "IDR\u00a01,600,000"],
    ["id-ID", 0, "Rp\u00a00"],
    ["en-GB", 2_000_000_000, "IDR\u00a02,000,000,000"],
  ])("writes whole rupiah in %s: %d is %s", (locale, amount, text) => {
    expect(rupiah(reader(locale), amount)).toBe(text);
  });
});
