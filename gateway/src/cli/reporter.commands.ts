/** The reporter data commands (UU PDP): export and erase one reporter's data on a site. */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { cliActor } from "../modules/audit/audit-trail.js";
import { type Command, str, findSite, text, optionalText, print } from "./command.js";

/** The reporter data commands, by name. */
export const reporterCommands: Record<string, Command> = {
  "reporter:export": {
    summary: "export everything a site holds about one reporter (by e-mail and/or phone) as JSON; audited",
    usage: "reporter:export --site <id|key> [--email <address>] [--phone <number>] [--out <file.json>]",
    example: "pnpm sigap reporter:export --site pk_demo_sigap --email budi@contoh.example --out budi.json",
    options: { site: str, email: str, phone: str, out: str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const doc = await services.reporterData.export(site.id, { email: optionalText(values, "email"), phone: optionalText(values, "phone") }, cliActor(os.userInfo().username));
      const out = optionalText(values, "out");
      if (out) await writeFile(out, doc, { mode: 0o600 });
      if (!json) print(out ? `Written to ${out}.` : doc);
      return JSON.parse(doc) as unknown;
    },
  },
  "reporter:erase": {
    summary: "erase one reporter's personal data (by e-mail and/or phone) on all a site's tickets; open tickets only with --include-open; audited",
    usage: "reporter:erase --site <id|key> [--email <address>] [--phone <number>] [--include-open]",
    example: "pnpm sigap reporter:erase --site pk_demo_sigap --email budi@contoh.example",
    options: { site: str, email: str, phone: str, "include-open": { type: "boolean" } },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const key = { email: optionalText(values, "email"), phone: optionalText(values, "phone") };
      const result = await services.reporterData.erase(site.id, key, values["include-open"] === true, cliActor(os.userInfo().username));
      if (!json) print(result.tickets.length ? `Erased the reporter's data on ${result.tickets.join(", ")} (${result.files} files).` : "No tickets of this reporter on this site.");
      return result;
    },
  },
};
