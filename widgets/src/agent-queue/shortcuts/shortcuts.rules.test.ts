import { describe, expect, it } from "vitest";
import { neighbour, shortcutFor, SHORTCUTS, takesText, type KeyContext } from "./shortcuts.rules.js";

const open: KeyContext = { typing: false, modified: false, inDialog: false, ticketOpen: true, allowed: ["classify", "assign", "status", "reply", "note", "escalate", "resolve"] };
const list: KeyContext = { ...open, ticketOpen: false, allowed: [] };

describe("shortcutFor", () => {
  it.each([
    ["j", list, { kind: "move", by: 1 }],
    ["k", list, { kind: "move", by: -1 }],
    ["j", open, { kind: "move", by: 1 }],
    ["?", list, { kind: "help" }],
    ["Escape", open, { kind: "back" }],
    ["Escape", list, undefined],
    ["r", open, { kind: "act", action: "reply" }],
    ["n", open, { kind: "act", action: "note" }],
    ["a", open, { kind: "act", action: "assign", submitter: "me" }],
    ["c", open, { kind: "act", action: "classify" }],
    ["s", open, { kind: "act", action: "status" }],
    ["e", open, { kind: "act", action: "escalate" }],
    ["d", open, { kind: "act", action: "resolve" }],
    ["r", list, undefined],
    ["x", open, undefined],
    ["Enter", open, undefined],
  ] as const)("%j with %o → %j", (key, c, expected) => {
    expect(shortcutFor(key, c)).toEqual(expected);
  });

  it.each([
    ["typing in a field", { ...open, typing: true }],
    ["with Ctrl, Alt or Meta", { ...open, modified: true }],
    ["inside a dialog", { ...open, inDialog: true }],
  ])("never fires %s", (_, c) => {
    for (const s of SHORTCUTS) expect(shortcutFor(s.keys[0]!, c)).toBeUndefined();
  });

  it.each([
    ["r", ["note"]],
    ["n", ["reply"]],
    ["a", ["classify"]],
    ["c", ["assign"]],
    ["s", ["classify", "assign"]],
    ["e", ["resolve"]],
    ["d", ["status", "classify"]],
  ] as const)("leaves %j alone when the ticket allows only %j", (key, allowed) => {
    expect(shortcutFor(key, { ...open, allowed })).toBeUndefined();
  });
});

describe("takesText", () => {
  it.each([
    [{ tagName: "TEXTAREA" }, true],
    [{ tagName: "SELECT" }, true],
    [{ tagName: "INPUT", type: "text" }, true],
    [{ tagName: "INPUT", type: "search" }, true],
    [{ tagName: "INPUT", type: "checkbox" }, false],
    [{ tagName: "DIV", isContentEditable: true }, true],
    [{ tagName: "TR" }, false],
    [{ tagName: "BUTTON" }, false],
    [null, false],
  ] as const)("%o → %j", (el, expected) => {
    expect(takesText(el)).toBe(expected);
  });
});

describe("neighbour", () => {
  it.each([
    [["a", "b", "c"], "a", 1, "b"],
    [["a", "b", "c"], "c", 1, "c"],
    [["a", "b", "c"], "b", -1, "a"],
    [["a", "b", "c"], "a", -1, "a"],
    [["a", "b", "c"], "gone", 1, "a"],
    [[], "a", 1, undefined],
  ] as const)("%j from %j by %i → %j", (ids, from, by, expected) => {
    expect(neighbour(ids, from, by)).toBe(expected);
  });
});
