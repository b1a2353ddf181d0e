import { describe, expect, it } from "vitest";
import { Role } from "../agents/role.js";
import {
  articleProblems,
  articleRights,
  articleSummary,
  ArticleStatus as S,
  ArticleVisibility as V,
  draftFromTicket,
  mayEdit,
  nextArticleStatuses,
  publiclyReadable,
  transitionProblem,
  type ArticleRights,
} from "./article.rules.js";

const WRITER: ArticleRights = { write: true, publish: false };
const PUBLISHER: ArticleRights = { write: true, publish: true };

describe("nextArticleStatuses", () => {
  // Written out by hand: a change to the review path fails here first.
  it.each([
    [S.DRAFT, WRITER, [S.IN_REVIEW]],
    [S.DRAFT, PUBLISHER, [S.IN_REVIEW]],
    [S.IN_REVIEW, WRITER, [S.DRAFT]],
    [S.IN_REVIEW, PUBLISHER, [S.DRAFT, S.PUBLISHED]],
    [S.PUBLISHED, WRITER, []],
    [S.PUBLISHED, PUBLISHER, [S.ARCHIVED]],
    [S.ARCHIVED, WRITER, [S.DRAFT]],
    [S.ARCHIVED, PUBLISHER, [S.DRAFT]],
  ])("from %s, %j may go to %j", (from, rights, to) => {
    expect(nextArticleStatuses(from, rights)).toEqual(to);
  });
});

describe("transitionProblem", () => {
  it.each([
    [S.DRAFT, S.IN_REVIEW, WRITER, null],
    [S.IN_REVIEW, S.PUBLISHED, WRITER, "Only a supervisor and up may move an article from IN_REVIEW to PUBLISHED."],
    [S.IN_REVIEW, S.PUBLISHED, PUBLISHER, null],
    [S.DRAFT, S.PUBLISHED, PUBLISHER, "An article cannot move from DRAFT to PUBLISHED."],
    [S.PUBLISHED, S.DRAFT, PUBLISHER, "An article cannot move from PUBLISHED to DRAFT."],
    [S.PUBLISHED, S.ARCHIVED, WRITER, "Only a supervisor and up may move an article from PUBLISHED to ARCHIVED."],
    [S.DRAFT, S.DRAFT, WRITER, "An article cannot move from DRAFT to DRAFT."],
  ])("%s → %s for %j: %s", (from, to, rights, problem) => {
    expect(transitionProblem(from, to, rights)).toBe(problem);
  });
});

describe("articleRights", () => {
  it.each([
    [Role.AGENT, WRITER],
    [Role.SPECIALIST, WRITER],
    [Role.SUPERVISOR, PUBLISHER],
    [Role.MANAGER, PUBLISHER],
    [Role.ADMIN, PUBLISHER],
  ])("gives a %s %j", (role, rights) => {
    expect(articleRights(role)).toEqual(rights);
  });
});

describe("mayEdit", () => {
  it.each([
    [S.DRAFT, WRITER, true],
    [S.IN_REVIEW, WRITER, true],
    [S.PUBLISHED, WRITER, false],
    [S.PUBLISHED, PUBLISHER, true],
    [S.ARCHIVED, PUBLISHER, false],
  ])("%s for %j: %s", (status, rights, may) => {
    expect(mayEdit(status, rights)).toBe(may);
  });
});

describe("publiclyReadable", () => {
  it.each([
    [S.PUBLISHED, V.PUBLIC, true],
    [S.PUBLISHED, V.INTERNAL, false],
    [S.DRAFT, V.PUBLIC, false],
    [S.IN_REVIEW, V.PUBLIC, false],
    [S.ARCHIVED, V.PUBLIC, false],
  ])("%s and %s: %s", (status, visibility, readable) => {
    expect(publiclyReadable({ status, visibility })).toBe(readable);
  });
});

describe("articleProblems", () => {
  it.each([
    ["a fine article", { language: "id", title: "Printer macet", body: "Matikan lalu nyalakan." }, []],
    ["a blank title and body", { language: "en", title: "  ", body: "" }, ["title", "body"]],
    ["a foreign language", { language: "fr", title: "T", body: "B" }, ["language"]],
    ["a title of 200 emoji (200 characters as the databases count)", { language: "id", title: "🖨".repeat(200), body: "B" }, []],
    ["a title of 201 characters", { language: "id", title: "a".repeat(201), body: "B" }, ["title"]],
    ["a body of 5001 characters", { language: "id", title: "T", body: "a".repeat(5001) }, ["body"]],
  ])("%s", (_, draft, fields) => {
    expect(articleProblems(draft).map((p) => p.field)).toEqual(fields);
  });
});

describe("draftFromTicket", () => {
  it.each([
    [
      "an Indonesian ticket with a problem type",
      { code: "01.30112026.0001", problemType: "Printer macet", description: "Printer lantai 2 tidak mau mencetak", resolution: "Kabel USB diganti.", language: "id" },
      { language: "id", title: "Printer macet", body: "Gejala\nPrinter lantai 2 tidak mau mencetak\n\nPenyelesaian\nKabel USB diganti." },
    ],
    [
      "an English ticket without one: the description's first line",
      { code: "01.30112026.0002", problemType: null, description: "VPN drops every hour\nsince Monday", resolution: "Renewed the certificate.", language: "en" },
      { language: "en", title: "VPN drops every hour", body: "Symptom\nVPN drops every hour\nsince Monday\n\nFix\nRenewed the certificate." },
    ],
  ])("prefills %s", (_, ticket, draft) => {
    expect(draftFromTicket(ticket)).toEqual(draft);
    expect(articleProblems(draftFromTicket(ticket))).toEqual([]);
  });

  it("cuts a long description so the draft always saves", () => {
    const d = draftFromTicket({ code: "X", problemType: null, description: "x".repeat(5000), resolution: "ok", language: "id" });
    expect(articleProblems(d)).toEqual([]);
  });
});

describe("articleSummary", () => {
  it.each([
    ["Short.", 160, "Short."],
    ["one  two\n\nthree", 160, "one two three"],
    ["alpha beta gamma delta", 12, "alpha beta…"],
  ])("summarizes %j in %i", (body, max, summary) => {
    expect(articleSummary(body, max)).toBe(summary);
  });
});
