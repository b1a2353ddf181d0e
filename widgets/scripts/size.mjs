#!/usr/bin/env node
// Size budget of the built widgets, gzipped, counting each entry with every chunk it imports
// (Lit and the client included). Fails when over budget. Run after `vite build`.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const BUDGET = { "report-form": 15 * 1024, all: 40 * 1024 };
const ENTRIES = ["report-form", "ticket-tracker", "feedback-stars", "agent-queue"];

if (!existsSync(join(dist, "report-form.js"))) {
  console.error("widgets/dist is missing: run `vite build` first.");
  process.exit(1);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The file and every file it imports statically, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^"'`]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(resolve(dirname(file), m[1]), seen);
  }
  return seen;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const files = new Map(ENTRIES.map((e) => [e, closure(join(dist, `${e}.js`))]));
const union = new Set([...files.values()].flatMap((s) => [...s]));
const lit = [...union].filter((f) => /\/chunks\/(lit|reactive-element|lit-html|lit-element)/.test(f) || readFileSync(f, "utf8").includes("lit-html"));

console.log("widget                  gzipped (entry + chunks it loads)");
let over = false;
for (const [entry, set] of files) {
  const size = [...set].reduce((n, f) => n + gz(f), 0);
  const budget = BUDGET[entry];
  const flag = budget ? (size <= budget ? `  ≤ ${kb(budget)} ✓` : `  > ${kb(budget)} ✗ OVER BUDGET`) : "";
  if (budget && size > budget) over = true;
  console.log(`  ${entry.padEnd(22)}${kb(size).padStart(9)}${flag}`);
}
const all = [...union].reduce((n, f) => n + gz(f), 0);
if (all > BUDGET.all) over = true;
console.log(`  ${"all four together".padEnd(22)}${kb(all).padStart(9)}  ${all <= BUDGET.all ? `≤ ${kb(BUDGET.all)} ✓` : `> ${kb(BUDGET.all)} ✗ OVER BUDGET`}`);
const litSize = lit.reduce((n, f) => n + gz(f), 0);
if (litSize) {
  const report = [...files.get("report-form")].reduce((n, f) => n + gz(f), 0);
  console.log(`  ${"Lit's shared chunk".padEnd(22)}${kb(litSize).padStart(9)}  (report form = ${(report / litSize).toFixed(2)}× Lit alone)`);
}
process.exit(over ? 1 : 0);
