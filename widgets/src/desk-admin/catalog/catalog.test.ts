import { describe, expect, it } from "vitest";
import install from "./catalog.messages.id.js";
import { catalogMessages } from "./catalog.messages.js";

describe("<sigap-admin-catalog>", () => {
  it("has every word in both languages", () => {
    install();
    expect(Object.keys(catalogMessages.id ?? {}).sort()).toEqual(Object.keys(catalogMessages.en).sort());
  });
});
