/** The custom field commands: add, list, retire — on the same service as the admin API. */
import { userInfo } from "node:os";
import { badField, notFound } from "../errors.js";
import { cliActor } from "../modules/audit/audit-trail.js";
import { CustomFieldType, type FieldChoice } from "../modules/fields/custom-field.rules.js";
import type { CustomFieldEntity } from "../modules/fields/custom-field.entity.js";
import { type Command, str, many, findSite, text, optionalText, flag, number, list, table, print } from "./command.js";

const TYPES = Object.values(CustomFieldType);

/** The custom field commands, by name. */
export const fieldCommands: Record<string, Command> = {
  "field:add": {
    summary: "add a custom field the report form asks (labels in Indonesian and English)",
    usage: `field:add --site <id|key> --key <key> --type <${TYPES.join("|")}> --label-id <text> --label-en <text> [--help-id <text>] [--help-en <text>] [--required true] [--choice <value=Label id|Label en>]... [--max-length <n>] [--min <n>] [--max <n>] [--min-date <YYYY-MM-DD>] [--max-date <YYYY-MM-DD>] [--service <id|name>]...`,
    example: 'pnpm sigap field:add --site pk_demo_sigap --key counter --type CHOICE --label-id "Loket" --label-en "Counter" --choice "1=Loket 1|Counter 1" --choice "2=Loket 2|Counter 2" --required true',
    options: {
      site: str,
      key: str,
      type: str,
      "label-id": str,
      "label-en": str,
      "help-id": str,
      "help-en": str,
      required: str,
      choice: many,
      "max-length": str,
      min: str,
      max: str,
      "min-date": str,
      "max-date": str,
      service: many,
    },
    required: ["site", "key", "type", "label-id", "label-en"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const type = text(values, "type").toUpperCase() as CustomFieldType;
      if (!TYPES.includes(type)) throw badField("type", `--type must be one of ${TYPES.join(", ")}`);
      const catalogue = await services.catalog.services(site.id);
      const serviceIds = list(values, "service").map((s) => {
        // An id, or the service's name in any of the site's languages.
        const found = catalogue.find((x) => x.id === s || x.texts.some((t) => t.name.trim().toLowerCase() === s.trim().toLowerCase()));
        if (!found) throw badField("service", `no service "${s}" in this site`);
        return found.id;
      });
      const field = await services.fields.save(
        site.id,
        {
          id: null,
          key: text(values, "key"),
          type,
          labelId: text(values, "label-id"),
          labelEn: text(values, "label-en"),
          helpId: optionalText(values, "help-id") ?? null,
          helpEn: optionalText(values, "help-en") ?? null,
          required: flag(values, "required") ?? false,
          choices: list(values, "choice").map(parseChoice),
          maxLength: number(values, "max-length") ?? null,
          min: number(values, "min") ?? null,
          max: number(values, "max") ?? null,
          minDate: optionalText(values, "min-date") ?? null,
          maxDate: optionalText(values, "max-date") ?? null,
          serviceIds: serviceIds.length ? serviceIds : null,
        },
        cliActor(userInfo().username),
      );
      if (!json) print(`field id  ${field.id}\nkey       ${field.key}`);
      return fieldJson(field);
    },
  },
  "field:list": {
    summary: "list a site's custom fields in form order, retired ones included",
    usage: "field:list --site <id|key>",
    example: "pnpm sigap field:list --site pk_demo_sigap",
    options: { site: str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const fields = await services.fields.list(site.id);
      if (!json) {
        print(
          fields.length
            ? table(
                ["KEY", "TYPE", "LABEL (ID / EN)", "REQUIRED", "SCOPE", "STATE"],
                fields.map((f) => [f.key, f.type, `${f.labelId} / ${f.labelEn}`, f.required ? "yes" : "no", f.serviceIds ? `${f.serviceIds.length} service(s)` : "all", f.retired ? "retired" : "active"]),
              )
            : "No custom fields yet. Add one with field:add.",
        );
      }
      return fields.map(fieldJson);
    },
  },
  "field:retire": {
    summary: "retire a custom field (no longer asked; values on tickets keep showing), or bring it back with --restore",
    usage: "field:retire --site <id|key> --key <key> [--restore]",
    example: "pnpm sigap field:retire --site pk_demo_sigap --key counter",
    options: { site: str, key: str, restore: { type: "boolean" } },
    required: ["site", "key"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const key = text(values, "key");
      const field = (await services.fields.list(site.id)).find((f) => f.key === key);
      if (!field) throw notFound(`No custom field "${key}" in this site; see field:list.`);
      const saved = await services.fields.setRetired(site.id, field.id, values["restore"] !== true, cliActor(userInfo().username));
      if (!json) print(`${saved.key} ${saved.retired ? "retired" : "active again"}`);
      return fieldJson(saved);
    },
  },
};

/** `value=Label id|Label en`, as --choice takes it. */
function parseChoice(spec: string): FieldChoice {
  const m = /^([^=]+)=([^|]*)\|(.*)$/.exec(spec);
  if (!m) throw badField("choice", `--choice must be value=Label id|Label en, got "${spec}"`);
  return { value: m[1]!.trim(), id: m[2]!.trim(), en: m[3]!.trim() };
}

function fieldJson(f: CustomFieldEntity) {
  return { id: f.id, key: f.key, type: f.type, labelId: f.labelId, labelEn: f.labelEn, required: f.required, choices: f.choices, serviceIds: f.serviceIds, position: f.position, retired: f.retired };
}
