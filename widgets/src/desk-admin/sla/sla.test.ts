import { describe, expect, it } from "vitest";
import { typeWords } from "../choices.js";
import install from "./sla.messages.id.js";
import { slaMessages } from "./sla.messages.js";

describe("<sigap-admin-sla>", () => {
  it("has every word in both languages, the ticket types' names with them", () => {
    install();
    expect(Object.keys(slaMessages.id ?? {}).sort()).toEqual(Object.keys(slaMessages.en).sort());
    expect(Object.keys(typeWords.id ?? {}).sort()).toEqual(Object.keys(typeWords.en).sort());
  });
});
