/** The catalogue commands: IT services, categories and support groups, on the same service methods as the admin API. */
import os from "node:os";
import { badField, badInput } from "../errors.js";
import { parseSteps } from "../modules/approvals/approval.rules.js";
import { cliActor } from "../modules/audit/audit-trail.js";
import { localize, nameKey, type CatalogLanguage, type LocalizedText } from "../modules/catalog/catalog.rules.js";
import type { CatalogItem } from "../modules/catalog/catalog.service.js";
import { CatalogKind } from "../modules/catalog/catalog.rules.js";
import type { SiteEntity } from "../modules/sites/site.entity.js";
import { TicketType } from "../modules/tickets/ticket.enums.js";
import { type Command, type Values, str, findSite, text, optionalText, ticketTypeOf, byName, names, number, print, table } from "./command.js";

const actor = () => cliActor(os.userInfo().username);
const bool = { type: "boolean" } as const;

/** The language a command writes in: `--language`, else the site's (the service names a bad one). */
function languageOf(values: Values, site: SiteEntity): string {
  return optionalText(values, "language") ?? site.language;
}

/** A service or category by any of its names, in any language, case ignored. */
function itemNamed(items: CatalogItem[], name: string, option: string, what: string): CatalogItem {
  const found = items.find((i) => i.texts.some((t) => nameKey(t.name) === nameKey(name)));
  if (!found) throw badField(option, `no ${what} named "${name}" on this site; it has: ${items.map((i) => `"${i.texts.map((t) => t.name).join(" / ")}"`).join(", ") || "none yet"}`);
  return found;
}

/** An item's names with one language's name (and help, when given) set: a rename, or a translation when the language is new. */
function withText(texts: readonly LocalizedText[], language: string, name: string, help: string | undefined) {
  const others = texts.filter((t) => t.language !== language);
  const current = texts.find((t) => t.language === language);
  return [...others, { language, name, help: help ?? current?.help ?? null }];
}

function shown(texts: readonly LocalizedText[], language: CatalogLanguage): string {
  return localize(texts, language)?.name ?? "";
}

