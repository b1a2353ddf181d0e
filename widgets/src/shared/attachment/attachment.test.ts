import { nothing } from "lit";
import { describe, expect, it } from "vitest";
import { SigapAttachment } from "./attachment.component.js";

describe("<sigap-attachment>", () => {
  it("takes its download URL from `href` and the agent's bearer from `token`", () => {
    expect(SigapAttachment.observedAttributes.sort()).toEqual(["href", "token"]);
  });

  it("renders nothing until it is given a file", () => {
    const el = new SigapAttachment();
    expect(el.file).toBeNull();
    expect(el.render()).toBe(nothing);
  });
});
