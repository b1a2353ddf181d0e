/**
 * Emits the GraphQL contract to schema/sigap.graphql. CI fails when the checked-in file differs
 * from what the code emits (see schema.test.ts): run `pnpm schema:emit` after changing the API.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSigapSchema } from "./schema.js";

const target = fileURLToPath(new URL("../../schema/sigap.graphql", import.meta.url));
writeFileSync(target, await printSigapSchema());
console.log(`wrote ${target}`);
