
import { badField, notFound } from "../errors.js";
import type { SiteEntity } from "../modules/sites/site.entity.js";
import { settingsOf } from "../modules/sites/site.service.js";
import { TicketType } from "../modules/tickets/ticket.enums.js";
import type { Services } from "../services.js";

/** How parseArgs reads one option. */
export type OptionSpec = { type: "string"; multiple?: boolean } | { type: "boolean" };
/** The parsed options. */
export type Values = Record<string, string | string[] | boolean | undefined>;

/** What a command gets: its parsed options and the wired services. */
export interface Run {
  values: Values;
  services: Services;
  json: boolean;
}

/** A command prints to stdout itself; the result is only what `--json` shows. */
export interface Command {
  summary: string;
  usage: string;
  example: string;
  options: Record<string, OptionSpec>;
  required: readonly string[];
  /** The command reads positional arguments (as `values._`), e.g. `site:sla P1=15/240`. @default false */
  positionals?: boolean;
  run(ctx: Run): Promise<unknown>;
}

/** A command line that does not fit the command; it exits 2 like other CLIs' usage errors. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A string option. */
export const str = { type: "string" } as const;
/** A repeatable string option. */
export const many = { type: "string", multiple: true } as const;

/** The site an admin names by id or by public key; both are unique, so at most one matches. */
export async function findSite(services: Services, idOrKey: string): Promise<SiteEntity> {
  const site = (await services.sites.list()).find((s) => s.id === idOrKey || s.siteKey === idOrKey);
  if (!site) throw notFound(`No site with id or key "${idOrKey}". Run site:list to see the sites.`);
  return site;
}

/** A required string option; a UsageError when it has no value. */
export function text(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== "string") throw new UsageError(`--${name} needs a value`);
  return v;
}

/** A string option, if given. */
export function optionalText(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

/** A true/false option; anything else is left for the service to refuse by name. */
export function flag(values: Values, name: string): boolean | undefined {
  const v = optionalText(values, name);
  if (v === undefined) return undefined;
  if (/^(true|yes|1|on)$/i.test(v)) return true;
  if (/^(false|no|0|off)$/i.test(v)) return false;
  throw badField(name, `--${name} must be true or false, got "${v}"`);
}

/** A numeric option; the service checks the range. */
export function number(values: Values, name: string): number | undefined {
  const v = optionalText(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n)) throw badField(name, `--${name} must be a number, got "${v}"`);
  return n;
}

/** A repeatable option as a list. */
export function list(values: Values, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

/** Names compare without regard to case, as an admin types them. */
export function byName<T extends { name: string }>(rows: T[], name: string): T | undefined {
  const wanted = name.trim().toLowerCase();
  return rows.find((r) => r.name.toLowerCase() === wanted);
}

/** Names for a message: "a", "b", or "none yet". */
export function names(rows: Array<{ name: string }>): string {
  return rows.length ? rows.map((r) => `"${r.name}"`).join(", ") : "none yet";
}

/** Rows as an aligned text table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** Writes a command's output to stdout. */
export function print(textOut: string): void {
  process.stdout.write(`${textOut}\n`);
}

/** A site as `--json` shows it. */
export function siteJson(site: SiteEntity) {
  return {
    id: site.id,
    name: site.name,
    siteKey: site.siteKey,
    unitCode: site.unitCode,
    timeZone: site.timeZone,
    allowedOrigins: site.allowedOrigins,
    createdAt: site.createdAt.toISOString(),
    settings: settingsOf(site),
  };
}

/** --type as a ticket type, if given. */
export function ticketTypeOf(values: Values): TicketType | null {
  const given = optionalText(values, "type");
  if (given === undefined) return null;
  const type = Object.values(TicketType).find((t) => t === given.trim().toUpperCase().replace(/-/g, "_"));
  if (!type) throw badField("type", `--type must be one of ${Object.values(TicketType).join(", ")}, got "${given}"`);
  return type;
}
