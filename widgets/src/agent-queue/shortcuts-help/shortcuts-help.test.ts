import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../shortcuts/shortcuts.rules.js";
import { helpMessages } from "./shortcuts-help.messages.js";
import install from "./shortcuts-help.messages.id.js";

describe("<sigap-shortcuts-help>", () => {
  it("has words for every shortcut it lists, in English and Indonesian", () => {
    install();
    for (const s of SHORTCUTS) {
      expect(helpMessages.en[s.what]).toBeTruthy();
      expect(helpMessages.id?.[s.what]).toBeTruthy();
    }
    expect(Object.keys(helpMessages.id ?? {}).sort()).toEqual(Object.keys(helpMessages.en).sort());
  });

  it("lists every key once", () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
