/** The demo seed command. */
import { DEMO_TOKEN_TTL_SECONDS, seedDemo, type DemoSeed } from "../modules/sites/demo-seed.js";
import { type Command, many, list, print, siteJson } from "./command.js";

/** The demo commands, by name. */
export const demoCommands: Record<string, Command> = {
  "demo:seed": {
    summary: "create the Pos Indonesia Balikpapan demo site (once, with three similar incidents) and print its key and agent tokens",
    usage: "demo:seed [--origin <url>]...",
    example: "pnpm sigap demo:seed --origin http://localhost:5173",
    options: { origin: many },
    required: [],
    async run({ values, services, json }) {
      const seed = await seedDemo(services, { origins: list(values, "origin"), incidents: true });
      if (!json) print(describeSeed(seed));
      return { created: seed.created, site: siteJson(seed.site), agents: seed.agents };
    },
  },
};

/** What demo:seed prints. */
function describeSeed(seed: DemoSeed): string {
  const { site } = seed;
  const lines = [
    seed.created ? `Created the demo site "${site.name}".` : `The demo site "${site.name}" already exists; here are its key and fresh tokens.`,
    "",
    `  site id   ${site.id}`,
    `  site key  ${site.siteKey}`,
    `  unit      ${site.unitCode} (${site.timeZone})`,
    `  origins   ${site.allowedOrigins.join(", ")}`,
    "",
    `Agent tokens (valid ${DEMO_TOKEN_TTL_SECONDS / 86_400} days):`,
  ];
  for (const a of seed.agents) lines.push("", `  ${a.role.padEnd(10)} ${a.name} <${a.email}>`, `  ${a.token}`);
  return lines.join("\n");
}