/** The catalog commands, by name. */
export const catalogCommands: Record<string, Command> = {
  "catalog:list": {
    summary: "list a site's IT services, categories and support groups, retired ones marked",
    usage: "catalog:list --site <id|key>",
    example: "pnpm sigap catalog:list --site pk_demo_sigap",
    options: { site: str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const view = await services.catalogAdmin.view(site.id);
      if (!json) {
        const namesOf = (t: readonly LocalizedText[]) => t.map((x) => `${x.language}: ${x.name}`).join(" | ");
        const byId = new Map(view.categories.map((c) => [c.id, c]));
        print(table(["SERVICE", "NAMES", "OPEN", "RETIRED"], view.services.map((s) => [String(s.position), namesOf(s.names), String(s.openTickets), s.retired ? "yes" : ""])));
        print("");
        print(
          table(
            ["CATEGORY", "NAMES", "OPEN", "RETIRED"],
            view.categories.map((c) => [c.parentId ? `  ${shown(byId.get(c.parentId)?.names ?? [], site.language)} ›` : String(c.position), namesOf(c.names), String(c.openTickets), c.retired ? "yes" : ""]),
          ),
        );
        print("");
        print(table(["GROUP", "LEVEL", "OPEN", "AGENTS", "RETIRED"], view.groups.map((g) => [g.name, String(g.level), String(g.openTickets), String(g.activeAgents), g.retired ? "yes" : ""])));
      }
      return view;
    },
  },
  "service:add": {
    summary: "add an IT service to a site's catalogue, named in one language (the site's unless --language)",
    usage: `service:add --site <id|key> --name <name> [--language id|en] [--description <help text>] [--type <${Object.values(TicketType).join("|")}> (default INCIDENT)]`,
    example: 'pnpm sigap service:add --site pk_demo_sigap --name "PosPay" --description "Bill payments"',
    options: { site: str, name: str, language: str, description: str, type: str },
    required: ["site", "name"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const names = [{ language: languageOf(values, site), name: text(values, "name"), help: optionalText(values, "description") ?? null }];
      const service = await services.catalogAdmin.saveService(site.id, { names, ticketType: ticketTypeOf(values) }, actor());
      if (!json) print(`service ${service.id}  ${shown(service.names, site.language)}`);
      return service;
    },
  },
  "service:approval": {
    summary: "set the approval steps a request item needs before the desk works it (none: no approval), and how long its approval document is valid",
    usage: "service:approval --site <id|key> --service <any of its names> --steps '<ANY_OF|ALL_OF>:<role=ROLE|group=<id>|agents=<id>,<id>>;…' [--valid-days <1-366> (default 7)]",
    example: "pnpm sigap service:approval --site pk_demo_sigap --service \"Akses data center (izin kerja)\" --steps 'ANY_OF:role=SUPERVISOR' --valid-days 3",
    options: { site: str, service: str, steps: str, "valid-days": str },
    required: ["site", "service", "steps"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const item = itemNamed(await services.catalog.services(site.id), text(values, "service"), "service", "IT service");
      const { steps, problems } = parseSteps(text(values, "steps"));
      if (problems.length) throw badInput(problems);
      const set = await services.approvals.configure(site.id, item.id, steps, number(values, "valid-days") ?? null, actor());
      if (!json) print(`service ${item.id}  ${shown(item.texts, site.language)}: ${set.steps.length ? `${set.steps.length} approval step(s), document valid ${set.validDays} days` : "no approval"}`);
      if (!json) for (const w of set.warnings) print(`warning ${w.field}: ${w.message}`);
      return { serviceId: item.id, ...set };
    },
  },
  "service:rename": {
    summary: "rename an IT service in one language, or translate it by naming a language it lacks",
    usage: "service:rename --site <id|key> --service <any of its names> --name <new name> [--language id|en] [--description <help text>]",
    example: 'pnpm sigap service:rename --site pk_demo_sigap --service "Wahana" --language en --name "Wahana intranet" --description "Company documents"',
    options: { site: str, service: str, name: str, language: str, description: str },
    required: ["site", "service", "name"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const item = itemNamed(await services.catalog.services(site.id), text(values, "service"), "service", "IT service");
      const names = withText(item.texts, languageOf(values, site), text(values, "name"), optionalText(values, "description"));
      const service = await services.catalogAdmin.saveService(site.id, { id: item.id, names }, actor());
      if (!json) print(`service ${service.id}  ${service.names.map((t) => `${t.language}: ${t.name}`).join(" | ")}`);
      return service;
    },
  },
  "service:retire": {
    summary: "retire an IT service (gone from the report form and the desk's pickers, still named on old tickets), or --restore it",
    usage: "service:retire --site <id|key> --service <any of its names> [--restore]",
    example: 'pnpm sigap service:retire --site pk_demo_sigap --service "SIM SDM"',
    options: { site: str, service: str, restore: bool },
    required: ["site", "service"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const item = itemNamed(await services.catalog.services(site.id), text(values, "service"), "service", "IT service");
      const retired = values["restore"] !== true;
      await services.catalogAdmin.setRetired(site.id, CatalogKind.SERVICE, item.id, retired, actor());
      if (!json) print(`service ${item.id}  ${shown(item.texts, site.language)} ${retired ? "retired" : "restored"}`);
      return { id: item.id, retired };
    },
  },
  "category:add": {
    summary: "add an incident category, optionally under a top-level category, named in one language",
    usage: "category:add --site <id|key> --name <name> [--parent <name>] [--language id|en] [--description <help text>]",
    example: "pnpm sigap category:add --site pk_demo_sigap --name Printer --parent Hardware --language en",
    options: { site: str, name: str, parent: str, language: str, description: str },
    required: ["site", "name"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const parentName = optionalText(values, "parent");
      const parent = parentName === undefined ? undefined : itemNamed(await services.catalog.categories(site.id), parentName, "parent", "category");
      const names = [{ language: languageOf(values, site), name: text(values, "name"), help: optionalText(values, "description") ?? null }];
      const category = await services.catalogAdmin.saveCategory(site.id, { parentId: parent?.id ?? null, names }, actor());
      if (!json) print(`category ${category.id}  ${parent ? `${shown(parent.texts, site.language)} › ` : ""}${shown(category.names, site.language)}`);
      return category;
    },
  },
  "category:rename": {
    summary: "rename a category in one language, or translate it by naming a language it lacks",
    usage: "category:rename --site <id|key> --category <any of its names> --name <new name> [--language id|en] [--description <help text>]",
    example: "pnpm sigap category:rename --site pk_demo_sigap --category Kabel --language en --name Cabling",
    options: { site: str, category: str, name: str, language: str, description: str },
    required: ["site", "category", "name"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const item = itemNamed(await services.catalog.categories(site.id), text(values, "category"), "category", "category");
      const names = withText(item.texts, languageOf(values, site), text(values, "name"), optionalText(values, "description"));
      const category = await services.catalogAdmin.saveCategory(site.id, { id: item.id, parentId: item.parentId, names }, actor());
      if (!json) print(`category ${category.id}  ${category.names.map((t) => `${t.language}: ${t.name}`).join(" | ")}`);
      return category;
    },
  },
  "category:retire": {
    summary: "retire a category (sub-categories first), or --restore it",
    usage: "category:retire --site <id|key> --category <any of its names> [--restore]",
    example: "pnpm sigap category:retire --site pk_demo_sigap --category Kabel",
    options: { site: str, category: str, restore: bool },
    required: ["site", "category"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const item = itemNamed(await services.catalog.categories(site.id), text(values, "category"), "category", "category");
      const retired = values["restore"] !== true;
      await services.catalogAdmin.setRetired(site.id, CatalogKind.CATEGORY, item.id, retired, actor());
      if (!json) print(`category ${item.id}  ${shown(item.texts, site.language)} ${retired ? "retired" : "restored"}`);
      return { id: item.id, retired };
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
      const group = await services.catalogAdmin.saveGroup(site.id, { name: text(values, "name"), level: Number(text(values, "level")) }, actor());
      if (!json) print(`group ${group.id}  ${group.name} (level ${group.level})`);
      return group;
    },
  },
  "group:set": {
    summary: "rename a support group and/or move it to another level (not while it holds open tickets)",
    usage: "group:set --site <id|key> --group <name> [--name <new name>] [--level <1-3>]",
    example: 'pnpm sigap group:set --site pk_demo_sigap --group "Field Technicians" --name "Field Support" --level 1',
    options: { site: str, group: str, name: str, level: str },
    required: ["site", "group"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const groups = await services.catalog.groups(site.id);
      const current = byName(groups, text(values, "group"));
      if (!current) throw badField("group", `no support group named "${text(values, "group")}" on this site; it has: ${names(groups)}`);
      const level = optionalText(values, "level");
      const name = optionalText(values, "name");
      if (level === undefined && name === undefined) throw badField("name", "Nothing to change: give --name, --level or both.");
      const group = await services.catalogAdmin.saveGroup(site.id, { id: current.id, name: name ?? current.name, level: level === undefined ? current.level : Number(level) }, actor());
      if (!json) print(`group ${group.id}  ${group.name} (level ${group.level})`);
      return group;
    },
  },
  "group:retire": {
    summary: "retire a support group (refused while open tickets or active agents sit in it), or --restore it",
    usage: "group:retire --site <id|key> --group <name> [--restore]",
    example: 'pnpm sigap group:retire --site pk_demo_sigap --group "Field Support"',
    options: { site: str, group: str, restore: bool },
    required: ["site", "group"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const groups = await services.catalog.groups(site.id);
      const group = byName(groups, text(values, "group"));
      if (!group) throw badField("group", `no support group named "${text(values, "group")}" on this site; it has: ${names(groups)}`);
      const retired = values["restore"] !== true;
      await services.catalogAdmin.setRetired(site.id, CatalogKind.GROUP, group.id, retired, actor());
      if (!json) print(`group ${group.id}  ${group.name} ${retired ? "retired" : "restored"}`);
      return { id: group.id, retired };
    },
  },
};
