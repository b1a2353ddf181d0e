/**
 * The custom field commands against the suite's database (embedded SQLite, or MariaDB in the
 * MySQL pass): `sigap field:add|list|retire` reach the same service as the admin API, with its
 * validation and its audit line (the operating-system user as the actor).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_RUNS, runCli } from "./cli-kit.js";
import { createTestDatabase, type TestDatabase } from "./harness.js";


let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

/** Runs the admin CLI as an operator would, against this test's database. */
function sigap(...args: string[]) {
  return runCli({ DATABASE_URL: db.url }, args);
}

describe("sigap field:*", { timeout: CLI_RUNS }, () => {
  it(
    "adds a choice field, refuses a bad one naming the field, lists them and retires one",
    () => {
      const created = sigap("site:create", "--name", "Kantor Pos Samarinda", "--unit", "02", "--json");
      expect(created.err).toBe("");
      const site = (JSON.parse(created.out) as { siteKey: string }).siteKey;
      const added = sigap(
        "field:add", "--site", site, "--key", "counter", "--type", "choice", "--label-id", "Loket", "--label-en", "Counter",
        "--choice", "1=Loket 1|Counter 1", "--choice", "2=Loket 2|Counter 2", "--required", "true", "--json",
      );
      expect(added.err).toBe("");
      expect(JSON.parse(added.out)).toMatchObject({ key: "counter", type: "CHOICE", required: true, choices: [{ value: "1", id: "Loket 1", en: "Counter 1" }, { value: "2", id: "Loket 2", en: "Counter 2" }] });
      const bad = sigap("field:add", "--site", site, "--key", "floor", "--type", "TEXT", "--label-id", "Lantai", "--label-en", "Floor", "--max-length", "5000", "--json");
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.err)).toMatchObject({ error: { code: "BAD_USER_INPUT", fields: [{ field: "maxLength" }] } });
      const retired = sigap("field:retire", "--site", site, "--key", "counter");
      expect(retired.out).toBe("counter retired\n");
      const list = sigap("field:list", "--site", site);
      expect(list.out).toMatch(/counter\s+CHOICE\s+Loket \/ Counter\s+yes\s+all\s+retired/);
    },
  );
});
