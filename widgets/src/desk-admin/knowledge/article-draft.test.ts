import { describe, expect, it } from "vitest";
import { toArticleInput, toArticleSearch } from "./article-draft.js";

describe("toArticleInput", () => {
  it.each([
    [
      null,
      { title: "Printer", body: "Restart it.", language: "en", serviceId: "", categoryId: "", visibility: "PUBLIC" },
      { title: "Printer", body: "Restart it.", language: "en", serviceId: null, categoryId: null, visibility: "PUBLIC" },
    ],
    [
      "a1",
      { title: " Ipos ", body: "x", language: "id", serviceId: "s1", categoryId: "c1", visibility: "INTERNAL" },
      { id: "a1", title: " Ipos ", body: "x", language: "id", serviceId: "s1", categoryId: "c1", visibility: "INTERNAL" },
    ],
    [null, {}, { title: "", body: "", language: "", serviceId: null, categoryId: null, visibility: "PUBLIC" }],
  ])("sends the form of %s as typed", (editing, typed: Record<string, string>, expected) => {
    expect(toArticleInput(editing, (name) => typed[name] ?? "")).toEqual(expected);
  });
});

describe("toArticleSearch", () => {
  it.each([
    [{}, { filter: null, status: null }],
    [{ query: "  ", language: "", status: "" }, { filter: null, status: null }],
    [{ query: " printer jam ", language: "en", status: "DRAFT" }, { filter: { query: "printer jam", language: "en" }, status: "DRAFT" }],
    [{ language: "id" }, { filter: { language: "id" }, status: null }],
    [{ status: "PUBLISHED" }, { filter: null, status: "PUBLISHED" }],
  ])("reads the filters %j", (typed: Record<string, string>, expected) => {
    expect(toArticleSearch((name) => typed[name] ?? "")).toEqual(expected);
  });
});
