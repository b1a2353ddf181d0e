import { describe, expect, it } from "vitest";
import { reportUrl } from "./resolution-part.js";

describe("reportUrl", () => {
  it.each([
    // endpoint, page, → report address
    ["https://desk.example/graphql", "https://company.example/lacak", "https://desk.example/documents/ticket/01.30112026.001?token=t%2B1&siteKey=pk_1&lang=id"],
    ["/graphql", "https://company.example/lacak?code=x", "https://company.example/documents/ticket/01.30112026.001?token=t%2B1&siteKey=pk_1&lang=id"],
  ])("from %s on %s opens %s", (url, page, expected) => {
    expect(reportUrl({ url, siteKey: "pk_1" }, "01.30112026.001", "t+1", "id", page)).toBe(expected);
  });
});
