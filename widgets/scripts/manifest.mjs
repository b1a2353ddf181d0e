#!/usr/bin/env node
// Generates custom-elements.json from the components (checked in, like the GraphQL schema).
//   node scripts/manifest.mjs          write it
//   node scripts/manifest.mjs --check  exit 1 if the checked-in file is stale (CI)
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// The analyzer resolves --outdir against the package folder, so the scratch copy lives there too.
const out = "node_modules/.cache/cem";
const bin = join(root, "node_modules/.bin/custom-elements-manifest");
function analyze() {
  const r = spawnSync(bin, ["analyze", "--litelement", "--globs", "src/**/*.component.ts", "src/**/*.controller.ts", "--outdir", out], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  // The analyzer lists modules in the order the file system gives them, which differs between clones: sort by path.
  const manifest = JSON.parse(readFileSync(join(root, out, "custom-elements.json"), "utf8"));
  manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
let fresh = analyze();
const target = join(root, "custom-elements.json");
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  // Once, a check in a full test run saw a manifest no later run reproduced: a second
  // analysis must agree before the checked-in file is called stale.
  if (current !== fresh) fresh = analyze();
  if (current !== fresh) {
    const a = current.split("\n");
    const b = fresh.split("\n");
    const at = a.findIndex((line, i) => line !== b[i]);
    console.error(`widgets/custom-elements.json is stale (line ${at + 1}: ${JSON.stringify(a[at])} → ${JSON.stringify(b[at])}): run \`pnpm --filter @sigap/widgets manifest\`.`);
    process.exit(1);
  }
  console.log("custom-elements.json is up to date");
} else {
  writeFileSync(target, fresh);
  console.log(`wrote ${target}`);
}
