import { defineConfig } from "vitest/config";

/** The widgets' unit tests: pure view helpers and controllers, in Node (the custom elements themselves are tested in Chromium, test/browser). */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
  },
});
