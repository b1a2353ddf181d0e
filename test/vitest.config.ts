import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql module instance, or type-graphql's types come from "another realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    // The browser suite runs once (on SQLite); the API suite runs once per database.
    include: process.env["SIGAP_TEST_SUITE"] === "browser" ? ["browser/*.test.ts"] : ["*.test.ts"],
    // The files share one module graph per worker: each would otherwise import the whole gateway
    // (TypeORM, type-graphql, Apollo) afresh, about 3 s a file. Every file starts its own
    // gateways on its own database, so no state is shared but the modules' code.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for what a person would wait for (a chunk loaded on demand, a live push):
    // vitest's default of 1 s is shorter than one busy moment of the 2-core CI machine running
    // three passes side by side, where a browser test failed on it. Playwright's own waits allow 30 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
