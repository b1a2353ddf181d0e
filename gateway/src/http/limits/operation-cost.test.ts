import { readdirSync, readFileSync } from "node:fs";
import { parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSigapSchema } from "../../schema.js";
import { COST_LIMITS, countTokens, createCostGuard, type CostGuard } from "./operation-cost.js";

let guard: CostGuard;
beforeAll(async () => {
  guard = createCostGuard(await buildSigapSchema());
});

const VIEW = "code status timeline { id kind message }";
const track = (alias: string) => `${alias}: trackTicket(code: "x", token: "y") { ${VIEW} }`;

/** Files whose operations reporters' widgets send with a site key; the others' are sent with an agent's token. */
const PUBLIC_FILES = new Set(["report", "tracker", "feedback", "knowledge", "confirmation", "identity", "sign-in"]);
/** Reporter-facing operations in files the desk shares. */
const PUBLIC_OPERATIONS = new Set(["TrackedApproval", "SiteUploadLimits", "CustomFields"]);

/** Every operation the widgets send, read from their sources (src/client/*.operations.ts), fragments pasted in. */
function widgetOperations(): Array<[string, string, "public" | "agent"]> {
  const out: Array<[string, string, "public" | "agent"]> = [];
  const dir = new URL("../../../../widgets/src/client/", import.meta.url);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith(".operations.ts"))
    .map((name) => [name.replace(/\.operations\.ts$/, ""), readFileSync(new URL(name, dir), "utf8")] as const);
  // Fragments, by name, wherever they are declared (one file may use another's).
  const consts = new Map(sources.flatMap(([, src]) => [...src.matchAll(/const (\w+) = \/\* GraphQL \*\/ `([^`]*)`/g)].map((m) => [m[1]!, m[2]!] as const)));
  for (const [file, src] of sources) {
    for (const m of src.matchAll(/export const (\w+) = operation<[^>]*>\(\/\* GraphQL \*\/ `([^`]*)`/g)) {
      const kind = PUBLIC_FILES.has(file) || PUBLIC_OPERATIONS.has(m[1]!) ? "public" : "agent";
      out.push([m[1]!, m[2]!.replace(/\$\{(\w+)\}/g, (_, n: string) => consts.get(n) ?? ""), kind]);
    }
  }
  return out;
}

describe("operation cost limits", () => {
  it("are stricter for site-key callers than for agents, in every limit", () => {
    for (const limit of Object.keys(COST_LIMITS.public) as Array<keyof typeof COST_LIMITS.public>) {
      expect(COST_LIMITS.public[limit]).toBeLessThan(COST_LIMITS.agent[limit]);
    }
  });

  it("let through every operation the widgets send", () => {
    const ops = widgetOperations();
    expect(ops.length).toBeGreaterThan(10);
    for (const [name, text, kind] of ops) expect([name, guard.check(parse(text), kind)]).toEqual([name, null]);
  });

  it.each([
    ["nothing", `{ trackTicket(code: "x", token: "y") { timeline { id } sla { paused } } }`, null],
    ["aliases", `{ ${Array.from({ length: 11 }, (_, i) => track(`t${i}`)).join(" ")} }`, { limit: "aliases", max: COST_LIMITS.public.aliases }],
    ["aliases, at the limit", `{ ${Array.from({ length: 10 }, (_, i) => track(`t${i}`)).join(" ")} }`, null],
    ["directives", `{ trackTicket(code: "x", token: "y") { ${Array.from({ length: 11 }, () => "code @include(if: true)").join(" ")} } }`, { limit: "directives", max: COST_LIMITS.public.directives }],
    ["tokens", `mutation { reportIncident(input: { reporterName: "A", description: "B", attachmentIds: [${'"x" '.repeat(1000)}] }) { code } }`, { limit: "tokens", max: COST_LIMITS.public.tokens }],
    ["cost before tokens", `{ trackTicket(code: "x", token: "y") { ${"code ".repeat(1000)} } }`, { limit: "cost", max: COST_LIMITS.public.cost }],
  ])("judges a public operation over %s", (_name, text, verdict) => {
    expect(guard.check(parse(text), "public")).toEqual(verdict);
  });

  it("refuses an operation nested deeper than the limit, through inline fragments too", () => {
    const nested = (n: number) => `{ site { ${"... on PublicSite { ".repeat(n)}name${" }".repeat(n)} } }`;
    // site + n fragments + name: depth n + 2.
    expect(guard.check(parse(nested(COST_LIMITS.public.depth - 2)), "public")).toBeNull();
    expect(guard.check(parse(nested(COST_LIMITS.public.depth - 1)), "public")).toEqual({ limit: "depth", max: COST_LIMITS.public.depth });
    expect(guard.check(parse(nested(COST_LIMITS.public.depth - 1)), "agent")).toBeNull();
  });

  it("refuses the same document for a site-key caller that it allows an agent", () => {
    const doc = parse(`{ ${Array.from({ length: 20 }, (_, i) => track(`t${i}`)).join(" ")} }`);
    expect(guard.check(doc, "public")).toEqual({ limit: "aliases", max: COST_LIMITS.public.aliases });
    expect(guard.check(doc, "agent")).toBeNull();
  });

  it("counts tokens without punctuation of the document's start and end", () => {
    expect(countTokens(parse("{ a }"))).toBe(3);
  });
});
