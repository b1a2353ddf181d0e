import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findRuleCopies, kindsFromSchema } from "./no-rule-copies.mjs";

const kinds = kindsFromSchema(readFileSync(new URL("../../schema/sigap.graphql", import.meta.url), "utf8"));
const find = (code: string) => findRuleCopies(code, "sample.ts", kinds).map((c) => c.what);

describe("no-rule-copies", () => {
  it.each([
    ["an open-status list", `const OPEN = ["NEW", "ASSIGNED", "IN_PROGRESS", "PENDING"];`, "a status list declared by hand"],
    ["a priority list", `const PRIORITIES: readonly Priority[] = ["P1", "P2", "P3", "P4", "P5"];`, "a priority list declared by hand"],
    ["a level list", `const LEVELS = ["HIGH", "MEDIUM", "LOW"] as const;`, "a level list declared by hand"],
    ["senior roles", `const senior = ["SUPERVISOR", "MANAGER", "ADMIN"];`, "a role list declared by hand"],
    ["a closure list", `const CLOSURE_CODES = ["FIXED", "WORKAROUND", "NO_FAULT_FOUND"];`, "a closure list declared by hand"],
    ["a status list as comparisons", `const final = v.status === "CLOSED" || v.status === "CANCELLED";`, "a status list written as a chain of comparisons"],
    ["exclusions as comparisons", `xs.filter((to) => to !== t.status && to !== "RESOLVED" && to !== "CLOSED");`, "a status list written as a chain of comparisons"],
    ["a rank table", `const RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 };`, "a level list declared by hand (as a set or rank table)"],
    ["an open-status set", `const open = { NEW: true, ASSIGNED: true };`, "a status list declared by hand (as a set or rank table)"],
    ["an urgency × impact table", `const M = { HIGH: { HIGH: "P1", LOW: "P3" }, LOW: { HIGH: "P3", LOW: "P5" } };`, "a priority computation (an urgency × impact table)"],
    ["a priority from a number", "const p = `P$" + "{step(u) + step(i) + 1}`;", "a priority computation (P + a number)"],
  ])("catches %s", (_, code, what) => {
    expect(find(code)).toEqual([what]);
  });

  it.each([
    ["a label table", `const words = { NEW: "New", ASSIGNED: "Assigned", P1: "Critical", HIGH: "High" };`],
    ["a type union", `type Tone = "HIGH" | "LOW"; type S = "NEW" | "ASSIGNED";`],
    ["one comparison", `if (to === "PENDING") show();`],
    ["the wire mapping of forms to statuses", `const FORM_STATUS = { resolve: "RESOLVED", close: "CLOSED" } as const;`],
    ["lists read from the gateway", `const open = statuses.filter((s) => s.open).map((s) => s.status);`],
    ["a list of other words", `const CHANNELS = ["WEB", "PHONE", "EMAIL", "WALK_IN"];`],
  ])("leaves %s alone", (_, code) => {
    expect(find(code)).toEqual([]);
  });

  it("names the line of each copy", () => {
    expect(findRuleCopies(`const a = 1;\n\nconst OPEN = ["NEW", "PENDING"];`, "x.ts", kinds)).toEqual([{ line: 3, what: "a status list declared by hand" }]);
  });
});
