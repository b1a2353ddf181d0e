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
  },
});
