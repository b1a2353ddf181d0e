import { describe, expect, it } from "vitest";
import { withoutLink } from "./link-request.js";

describe("withoutLink", () => {
  it.each([
    ["https://company.example/lacak?code=01.01012026.001&link=abc", "https://company.example/lacak?code=01.01012026.001"],
    ["https://company.example/lacak?link=abc#top", "https://company.example/lacak#top"],
    ["https://company.example/lacak?code=01.01012026.001", "https://company.example/lacak?code=01.01012026.001"],
  ])("takes the used link out of %s", (href, expected) => {
    expect(withoutLink(href)).toBe(expected);
  });
});
