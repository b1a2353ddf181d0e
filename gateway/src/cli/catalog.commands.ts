/** The catalogue commands: IT services, categories and support groups. */
import { badField } from "../errors.js";
import { type Command, str, findSite, text, optionalText, byName, names, print } from "./command.js";

/** The catalog commands, by name. */
export const catalogCommands: Record<string, Command> = {
  "service:add": {
    summary: "add an IT service to a site's catalogue",
    usage: "service:add --site <id|key> --name <name> [--description <text>]",
    example: 'pnpm sigap service:add --site pk_demo_sigap --name "PosPay" --description "Bill payments"',
    options: { site: str, name: str, description: str },
    required: ["site", "name"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const service = await services.catalog.addService(site.id, text(values, "name"), optionalText(values, "description") ?? null);
      if (!json) print(`service ${service.id}  ${service.name}`);
      return { ...service };
    },
  },
  "category:add": {
    summary: "add an incident category, optionally under a parent category",
    usage: "category:add --site <id|key> --name <name> [--parent <name>]",
    example: "pnpm sigap category:add --site pk_demo_sigap --name Printer --parent Hardware",
    options: { site: str, name: str, parent: str },
    required: ["site", "name"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const parentName = optionalText(values, "parent");
      const categories = await services.catalog.categories(site.id);
      const parent = parentName === undefined ? undefined : byName(categories, parentName);
      if (parentName !== undefined && !parent) throw badField("parent", `no category named "${parentName}" on this site; it has: ${names(categories)}`);
      const category = await services.catalog.addCategory(site.id, text(values, "name"), parent?.id ?? null);
      if (!json) print(`category ${category.id}  ${parent ? `${parent.name} › ` : ""}${category.name}`);
      return { ...category };
    },
  },
  "group:add": {
    summary: "add a support group at support level 1 (service desk), 2 or 3 (specialists)",
    usage: "group:add --site <id|key> --name <name> --level <1-3>",
    example: 'pnpm sigap group:add --site pk_demo_sigap --name "Field Technicians" --level 2',
    options: { site: str, name: str, level: str },
    required: ["site", "name", "level"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      // The service checks the level (whole number 1–3) together with the name.
      const group = await services.catalog.addGroup(site.id, text(values, "name"), Number(text(values, "level")));
      if (!json) print(`group ${group.id}  ${group.name} (level ${group.level})`);
      return { ...group };
    },
  },
};
