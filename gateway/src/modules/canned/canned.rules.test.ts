import { describe, expect, it } from "vitest";
import { byTitle, cannedMatches, cannedProblems, cannedVisible, foldTitle, languageProblem, placeholdersIn, renderCanned, titleKey, type CannedDraft } from "./canned.rules.js";

const VALUES = {
  "reporter.name": "Siti Aminah",
  "ticket.code": "INC-0001",
  "ticket.trackingLink": "https://desk.example/lacak?code=INC-0001&token=",
  "agent.name": "Budi",
  "site.name": "Pemkot Contoh",
} as const;

const draft = (over: Partial<CannedDraft>): CannedDraft => ({ title: "Greeting", body: "Hello", language: null, groupId: null, ...over });

describe("cannedProblems", () => {
  it.each([
    ["a plain response", draft({}), []],
    ["every placeholder", draft({ body: "{{reporter.name}} {{ticket.code}} {{ticket.trackingLink}} {{agent.name}} {{site.name}}" }), []],
    ["spaces inside the braces", draft({ body: "Dear {{ reporter.name }}," }), []],
    ["single braces as text", draft({ body: "a {b} c" }), []],
    ["Indonesian", draft({ language: "id" }), []],
    ["a 120-character title of emoji", draft({ title: "😀".repeat(120) }), []],
    ["an empty title", draft({ title: "  " }), [["title", "title is required"]]],
    ["a 121-character title", draft({ title: "😀".repeat(121) }), [["title", "title is too long: at most 120 characters"]]],
    ["an empty body", draft({ body: "" }), [["body", "body is required"]]],
    ["a 5001-character body", draft({ body: "x".repeat(5001) }), [["body", "body is too long: at most 5000 characters"]]],
    ["an unknown language", draft({ language: "fr" }), [["language", 'language must be id or en, or empty for any language (got "fr")']]],
  ])("takes or refuses %s", (_, d, expected) => {
    expect(cannedProblems(d).map((p) => [p.field, p.message])).toEqual(expected);
  });

  it.each([
    ["an unknown placeholder", "Hi {{reporter.phone}}", "unknown placeholder {{reporter.phone}}"],
    ["a misspelt one", "Hi {{ticket.Code}}", "unknown placeholder {{ticket.Code}}"],
    ["an empty one", "Hi {{}}", "malformed placeholder {{}}"],
    ["one with odd characters", "Hi {{reporter name}}", "malformed placeholder {{reporter name}}"],
    ["an unclosed one", "Hi {{reporter.name", '"{{" that is not closed'],
    ["one opened twice", "Hi {{ {{ticket.code}}", '"{{" that is not closed'],
    ["a stray close", "Hi reporter.name}}", '"}}" without "{{"'],
  ])("names %s in the body", (_, body, message) => {
    const problems = cannedProblems(draft({ body }));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe("body");
    expect(problems[0]!.message).toContain(message);
  });
});

describe("renderCanned", () => {
  it.each([
    ["no placeholder", "Thank you.", "Thank you."],
    ["the reporter's name", "Dear {{reporter.name}},", "Dear Siti Aminah,"],
    ["spaces inside the braces", "Dear {{ reporter.name }},", "Dear Siti Aminah,"],
    ["a repeated one", "{{ticket.code}}/{{ticket.code}}", "INC-0001/INC-0001"],
    ["the tracking link", "Track: {{ticket.trackingLink}}", "Track: https://desk.example/lacak?code=INC-0001&token="],
    ["agent and site", "{{agent.name}}, {{site.name}}", "Budi, Pemkot Contoh"],
    ["a value holding braces, not read again", "{{reporter.name}}", "Siti Aminah"],
  ])("fills %s", (_, body, expected) => {
    expect(renderCanned(body, VALUES)).toBe(expected);
  });

  it("does not read a value as a placeholder", () => {
    expect(renderCanned("{{reporter.name}}!", { ...VALUES, "reporter.name": "{{agent.name}}" })).toBe("{{agent.name}}!");
  });
});

describe("placeholdersIn", () => {
  it.each([
    ["", []],
    ["{{ticket.code}} {{reporter.name}} {{ticket.code}}", ["ticket.code", "reporter.name"]],
    ["{{nope}} {{site.name}}", ["site.name"]],
  ])("finds the placeholders of %j", (body, expected) => {
    expect(placeholdersIn(body)).toEqual(expected);
  });
});

describe("cannedVisible", () => {
  it.each([
    ["the whole site's, any language", { groupId: null, language: null }, "g1", null, true],
    ["the agent's group's", { groupId: "g1", language: null }, "g1", null, true],
    ["another group's", { groupId: "g2", language: null }, "g1", null, false],
    ["a group's, to an agent of no group", { groupId: "g1", language: null }, null, null, false],
    ["an Indonesian one when Indonesian is asked", { groupId: null, language: "id" }, null, "id", true],
    ["an any-language one when Indonesian is asked", { groupId: null, language: null }, null, "id", true],
    ["an English one when Indonesian is asked", { groupId: null, language: "en" }, null, "id", false],
  ])("decides %s", (_, response, group, language, expected) => {
    expect(cannedVisible(response, group, language)).toBe(expected);
  });
});

describe("cannedMatches", () => {
  it.each([
    [null, true],
    ["", true],
    ["printer", true],
    ["PRINTER paper", true],
    ["printer toner", false],
    ["greet", true],
  ])("matches the search %j", (search, expected) => {
    expect(cannedMatches({ title: "Greeting", body: "Your printer needs paper." }, search)).toBe(expected);
  });
});

describe("titleKey and languageProblem", () => {
  it.each([
    ["  Greeting ", "greeting"],
    ["ＧＲＥＥＴＩＮＧ", "greeting"],
    ["Café", "café"],
  ])("folds %j", (title, folded) => {
    expect(foldTitle(title)).toBe(folded);
  });

  it.each([
    ["Greeting", " greeting", true],
    ["ＧＲＥＥＴＩＮＧ", "greeting", true],
    ["Café", "Cafe", false],
    ["ﷺ".repeat(120), "ﷺ".repeat(120), true],
  ])("keys %j and %j alike: %s", (a, b, same) => {
    expect(titleKey(a) === titleKey(b)).toBe(same);
    expect(titleKey(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sorts by folded title, then any language, id, en", () => {
    const rows = [
      { title: "b", language: "en" },
      { title: "B", language: null },
      { title: "a", language: "en" },
      { title: "b", language: "id" },
    ];
    expect([...rows].sort(byTitle)).toEqual([
      { title: "a", language: "en" },
      { title: "B", language: null },
      { title: "b", language: "id" },
      { title: "b", language: "en" },
    ]);
  });

  it.each([
    [null, null],
    ["id", null],
    ["en", null],
    ["de", "language"],
  ])("checks the language filter %j", (language, field) => {
    expect(languageProblem(language)?.field ?? null).toBe(field);
  });
});
