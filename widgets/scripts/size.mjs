#!/usr/bin/env node
// Size budget of the built widgets, gzipped (level 9). Run after `vite build`; fails when over budget.
//
// What a page loads for one widget: its entry, every chunk that imports statically (Lit and the
// client included), and its words in the reader's language. English is inline in each widget
// but the report form (whose `*.en` chunk an English page loads); an Indonesian page loads the widget's `*.id` chunks
// (dynamic imports, fetched when the widget first speaks Indonesian). The budget is counted for
// each language and checked for the larger (`--lang` picks the one the Lit ratio is shown for).
// Chunks loaded only on demand (the upload code, once a file is picked) are listed, not counted.
import { readFileSync, existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const BUDGET = { "report-form": 15 * 1024, all: 40 * 1024 };
const ENTRIES = ["report-form", "ticket-tracker", "feedback-stars", "agent-queue", "desk-admin", "desk-report", "knowledge-base"];
// "All together" is what a portal page with every desk and reporter widget loads; the desk
// administration and the desk report are pages of their own (their parts load on demand).
const TOGETHER = ["report-form", "ticket-tracker", "feedback-stars", "agent-queue"];
const LANGS = { en: "English", id: "Indonesian" };
const langArg = process.argv.indexOf("--lang");
const counted = langArg > 0 ? process.argv[langArg + 1] : "en";
if (!(counted in LANGS)) {
  console.error(`--lang takes en or id, got ${JSON.stringify(counted)}.`);
  process.exit(2);
}

if (!existsSync(join(dist, "report-form.js"))) {
  console.error("widgets/dist is missing: run `vite build` first.");
  process.exit(1);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
/** Indonesian words: `<module>.id-<hash>.js`, from the widgets' `*.id.ts` modules. */
const isIndonesian = (file) => /\.id-[\w-]+\.js$/.test(basename(file));
/** English words loaded on demand (the report form's): `<module>.en-<hash>.js`. */
const isEnglish = (file) => /\.en-[\w-]+\.js$/.test(basename(file));

/** Relative specifiers a file imports: static (`import … from "./x.js"`, `export … from`) and dynamic (`import("./x.js")`). */
function imports(file) {
  const code = readFileSync(file, "utf8");
  const at = (m) => resolve(dirname(file), m[1]);
  return {
    static: [...code.matchAll(/(?:import|export)\s*(?:[^"'`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map(at),
    dynamic: [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map(at),
  };
}

/** The files and every file they import statically, transitively. */
function closure(files, seen = new Set()) {
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    closure(imports(file).static, seen);
  }
  return seen;
}

/** What one widget loads: statically, per language, and on demand. */
function load(entry) {
  const base = closure([join(dist, `${entry}.js`)]);
  const dynamic = new Set([...base].flatMap((f) => imports(f).dynamic));
  const words = closure([...dynamic].filter(isIndonesian));
  const english = closure([...dynamic].filter(isEnglish));
  const onDemand = closure([...dynamic].filter((f) => !isIndonesian(f) && !isEnglish(f)));
  const extra = (set) => new Set([...set].filter((f) => !base.has(f)));
  return { base, lang: { en: extra(english), id: extra(words) }, onDemand: extra(onDemand) };
}

const loads = new Map(ENTRIES.map((e) => [e, load(e)]));
const pageOf = (l, lang) => new Set([...l.base, ...l.lang[lang]]);
const union = (lang) => new Set(TOGETHER.flatMap((e) => [...pageOf(loads.get(e), lang)]));

console.log(`Gzipped size of what a page loads for each widget (entry + static chunks + its words).`);
console.log(`The budget holds for readers of either language (the larger figure is checked).\n`);
console.log(`  ${"widget".padEnd(22)}${"English".padStart(9)}${"Indonesian".padStart(12)}   on demand`);
let over = false;
const flag = (size, budget) => {
  if (!budget) return "";
  if (size > budget) over = true;
  return size <= budget ? `  ≤ ${kb(budget)} ✓` : `  > ${kb(budget)} ✗ OVER BUDGET`;
};
for (const [entry, l] of loads) {
  const [en, id] = [sum(pageOf(l, "en")), sum(pageOf(l, "id"))];
  const demand = [...l.onDemand].map((f) => `${basename(f).replace(/-[\w-]{8}\.js$/, "")} ${kb(gz(f))}`).join(", ") || "—";
  console.log(`  ${entry.padEnd(22)}${kb(en).padStart(9)}${kb(id).padStart(12)}   ${demand.padEnd(14)}${flag(Math.max(en, id), BUDGET[entry])}`);
}
const [allEn, allId] = [sum(union("en")), sum(union("id"))];
console.log(`  ${"all four together".padEnd(22)}${kb(allEn).padStart(9)}${kb(allId).padStart(12)}   ${"".padEnd(14)}${flag(Math.max(allEn, allId), BUDGET.all)}`);

const lit = [...union("en")].filter((f) => readFileSync(f, "utf8").includes("lit-html"));
const litSize = sum(lit);
if (litSize) {
  const report = sum(pageOf(loads.get("report-form"), counted));
  console.log(`\n  Lit's shared chunk ${kb(litSize)} (with the client and shared code; report form = ${(report / litSize).toFixed(2)}× it)`);
}
process.exit(over ? 1 : 0);
