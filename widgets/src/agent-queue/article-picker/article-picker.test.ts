import { describe, expect, it } from "vitest";
import { SigapArticlePicker } from "./article-picker.component.js";

describe("<sigap-article-picker>", () => {
  it("reads no attribute but `theme`: the composer hands it the gateway, the ticket and the field", () => {
    expect(SigapArticlePicker.observedAttributes.sort()).toEqual(["theme"]);
  });

  it("starts with nothing to suggest until a ticket is given", () => {
    const picker = new SigapArticlePicker();
    expect(picker.ticket).toBeNull();
    expect(picker.field).toBeNull();
  });
});
