import { describe, expect, it } from "vitest";
import { approvalDocumentHref } from "./approval-part.js";

describe("approvalDocumentHref", () => {
  it.each([
    ["/documents/approval/01.30112026.001", "https://desk.example/graphql", "https://desk.example/documents/approval/01.30112026.001?siteKey=pk_x&token=t+1"],
    ["/documents/approval/01.30112026.001", "https://host.example/sigap/graphql", "https://host.example/documents/approval/01.30112026.001?siteKey=pk_x&token=t+1"],
  ])("%s beside %s is %s", (path, graphql, href) => {
    expect(approvalDocumentHref(path, graphql, { siteKey: "pk_x", token: "t 1" })).toBe(href);
  });
});
