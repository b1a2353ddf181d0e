import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printSigapSchema } from "./schema.js";

describe("the GraphQL contract", () => {
  it("matches the checked-in schema/sigap.graphql (run `pnpm schema:emit` after an API change)", async () => {
    const checkedIn = readFileSync(new URL("../../schema/sigap.graphql", import.meta.url), "utf8");
    expect(await printSigapSchema()).toBe(checkedIn);
  });
});
