#!/usr/bin/env tsx
/**
 * Sigap's admin CLI: sites, catalogue, agents, webhooks and the demo seed, over the same database and
 * secret as the gateway. Run it as `pnpm sigap <command> [options]` from the repository root.
 * Past ~400 lines on purpose: every command is a short declaration in one table, so `help`, the
 * parser and the commands read as one; the work itself is in the services.
 */
import { parseArgs } from "node:util";
import { pino } from "pino";
import { systemClock } from "./clock.js";
import { ConfigError, describeDatabase, loadConfig } from "./config.js";
import { openDatabase } from "./db/data-source.js";
import { changeSiteLimits } from "./http/limits/site-limits.js";
import { badField, badInput, conflict, notFound, SigapError, type FieldProblem } from "./errors.js";
import type { AgentEntity } from "./modules/agents/agent.entity.js";
import { mailSettingsOf } from "./modules/notifications/mail-settings.js";
import { DEMO_TOKEN_TTL_SECONDS, seedDemo, type DemoSeed } from "./modules/sites/demo-seed.js";
import type { SiteSettings } from "./modules/sites/site-settings.rules.js";
import type { SiteEntity } from "./modules/sites/site.entity.js";
import { settingsOf } from "./modules/sites/site.service.js";
import { Role } from "./modules/agents/role.js";
import type { WebhookDeliveryEntity } from "./modules/webhooks/webhook-delivery.entity.js";
import { DEFAULT_ROTATION_OVERLAP_HOURS } from "./modules/webhooks/webhook-endpoints.service.js";
import type { WebhookEndpointEntity } from "./modules/webhooks/webhook-endpoint.entity.js";
import { WEBHOOK_EVENT_TYPES } from "./modules/webhooks/webhook-payload.rules.js";
import { formatSteps, LADDER_TARGETS, parseSteps, type LadderStep, type LadderTarget } from "./modules/sla/ladder.rules.js";
import { formatWeeklyHours } from "./modules/sla/business-time.rules.js";
import { readHolidayFile, selectHolidays, type HolidaySelection } from "./modules/sla/holiday-file.js";
import { parsePriorities } from "./modules/sla/sla-calendar.rules.js";
import { createSigapPubSub, type SigapPubSub } from "./realtime/pubsub.js";
import { createRedisPubSub } from "./realtime/redis-pubsub.js";
import { createServices, type Services } from "./services.js";

/** Exit codes: 2 for a misused command line (as shells do), 78 for bad configuration (EX_CONFIG). */
const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

type OptionSpec = { type: "string"; multiple?: boolean } | { type: "boolean" };
type Values = Record<string, string | string[] | boolean | undefined>;

/** What a command gets: its parsed options and the wired services. */
interface Run {
  values: Values;
  services: Services;
  json: boolean;
}

/** A command prints to stdout itself; the result is only what `--json` shows. */
interface Command {
  summary: string;
  usage: string;
  example: string;
  options: Record<string, OptionSpec>;
  required: readonly string[];
  run(ctx: Run): Promise<unknown>;
}

/** A command line that does not fit the command; it exits 2 like other CLIs' usage errors. */
class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const str = { type: "string" } as const;
const many = { type: "string", multiple: true } as const;

