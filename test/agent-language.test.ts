/**
 * The agent's language column (migration AgentLanguage) on the suite's database: agents a site
 * already had read their mail in the site's language once it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

describe("the AgentLanguage migration", () => {
  it("gives each existing agent its site's language, and takes the column away again on down", async () => {
    const agent = await gw.services.agents.create({ siteId: gw.site.id, name: "Rudi", email: "rudi@contoh.example", role: Role.AGENT }, TEST_ACTOR);
    expect(agent.language).toBe("id");
    await gw.services.ds.query("UPDATE site SET language = 'en' WHERE id = ?", [gw.site.id]);
    const migration = gw.services.ds.migrations.find((m) => m.name === "AgentLanguage1796100000000")!;
    const runner = gw.services.ds.createQueryRunner();
    try {
      await migration.down(runner);
      const columns: Array<Record<string, unknown>> = await runner.query("SELECT * FROM agent WHERE id = ?", [agent.id]);
      expect(Object.keys(columns[0]!)).not.toContain("language");
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await gw.services.ds.query("SELECT language FROM agent WHERE id = ?", [agent.id])).toEqual([{ language: "en" }]);
  });
});
