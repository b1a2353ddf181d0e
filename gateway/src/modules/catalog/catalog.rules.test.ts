import { describe, expect, it } from "vitest";
import { TicketType } from "../tickets/ticket.enums.js";
import {
  catalogTicketTypes,
  categoryRetireProblem,
  groupProblems,
  groupRetireProblem,
  localize,
  nameClash,
  parentProblem,
  reorderProblem,
  textProblems,
  type CatalogLanguage,
  type LocalizedText,
  type TreeNode,
} from "./catalog.rules.js";

const id = (name: string, help: string | null = null): LocalizedText => ({ language: "id", name, help });
const en = (name: string, help: string | null = null): LocalizedText => ({ language: "en", name, help });

describe("localize", () => {
  it.each<[string, LocalizedText[], CatalogLanguage, string | null]>([
    ["gives the reader's language", [id("Jaringan"), en("Network")], "en", "Network"],
    ["gives Indonesian to an Indonesian reader", [id("Jaringan"), en("Network")], "id", "Jaringan"],
    ["falls back to Indonesian when English is missing", [id("Perangkat Keras")], "en", "Perangkat Keras"],
    ["falls back to English when Indonesian is missing", [en("Printer")], "id", "Printer"],
    ["gives nothing for an item without names", [], "id", null],
  ])("%s", (_name, texts, language, expected) => {
    expect(localize(texts, language)?.name ?? null).toBe(expected);
  });
});

describe("textProblems", () => {
  it.each<[string, Array<{ language: string; name: string; help?: string | null }>, string[]]>([
    ["accepts one name", [{ language: "id", name: "PosPay" }], []],
    ["accepts both languages with help", [{ language: "id", name: "Jaringan", help: "LAN dan WAN" }, { language: "en", name: "Network", help: null }], []],
    ["wants at least one name", [], ["names"]],
    ["refuses an unknown language", [{ language: "fr", name: "Réseau" }], ["names[0].language"]],
    ["refuses a language given twice", [{ language: "en", name: "A" }, { language: "en", name: "B" }], ["names[1].language"]],
    ["refuses a blank name", [{ language: "id", name: "   " }], ["names[0].name"]],
    ["counts characters as the database does (120 emoji fit)", [{ language: "id", name: "🖨".repeat(120) }], []],
    ["refuses 121 characters", [{ language: "id", name: "a".repeat(121) }], ["names[0].name"]],
    ["refuses a help text over 500 characters", [{ language: "en", name: "Ipos", help: "x".repeat(501) }], ["names[0].help"]],
    ["names every bad field at once", [{ language: "xx", name: "" }, { language: "en", name: "Ok", help: "y".repeat(600) }], ["names[0].language", "names[0].name", "names[1].help"]],
  ])("%s", (_name, given, fields) => {
    expect(textProblems(given).map((p) => p.field)).toEqual(fields);
  });
});

describe("nameClash", () => {
  const others = [
    { id: "a", texts: [id("Jaringan"), en("Network")] },
    { id: "b", texts: [id("Aplikasi")] },
  ];
  it.each<[string, LocalizedText[], string | null, number | null]>([
    ["finds a name taken in the same language", [id("Jaringan")], null, 0],
    ["ignores case and accents, as MySQL does", [en("netwörk")], null, 0],
    ["allows the same word in the other language", [en("Aplikasi")], null, null],
    ["allows an item to keep its own name", [id("Jaringan"), en("Network")], "a", null],
    ["names the clashing entry", [id("Baru"), en("NETWORK")], "b", 1],
  ])("%s", (_name, texts, selfId, index) => {
    expect(nameClash(texts, others, selfId)?.index ?? null).toBe(index);
  });
});

describe("parentProblem", () => {
  const tree: TreeNode[] = [
    { id: "hw", parentId: null, retired: false },
    { id: "server", parentId: "hw", retired: false },
    { id: "old", parentId: null, retired: true },
    { id: "net", parentId: null, retired: false },
  ];
  it.each<[string, string | null, string | null, RegExp | null]>([
    ["lets a category sit at the top", "server", null, null],
    ["lets a new category go under a top-level one", null, "hw", null],
    ["lets a leaf move under another parent", "server", "net", null],
    ["refuses its own parent", "hw", "hw", /own parent/],
    ["refuses a parent of another site", null, "nope", /not a category/],
    ["refuses a second level", null, "server", /one level deep/],
    ["refuses a retired parent", null, "old", /retired/],
    ["refuses to move a parent under another (it would go under or beside its child)", "hw", "net", /sub-categories/],
  ])("%s", (_name, selfId, parentId, expected) => {
    const problem = parentProblem(selfId, parentId, tree);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
});

describe("reorderProblem", () => {
  it.each<[string, string[], RegExp | null]>([
    ["accepts every sibling once", ["c", "a", "b"], null],
    ["refuses a repeated id", ["a", "a", "b"], /twice/],
    ["refuses a stranger", ["a", "b", "c", "x"], /not among/],
    ["refuses a missing sibling", ["a", "b"], /missing: c/],
  ])("%s", (_name, ids, expected) => {
    const problem = reorderProblem(ids, ["a", "b", "c"]);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
});

describe("groups", () => {
  it.each<[string, string, number, string[]]>([
    ["accepts level 1", "Service Desk", 1, []],
    ["accepts level 3", "Specialists", 3, []],
    ["refuses level 0", "Desk", 0, ["level"]],
    ["refuses level 4", "Desk", 4, ["level"]],
    ["refuses a fraction", "Desk", 1.5, ["level"]],
    ["refuses a blank name and a bad level at once", " ", 9, ["name", "level"]],
  ])("%s", (_name, name, level, fields) => {
    expect(groupProblems(name, level).map((p) => p.field)).toEqual(fields);
  });

  it.each<[number, number, string | null]>([
    [0, 0, null],
    [2, 0, "The group still has 2 open tickets: move them to another group first."],
    [0, 1, "The group still has 1 active agent: move them to another group first."],
    [1, 3, "The group still has 1 open ticket and 3 active agents: move them to another group first."],
  ])("retiring with %i open tickets and %i active agents", (tickets, agents, expected) => {
    expect(groupRetireProblem(tickets, agents)).toBe(expected);
  });

  it.each<[number, string | null]>([
    [0, null],
    [1, "The category has 1 sub-category in use: retire or move them first."],
    [2, "The category has 2 sub-categories in use: retire or move them first."],
  ])("retiring a parent with %i sub-categories in use", (children, expected) => {
    expect(categoryRetireProblem(children)).toBe(expected);
  });
});

describe("catalogTicketTypes", () => {
  const { INCIDENT, SERVICE_REQUEST, WORK_ORDER } = TicketType;
  it.each([
    ["an empty catalogue", [], [INCIDENT]],
    ["incident services only", [INCIDENT, INCIDENT], [INCIDENT]],
    ["a request item beside incidents", [INCIDENT, SERVICE_REQUEST], [INCIDENT, SERVICE_REQUEST]],
    ["work orders alone (a report without a service is still an incident)", [WORK_ORDER], [INCIDENT, WORK_ORDER]],
    ["all three, in any order", [WORK_ORDER, SERVICE_REQUEST, INCIDENT, WORK_ORDER], [INCIDENT, SERVICE_REQUEST, WORK_ORDER]],
  ])("gives %s", (_, types, expected) => {
    expect(catalogTicketTypes(types.map((ticketType) => ({ ticketType })))).toEqual(expected);
  });
});