const COMMANDS: Record<string, Command> = {
  "site:create": {
    summary: "create a site (tenant); prints its id and public site key",
    usage: "site:create --name <name> --unit <code> [--time-zone <zone>] [--origin <url>]... [--key <pk_...>]",
    example: 'pnpm sigap site:create --name "Kantor Pos Samarinda" --unit 02 --time-zone Asia/Makassar --origin https://pos.example',
    options: { name: str, unit: str, "time-zone": str, origin: many, key: str },
    required: ["name", "unit"],
    async run({ values, services, json }) {
      const key = optionalText(values, "key");
      const site = await services.sites.create({
        name: text(values, "name"),
        unitCode: text(values, "unit"),
        timeZone: optionalText(values, "time-zone"),
        allowedOrigins: list(values, "origin"),
        siteKey: key,
      });
      if (!json) print(`site id   ${site.id}\nsite key  ${site.siteKey}`);
      return siteJson(site);
    },
  },
  "site:list": {
    summary: "list every site with its key, allowed origins and settings",
    usage: "site:list",
    example: "pnpm sigap site:list",
    options: {},
    required: [],
    async run({ services, json }) {
      const sites = await services.sites.list();
      if (!json) {
        print(
          sites.length
            ? table(
                ["ID", "NAME", "UNIT", "KEY", "ORIGINS"],
                sites.map((s) => [s.id, s.name, s.unitCode, s.siteKey, s.allowedOrigins.join(", ") || "(none)"]),
              )
            : "No sites yet. Create one with site:create, or run demo:seed.",
        );
      }
      return sites.map(siteJson);
    },
  },
  "site:allow-origin": {
    summary: "allow a browser origin to use a site's public widgets",
    usage: "site:allow-origin --site <id|key> --origin <url>",
    example: "pnpm sigap site:allow-origin --site pk_demo_sigap --origin https://pos.example",
    options: { site: str, origin: str },
    required: ["site", "origin"],
    async run({ values, services, json }) {
      const site = await services.sites.allowOrigin((await findSite(services, text(values, "site"))).id, text(values, "origin"));
      if (!json) print(`${site.name} now allows: ${site.allowedOrigins.join(", ")}`);
      return siteJson(site);
    },
  },
  "site:set": {
    summary: "change a site's handling and mail settings (only those given); prints them all",
    usage:
      "site:set --site <id|key> [--reporter-sets-impact true|false] [--default-impact HIGH|MEDIUM|LOW] [--queue-order DUE_TIME|ARRIVAL] [--reopen-closed-within-days <days>] [--auto-close-hours <hours>] [--desk-email <address|none>] [--language id|en] [--accent-color #rrggbb|none] [--logo-url <https url>|none] [--tracking-url <url with {code} {token}>|none] [--reporter-mail all|none|status_changed,resolved,closed]",
    example: "pnpm sigap site:set --site pk_demo_sigap --queue-order ARRIVAL --tracking-url 'https://company.example/lacak?code={code}&token={token}'",
    options: {
      site: str, "reporter-sets-impact": str, "default-impact": str, "queue-order": str, "reopen-closed-within-days": str, "auto-close-hours": str, "desk-email": str,
      language: str, "accent-color": str, "logo-url": str, "tracking-url": str, "reporter-mail": str,
    },
    required: ["site"],
    async run({ values, services, json }) {
      let site = await findSite(services, text(values, "site"));
      // Values go to the service as typed as the command line allows; it names every bad one.
      const handling = {
        reporterSetsImpact: flag(values, "reporter-sets-impact"),
        defaultImpact: optionalText(values, "default-impact")?.toUpperCase() as SiteSettings["defaultImpact"] | undefined,
        queueOrder: optionalText(values, "queue-order")?.toUpperCase() as SiteSettings["queueOrder"] | undefined,
        reopenClosedWithinDays: number(values, "reopen-closed-within-days"),
        autoCloseHours: number(values, "auto-close-hours"),
        deskEmail: deskEmail(optionalText(values, "desk-email")),
      };
      const nullable = (name: string) => {
        const v = optionalText(values, name);
        return v === undefined ? undefined : v === "none" ? null : v;
      };
      const events = optionalText(values, "reporter-mail");
      const mail = {
        language: optionalText(values, "language"),
        accentColor: nullable("accent-color"),
        logoUrl: nullable("logo-url"),
        trackingUrl: nullable("tracking-url"),
        reporterMailEvents: events === undefined ? undefined : events === "all" ? null : events === "none" ? [] : events.split(",").map((e) => e.trim()),
      };
      // The same change as GraphQL's updateSiteSettings: every bad value named, one transaction.
      await services.siteAdmin.update(site.id, { ...handling, ...mail });
      site = await services.sites.get(site.id);
      const settings = settingsOf(site);
      const mailSettings = mailSettingsOf(site);
      if (!json) print(table(["SETTING", "VALUE"], Object.entries({ ...settings, ...mailSettings }).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])));
      return { site: siteJson(site), settings, mail: mailSettings };
    },
  },
  "site:limits": {
    summary: "show or change a site's own rate limits and form fill time (over the deployment's)",
    usage: "site:limits --site <id|key> [--set <limit.perAddress|perSite=points/seconds | formMinSeconds=n>]... [--reset]",
    example: "pnpm sigap site:limits --site pk_demo_sigap --set reports.perAddress=40/3600 --set formMinSeconds=5",
    options: { site: str, set: many, reset: { type: "boolean" } },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const change = list(values, "set").length > 0 || values["reset"] === true;
      const limits = change ? await changeSiteLimits(services.ds, site, list(values, "set"), values["reset"] === true) : (site.rateLimits ?? null);
      if (!json) print(limits ? `${site.name} limits: ${JSON.stringify(limits)}` : `${site.name} uses the deployment's limits.`);
      return { site: siteJson(site), rateLimits: limits };
    },
  },
  "site:identity": {
    summary: "show or set how a site's reporter tokens verify: an HS256 secret or a JWKS URL (RS256/ES256)",
    usage: "site:identity --site <id|key> [--secret <32+ chars> | --jwks-url <url> | --off]",
    example: "pnpm sigap site:identity --site pk_demo_sigap --jwks-url https://company.example/.well-known/jwks.json",
    options: { site: str, secret: str, "jwks-url": str, off: { type: "boolean" } },
    required: ["site"],
    async run({ values, services, json }) {
      let site = await findSite(services, text(values, "site"));
      const secret = typeof values["secret"] === "string" ? values["secret"] : null;
      const jwksUrl = typeof values["jwks-url"] === "string" ? values["jwks-url"] : null;
      if (secret || jwksUrl || values["off"] === true) site = await services.sites.setIdentity(site.id, { secret, jwksUrl });
      const mode = site.reporterJwtSecret ? "HS256 secret" : site.reporterJwksUrl ? `JWKS ${site.reporterJwksUrl}` : "off";
      if (!json) print(`${site.name} reporter tokens: ${mode}`);
      return { site: siteJson(site), reporterTokens: { mode: site.reporterJwtSecret ? "HS256" : site.reporterJwksUrl ? "JWKS" : "OFF", jwksUrl: site.reporterJwksUrl } };
    },
  },
  "site:ladder": {
    summary: "show or change a site's SLA escalation ladder (steps at a share of each target's window)",
    usage: "site:ladder --site <id|key> [--set <RESPONSE|RESOLUTION>=<share>:<ACTION>[+<ACTION>],...|default]... [--reset]",
    example: "pnpm sigap site:ladder --site pk_demo_sigap --set RESOLUTION=50:WARN_ASSIGNEE,75:WARN_GROUP+WARN_SUPERVISOR,100:ESCALATE+ALERT_SUPERVISOR,150:ALERT_MANAGER",
    options: { site: str, set: many, reset: { type: "boolean" } },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const changes: Partial<Record<LadderTarget, LadderStep[] | null>> = values["reset"] === true ? { RESPONSE: null, RESOLUTION: null } : {};
      const problems: FieldProblem[] = [];
      for (const item of list(values, "set")) {
        const eq = item.indexOf("=");
        const target = item.slice(0, Math.max(0, eq)).trim().toUpperCase();
        if (eq < 0 || !(LADDER_TARGETS as readonly string[]).includes(target)) {
          problems.push({ field: "set", message: `--set "${item}" must start with RESPONSE= or RESOLUTION=` });
          continue;
        }
        const body = item.slice(eq + 1).trim();
        if (body.toLowerCase() === "default") {
          changes[target as LadderTarget] = null;
          continue;
        }
        const parsed = parseSteps(target as LadderTarget, body);
        for (const message of parsed.problems) problems.push({ field: target, message });
        changes[target as LadderTarget] = parsed.steps;
      }
      if (problems.length) throw badInput(problems);
      const ladder = Object.keys(changes).length ? await services.sites.setLadder(site.id, changes) : await services.sites.ladder(site.id);
      if (!json) print(table(["TARGET", "STEPS"], LADDER_TARGETS.map((t) => [t, formatSteps(ladder[t]) || "(none)"])));
      return { site: siteJson(site), ladder };
    },
  },
  "site:hours": {
    summary: "show or set a site's business hours (its time zone) and the priorities whose SLA clock stays 24×7",
    usage: 'site:hours --site <id|key> [--set "<DAYS> <HH:MM-HH:MM>[,...]; ..."] [--round-the-clock <P1,...|none>] [--clear]',
    example: 'pnpm sigap site:hours --site pk_demo_sigap --set "MON-FRI 08:00-17:00; SAT 08:00-12:00" --round-the-clock P1',
    options: { site: str, set: str, "round-the-clock": str, clear: { type: "boolean" } },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const rtcText = optionalText(values, "round-the-clock");
      const rtc = rtcText === undefined ? undefined : parsePriorities(rtcText);
      if (rtc?.problems.length) throw badInput(rtc.problems.map((message) => ({ field: "round-the-clock", message })));
      let hours = site.businessHours;
      if (values["clear"] === true) hours = await services.hours.setHours(site.id, null);
      else if (values["set"] !== undefined || rtc) {
        const week = optionalText(values, "set") ?? (hours ? formatWeeklyHours(hours.week) : null);
        if (week === null) throw badField("set", "This site has no hours yet: give --set with the hours.");
        hours = await services.hours.setHours(site.id, week, rtc?.priorities);
      }
      const shown = { timeZone: site.timeZone, hours: hours ? formatWeeklyHours(hours.week) : null, roundTheClock: hours ? hours.roundTheClock : "ALL" };
      if (!json) print(table(["TIME ZONE", "HOURS", "24×7"], [[site.timeZone, shown.hours ?? "24×7 (no hours)", hours ? hours.roundTheClock.join(",") || "none" : "all priorities"]]));
      return { site: siteJson(site), ...shown };
    },
  },
  "site:holidays": {
    summary: "list, add, remove or import a site's holidays (days off the SLA clock); `--import id` loads Indonesia's national holidays",
    usage: "site:holidays --site <id|key> [--import <id|file.json> [--year <yyyy>]... [--cuti-bersama]] [--add <YYYY-MM-DD>=<name>]... [--remove <YYYY-MM-DD>]...",
    example: "pnpm sigap site:holidays --site pk_demo_sigap --import id --year 2026 --cuti-bersama",
    options: { site: str, import: str, year: many, "cuti-bersama": { type: "boolean" }, add: many, remove: many },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const years = list(values, "year").map((y) => {
        if (!/^\d{4}$/.test(y)) throw badField("year", `--year must be a year such as 2026, got "${y}"`);
        return Number(y);
      });
      const notes: string[] = [];
      const source = optionalText(values, "import");
      if (source !== undefined) {
        let selection: HolidaySelection;
        try {
          selection = selectHolidays(await readHolidayFile(source), { years, cutiBersama: values["cuti-bersama"] === true });
        } catch (error) {
          throw badField("import", `Cannot import holidays from "${source}": ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!selection.holidays.length) throw badField("import", `"${source}" lists no holidays${years.length ? ` for ${years.join(", ")}` : ""}.`);
        await services.hours.addHolidays(site.id, selection.holidays);
        for (const [year, from] of Object.entries(selection.sources)) notes.push(`${year}: ${from}`);
        if (selection.provisional.length) notes.push(`Provisional (check against the official decree): ${selection.provisional.map((h) => h.day).join(", ")}`);
      }
      const added = list(values, "add").map((item) => {
        const eq = item.indexOf("=");
        return eq < 0 ? { day: item.trim(), name: "" } : { day: item.slice(0, eq).trim(), name: item.slice(eq + 1) };
      });
      if (added.length) await services.hours.addHolidays(site.id, added);
      const removed = list(values, "remove");
      if (removed.length) await services.hours.removeHolidays(site.id, removed.map((d) => d.trim()));
      const shownYears = years.length ? years : [undefined];
      const holidays = (await Promise.all(shownYears.map((y) => services.hours.holidays(site.id, y)))).flat();
      if (!json) {
        print(holidays.length ? table(["DAY", "NAME"], holidays.map((h) => [h.day, h.name])) : "No holidays.");
        for (const note of notes) print(note);
        if (!site.businessHours) print("Note: this site has no business hours (site:hours), so its SLA clock is 24×7 and holidays do not count yet.");
      }
      return { site: siteJson(site), holidays, notes };
    },
  },
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
  "agent:add": {
    summary: "add a desk member with a role, optionally in a support group; prints the agent id",
    usage: `agent:add --site <id|key> --name <name> --email <email> --role <${Object.values(Role).join("|")}> [--group <name>] [--language id|en (default: the site's)]`,
    example: 'pnpm sigap agent:add --site pk_demo_sigap --name "Siti Aminah" --email siti@pos.example --role AGENT --group "Service Desk" --language id',
    options: { site: str, name: str, email: str, role: str, group: str, language: str },
    required: ["site", "name", "email", "role"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const email = text(values, "email").toLowerCase();
      const groupName = optionalText(values, "group");
      let groupId: string | null = null;
      if (groupName !== undefined) {
        const groups = await services.catalog.groups(site.id);
        const group = byName(groups, groupName);
        if (!group) throw badField("group", `no support group named "${groupName}" on this site; it has: ${names(groups)}`);
        groupId = group.id;
      }
      const agent = await services.agents.create({
        siteId: site.id,
        name: text(values, "name"),
        email,
        // Unchecked on purpose: the service validates the role with the other fields, so one run reports every problem.
        role: text(values, "role").toUpperCase() as Role,
        groupId,
        language: optionalText(values, "language")?.toLowerCase(),
      });
      if (!json) print(agent.id);
      return agentJson(agent);
    },
  },
  "agent:token": {
    summary: "sign a bearer token for an agent; prints only the token",
    usage: "agent:token --site <id|key> --email <email> [--ttl-hours <hours>]",
    example: "TOKEN=$(pnpm sigap agent:token --site pk_demo_sigap --email dewi@demo.sigap.local --ttl-hours 8)",
    options: { site: str, email: str, "ttl-hours": str },
    required: ["site", "email"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const ttlText = optionalText(values, "ttl-hours") ?? "12";
      const ttlHours = Number(ttlText);
      if (!Number.isFinite(ttlHours) || ttlHours <= 0 || ttlHours > 24 * 366) {
        throw badField("ttl-hours", `--ttl-hours must be a number of hours above 0 and at most ${24 * 366}, got "${ttlText}"`);
      }
      const email = text(values, "email").toLowerCase();
      const agent = (await services.agents.list(site.id)).find((a) => a.email === email);
      if (!agent) throw notFound(`No agent with e-mail ${email} on ${site.name}.`);
      // A token for a deactivated agent would be refused at once; say so here instead.
      if (!agent.active) throw conflict(`${agent.name} is deactivated; their tokens are refused.`);
      const ttlSeconds = Math.round(ttlHours * 3600);
      const token = await services.agents.mintToken(agent, ttlSeconds);
      if (!json) print(token);
      return { token, expiresAt: new Date(services.clock.now().getTime() + ttlSeconds * 1000).toISOString(), agent: agentJson(agent) };
    },
  },
  "agent:password": {
    summary: "set an agent's password from stdin (for automation; people use the reset link); prints nothing",
    usage: "agent:password --site <id|key> --email <email>   (the password on stdin)",
    example: 'printf %s "$PASSWORD" | pnpm sigap agent:password --site pk_demo_sigap --email dewi@demo.sigap.local',
    options: { site: str, email: str },
    required: ["site", "email"],
    async run({ values, services }) {
      const site = await findSite(services, text(values, "site"));
      const agent = await agentByEmail(services, site, text(values, "email"));
      // Read from stdin, never an argument: arguments show in `ps` and shell history.
      if (process.stdin.isTTY) throw badField("password", "pipe the password on stdin, e.g. printf %s \"$PASSWORD\" | sigap agent:password …");
      let password = "";
      for await (const chunk of process.stdin) password += String(chunk);
      await services.signIn.setPassword(agent, password.replace(/\r?\n$/, ""));
      return { agent: agentJson(agent) };
    },
  },
  "agent:deactivate": {
    summary: "deactivate an agent: their tokens stop at once, their open subscriptions within a minute",
    usage: "agent:deactivate --site <id|key> --email <email>",
    example: "pnpm sigap agent:deactivate --site pk_demo_sigap --email dewi@demo.sigap.local",
    options: { site: str, email: str },
    required: ["site", "email"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const agent = await agentByEmail(services, site, text(values, "email"));
      // Gateways re-check open subscriptions every AGENT_SESSION_CHECK_MS, so the row change reaches them.
      await services.agents.deactivate(agent);
      if (!json) print(`${agent.name} is deactivated.`);
      return { agent: { ...agentJson(agent), active: false } };
    },
  },
  "webhook:add": {
    summary: "add a webhook endpoint for some event types; prints its id and its secret (shown only now)",
    usage: `webhook:add --site <id|key> --url <https://...> --event <${WEBHOOK_EVENT_TYPES[0]}|...|all>... [--description <text>]`,
    example: "pnpm sigap webhook:add --site pk_demo_sigap --url https://sms.example/hooks/sigap --event ticket.created --description \"SMS receipt\"",
    options: { site: str, url: str, event: many, description: str },
    required: ["site", "url", "event"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const events = list(values, "event").flatMap((e) => (e === "all" ? [...WEBHOOK_EVENT_TYPES] : e.split(",").map((x) => x.trim())));
      const { endpoint, secret } = await services.webhooks.create(site.id, { url: text(values, "url"), eventTypes: events, description: optionalText(values, "description") ?? null });
      if (!json) print(`endpoint id  ${endpoint.id}\nsecret       ${secret}\n(keep the secret: it is not shown again; webhook:rotate makes a new one)`);
      return { endpoint: endpointJson(endpoint), secret };
    },
  },
  "webhook:list": {
    summary: "list a site's webhook endpoints, their event types and state",
    usage: "webhook:list --site <id|key>",
    example: "pnpm sigap webhook:list --site pk_demo_sigap",
    options: { site: str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const endpoints = await services.webhooks.list(site.id);
      if (!json) {
        print(
          endpoints.length
            ? table(
                ["ID", "URL", "EVENTS", "STATE"],
                endpoints.map((e) => [e.id, e.url, e.eventTypes.join(","), e.enabled ? (e.failingSince ? `failing since ${e.failingSince.toISOString()}` : "enabled") : `disabled: ${e.disabledReason ?? ""}`]),
              )
            : "No webhook endpoints yet. Add one with webhook:add.",
        );
      }
      return endpoints.map(endpointJson);
    },
  },
  "webhook:rotate": {
    summary: "give an endpoint a new secret (printed once); the old one also signs for --overlap-hours (default 24)",
    usage: "webhook:rotate --site <id|key> --endpoint <id> [--overlap-hours <0-168>]",
    example: "pnpm sigap webhook:rotate --site pk_demo_sigap --endpoint 7d0c… --overlap-hours 48",
    options: { site: str, endpoint: str, "overlap-hours": str },
    required: ["site", "endpoint"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const { endpoint, secret } = await services.webhooks.rotateSecret(site.id, text(values, "endpoint"), number(values, "overlap-hours") ?? DEFAULT_ROTATION_OVERLAP_HOURS);
      if (!json) {
        const until = endpoint.previousSecretExpiresAt ? `the old secret also signs until ${endpoint.previousSecretExpiresAt.toISOString()}` : "the old secret no longer signs";
        print(`secret  ${secret}\n(${until})`);
      }
      return { endpoint: endpointJson(endpoint), secret };
    },
  },
  "webhook:deliveries": {
    summary: "list delivery attempts, newest first (status code, latency, error)",
    usage: "webhook:deliveries --site <id|key> [--endpoint <id>] [--event <type>] [--failed] [--limit <n>]",
    example: "pnpm sigap webhook:deliveries --site pk_demo_sigap --failed --limit 20",
    options: { site: str, endpoint: str, event: str, failed: { type: "boolean" }, limit: str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const rows = await services.webhooks.deliveries(site.id, {
        endpointId: optionalText(values, "endpoint") ?? null,
        eventType: optionalText(values, "event") ?? null,
        ok: values["failed"] === true ? false : null,
        first: number(values, "limit") ?? 50,
      });
      if (!json) {
        print(
          rows.length
            ? table(
                ["ID", "AT", "EVENT", "ATTEMPT", "RESULT", "MS"],
                rows.map((d) => [d.id, d.createdAt.toISOString(), d.eventType, `${d.attempt}${d.replay ? " (replay)" : ""}`, d.ok ? `ok ${d.statusCode}` : (d.error ?? "failed"), String(d.latencyMs ?? "")]),
              )
            : "No deliveries yet.",
        );
      }
      return rows.map(deliveryJson);
    },
  },
  "webhook:replay": {
    summary: "send a delivery's event again (same body and webhook-id) as a new series of attempts",
    usage: "webhook:replay --site <id|key> --delivery <id>",
    example: "pnpm sigap webhook:replay --site pk_demo_sigap --delivery 1f2e…",
    options: { site: str, delivery: str },
    required: ["site", "delivery"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const replayId = await services.webhooks.replay(site.id, text(values, "delivery"));
      if (!json) print(`queued ${replayId}; the gateway's dispatcher sends it`);
      return { replayId };
    },
  },
  "demo:seed": {
    summary: "create the Pos Indonesia Balikpapan demo site (once) and print its key and agent tokens",
    usage: "demo:seed [--origin <url>]...",
    example: "pnpm sigap demo:seed --origin http://localhost:5173",
    options: { origin: many },
    required: [],
    async run({ values, services, json }) {
      const seed = await seedDemo(services, { origins: list(values, "origin") });
      if (!json) print(describeSeed(seed));
      return { created: seed.created, site: siteJson(seed.site), agents: seed.agents };
    },
  },
};

/** The full help text: every command with its options and an example. */
function usageText(): string {
  const lines = [
    "Sigap admin CLI: manage sites, catalogue, agents and webhooks in the gateway's database.",
    "",
    "Usage: pnpm sigap <command> [options]",
    "",
    "Commands:",
  ];
  for (const c of Object.values(COMMANDS)) {
    lines.push(`  ${c.usage}`, `      ${c.summary}`, `      e.g. ${c.example}`, "");
  }
  lines.push(
    "  help",
    "      show this text; help <command> (or <command> --help) shows one command",
    "",
    "Every command takes --json to print machine-readable JSON instead of text.",
    "--site takes a site id or its public key (pk_...).",
    "The database is the gateway's: DATABASE_URL, or the embedded SQLite in SIGAP_DATA_DIR (default ./.data).",
    "Exit codes: 0 done, 1 refused or failed, 2 bad command line, 78 bad configuration.",
  );
  return lines.join("\n");
}

function commandUsage(name: string): string {
  const c = COMMANDS[name];
  return c ? `Usage: pnpm sigap ${c.usage} [--json]\n  ${c.summary}\n  e.g. ${c.example}` : usageText();
}

/** Parses argv, runs one command, and returns the exit code; never throws. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const wantsJson = rest.includes("--json");
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    const topic = rest[0];
    print(topic !== undefined && Object.hasOwn(COMMANDS, topic) ? commandUsage(topic) : usageText());
    return EXIT.ok;
  }
  // hasOwn: "toString" and friends are not commands.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    printError(wantsJson, { code: "UNKNOWN_COMMAND", message: `unknown command "${name}"` });
    if (!wantsJson) process.stderr.write(`\n${usageText()}\n`);
    return EXIT.usage;
  }

  let values: Values;
  try {
    values = parseCommandLine(name, command, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printError(wantsJson, { code: "USAGE", message: error.message });
    if (!wantsJson) process.stderr.write(`\n${commandUsage(name)}\n`);
    return EXIT.usage;
  }
  if (values["help"] === true) {
    print(commandUsage(name));
    return EXIT.ok;
  }
  const json = values["json"] === true;

  let services: Services | undefined;
  let bus: SigapPubSub | undefined;
  try {
    const config = loadConfig();
    // Warnings only, and on stderr: stdout carries the command's output (a token, JSON).
    const log = pino({ level: "warn" }, pino.destination({ dest: 2, sync: true }));
    const ds = await openDatabase(config.database, log, config.dbConnectAttempts).catch((error: unknown) => {
      // The driver's message ("connect ECONNREFUSED") does not say which database it tried.
      throw new Error(`cannot open the database ${describeDatabase(config.database)}: ${oneLine(error)}`);
    });
    // With REDIS_URL the changes a command makes are announced to the running gateways (their cached
    // sites, settings and tracker views drop at once), as a change through one of them would be.
    bus = config.redis ? createRedisPubSub(config.redis, log) : createSigapPubSub();
    await bus.start();
    services = createServices(ds, systemClock, bus, config.secret, log, null, config.notify, config.webhookAllowPrivate, config.inbound.replyDomain);
    const result = await command.run({ values, services, json });
    if (json) print(JSON.stringify(result, null, 2));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ConfigError) {
      if (json) printError(true, { code: "CONFIG", message: "invalid configuration", problems: error.problems });
      else process.stderr.write(`${error.message}\n`);
      return EXIT.config;
    }
    if (error instanceof UsageError) {
      printError(json, { code: "USAGE", message: error.message });
      return EXIT.usage;
    }
    if (error instanceof SigapError) {
      const fields = fieldsOf(error);
      printError(json, { code: error.code, message: error.message, ...(fields.length ? { fields } : {}) });
      // A lone field whose message is the error's own would only repeat the line above.
      const repeated = fields.length === 1 && fields[0]?.message === error.message;
      if (!json && !repeated) for (const f of fields) process.stderr.write(`  - ${f.field}: ${f.message}\n`);
      return EXIT.failed;
    }
    printError(json, { code: "FAILED", message: oneLine(error) });
    return EXIT.failed;
  } finally {
    // Closing the bus waits for the announcements already sent.
    await bus?.close().catch(() => undefined);
    if (services?.ds.isInitialized) await services.ds.destroy().catch(() => undefined);
  }
}

function parseCommandLine(name: string, command: Command, args: string[]): Values {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { ...command.options, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    // parseArgs' messages already name the offending option; drop its advice about "--" and positionals.
    throw new UsageError(oneLine(error).replace(/\. To specify a positional argument.*$/, "."));
  }
  if (positionals.length) throw new UsageError(`${name} takes no positional arguments, got "${positionals.join(" ")}"`);
  if (values["help"] === true) return values;
  const missing = command.required.filter((o) => values[o] === undefined);
  if (missing.length) throw new UsageError(`${name} needs ${missing.map((o) => `--${o}`).join(", ")}`);
  return values;
}

/** The site an admin names by id or by public key; both are unique, so at most one matches. */
async function findSite(services: Services, idOrKey: string): Promise<SiteEntity> {
  const site = (await services.sites.list()).find((s) => s.id === idOrKey || s.siteKey === idOrKey);
  if (!site) throw notFound(`No site with id or key "${idOrKey}". Run site:list to see the sites.`);
  return site;
}

function text(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== "string") throw new UsageError(`--${name} needs a value`);
  return v;
}

function optionalText(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

/** `--desk-email`: an address as mail systems compare it (lowercase), or none/"" to remove it. */
function deskEmail(v: string | undefined): string | null | undefined {
  if (v === undefined) return undefined;
  const clean = v.trim().toLowerCase();
  return clean === "" || clean === "none" ? null : clean;
}

/** A true/false option; anything else is left for the service to refuse by name. */
function flag(values: Values, name: string): boolean | undefined {
  const v = optionalText(values, name);
  if (v === undefined) return undefined;
  if (/^(true|yes|1|on)$/i.test(v)) return true;
  if (/^(false|no|0|off)$/i.test(v)) return false;
  throw badField(name, `--${name} must be true or false, got "${v}"`);
}

/** A numeric option; the service checks the range. */
function number(values: Values, name: string): number | undefined {
  const v = optionalText(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n)) throw badField(name, `--${name} must be a number, got "${v}"`);
  return n;
}

function list(values: Values, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

/** Names compare without regard to case, as an admin types them. */
function byName<T extends { name: string }>(rows: T[], name: string): T | undefined {
  const wanted = name.trim().toLowerCase();
  return rows.find((r) => r.name.toLowerCase() === wanted);
}

function names(rows: Array<{ name: string }>): string {
  return rows.length ? rows.map((r) => `"${r.name}"`).join(", ") : "none yet";
}

function fieldsOf(error: SigapError): FieldProblem[] {
  const fields: unknown = error.extensions["fields"];
  return Array.isArray(fields) ? fields.filter(isFieldProblem) : [];
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== "object" || value === null) return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === "string" && typeof message === "string";
}

function siteJson(site: SiteEntity) {
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

function endpointJson(e: WebhookEndpointEntity) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: e.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

function deliveryJson(d: WebhookDeliveryEntity) {
  const { payload: _body, createdAt, ...rest } = d;
  return { ...rest, createdAt: createdAt.toISOString() };
}

async function agentByEmail(services: Services, site: SiteEntity, address: string): Promise<AgentEntity> {
  const email = address.toLowerCase();
  const agent = (await services.agents.list(site.id)).find((a) => a.email === email);
  if (!agent) throw notFound(`No agent with e-mail ${email} on ${site.name}.`);
  return agent;
}

function agentJson(agent: AgentEntity) {
  return { id: agent.id, siteId: agent.siteId, name: agent.name, email: agent.email, role: agent.role, groupId: agent.groupId, language: agent.language, active: agent.active };
}

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

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

function print(textOut: string): void {
  process.stdout.write(`${textOut}\n`);
}

function printError(json: boolean, error: { code: string; message: string; [k: string]: unknown }): void {
  process.stderr.write(json ? `${JSON.stringify({ error })}\n` : `error: ${error.message}\n`);
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

// exitCode rather than exit(): lets stdout drain when it is a pipe, e.g. TOKEN=$(…).
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`error: ${oneLine(error)}\n`);
  return EXIT.failed;
});
