/** The site commands: create, list, origins, keys, settings (name, unit code, zone, languages, handling, mail), upload and rate limits, reporter identity, SLA ladder, business hours and holidays. */
import { userInfo } from "node:os";
import { combineOverrides, parseAssignment, type RateLimitOverrides } from "../http/limits/limits.rules.js";
import { cliActor } from "../modules/audit/audit-trail.js";
import { DEFAULT_OVERLAP_HOURS, rateLimitRows } from "../modules/sites/site-access.rules.js";
import type { MailLanguage } from "../modules/notifications/mail-language.js";
import { languagesOf } from "../modules/sites/site-basics.rules.js";
import { badField, badInput, type FieldProblem } from "../errors.js";
import { mailSettingsOf } from "../modules/notifications/mail-settings.js";
import type { SiteSettings } from "../modules/sites/site-settings.rules.js";
import { settingsOf } from "../modules/sites/site.service.js";
import { formatSteps, LADDER_TARGETS, parseSteps, type LadderStep, type LadderTarget } from "../modules/sla/ladder.rules.js";
import { formatWeeklyHours } from "../modules/sla/business-time.rules.js";
import { readHolidayFile, selectHolidays, type HolidaySelection } from "../modules/sla/holiday-file.js";
import { parsePriorities } from "../modules/sla/sla-calendar.rules.js";
import { type Command, str, many, findSite, text, optionalText, flag, number, list, table, print, siteJson } from "./command.js";

/** The site commands, by name. */
export const siteCommands: Record<string, Command> = {
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
      }, operator());
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
      const found = await findSite(services, text(values, "site"));
      // The same change as GraphQL's updateSiteAccess: validated, audited, announced to running gateways.
      await services.access.update(found.id, { allowedOrigins: [...found.allowedOrigins, text(values, "origin")] }, operator());
      const site = await services.sites.get(found.id);
      if (!json) print(`${site.name} now allows: ${site.allowedOrigins.join(", ")}`);
      return siteJson(site);
    },
  },
  "site:rotate-key": {
    summary: "give a site a new public key; the old one keeps working for the overlap, then is refused",
    usage: `site:rotate-key --site <id|key> [--overlap-hours <0-720> (default ${DEFAULT_OVERLAP_HOURS})]`,
    example: "pnpm sigap site:rotate-key --site pk_demo_sigap --overlap-hours 48",
    options: { site: str, "overlap-hours": str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const access = await services.access.rotateKey(site.id, number(values, "overlap-hours") ?? DEFAULT_OVERLAP_HOURS, operator());
      if (!json) {
        print(`site key  ${access.siteKey}`);
        print(access.previousSiteKey ? `${access.previousSiteKey} keeps working until ${access.previousKeyValidUntil!.toISOString()}` : `${site.siteKey} is refused from now on`);
      }
      return { site: siteJson(await services.sites.get(site.id)), siteKey: access.siteKey, previousSiteKey: access.previousSiteKey, previousKeyValidUntil: access.previousKeyValidUntil?.toISOString() ?? null };
    },
  },
  "site:uploads": {
    summary: "show or change a site's upload limits: largest file, files per ticket, accepted types",
    usage: "site:uploads --site <id|key> [--max-bytes <n>] [--max-files <0-20>] [--types <type,...>]",
    example: "pnpm sigap site:uploads --site pk_demo_sigap --max-bytes 5242880 --max-files 5 --types image/png,image/jpeg,application/pdf",
    options: { site: str, "max-bytes": str, "max-files": str, types: str },
    required: ["site"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const types = optionalText(values, "types");
      const patch = {
        maxUploadBytes: number(values, "max-bytes"),
        maxAttachmentsPerTicket: number(values, "max-files"),
        allowedUploadTypes: types === undefined ? undefined : types.split(",").map((t) => t.trim()).filter(Boolean),
      };
      const changing = Object.values(patch).some((v) => v !== undefined);
      const access = changing ? await services.access.update(site.id, patch, operator()) : await services.access.view(site.id);
      const shown = { maxUploadBytes: access.maxUploadBytes, maxUploadBytesCap: access.maxUploadBytesCap, maxAttachmentsPerTicket: access.maxAttachmentsPerTicket, allowedUploadTypes: access.allowedUploadTypes };
      if (!json) print(table(["SETTING", "VALUE"], Object.entries(shown).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)])));
      return { site: siteJson(site), ...shown };
    },
  },
  "site:set": {
    summary: "change a site's name, unit code, time zone, languages, handling and mail settings (only those given); prints them all",
    usage:
      "site:set --site <id|key> [--name <name>] [--unit-code <code>] [--time-zone <IANA zone>] [--languages id,en] [--reporter-sets-impact true|false] [--default-impact HIGH|MEDIUM|LOW] [--queue-order DUE_TIME|ARRIVAL] [--reopen-closed-within-days <days>] [--auto-close-hours <hours>] [--desk-email <address|none>] [--language id|en] [--accent-color #rrggbb|none] [--logo-url <https url>|none] [--tracking-url <url with {code} {token}>|none] [--reporter-mail all|none|status_changed,resolved,closed] [--retention-months <1-120>|none] [--scheduled-recaps true|false]",
    example: "pnpm sigap site:set --site pk_demo_sigap --queue-order ARRIVAL --tracking-url 'https://company.example/lacak?code={code}&token={token}'",
    options: {
      site: str, name: str, "unit-code": str, "time-zone": str, languages: str, "reporter-sets-impact": str, "default-impact": str, "queue-order": str, "reopen-closed-within-days": str, "auto-close-hours": str, "desk-email": str,
      language: str, "accent-color": str, "logo-url": str, "tracking-url": str, "reporter-mail": str, "retention-months": str, "scheduled-recaps": str,
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
        retentionMonths: optionalText(values, "retention-months")?.trim().toLowerCase() === "none" ? null : number(values, "retention-months"),
        scheduledRecaps: flag(values, "scheduled-recaps"),
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
      const languages = optionalText(values, "languages");
      const basics = {
        name: optionalText(values, "name"),
        unitCode: optionalText(values, "unit-code"),
        timeZone: optionalText(values, "time-zone"),
        languages: languages === undefined ? undefined : (languages.split(",").map((l) => l.trim()) as MailLanguage[]),
      };
      // The same change as GraphQL's updateSiteSettings: every bad value named, one audited transaction.
      await services.siteAdmin.update(site.id, { ...basics, ...handling, ...mail }, cliActor(userInfo().username));
      site = await services.sites.get(site.id);
      const basicsNow = { name: site.name, unitCode: site.unitCode, timeZone: site.timeZone, languages: languagesOf(site) };
      const settings = settingsOf(site);
      const mailSettings = mailSettingsOf(site);
      if (!json) print(table(["SETTING", "VALUE"], Object.entries({ ...basicsNow, ...settings, ...mailSettings }).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])));
      return { site: siteJson(site), basics: basicsNow, settings, mail: mailSettings };
    },
  },
  "site:limits": {
    summary: "show or change a site's own rate limits and form fill time (over the deployment's)",
    usage: "site:limits --site <id|key> [--set <limit.perAddress|perSite=points/seconds | formMinSeconds=n>]... [--reset]",
    example: "pnpm sigap site:limits --site pk_demo_sigap --set reports.perAddress=40/3600 --set formMinSeconds=5",
    options: { site: str, set: many, reset: { type: "boolean" } },
    required: ["site"],
    async run({ values, services, json }) {
      let site = await findSite(services, text(values, "site"));
      const change = list(values, "set").length > 0 || values["reset"] === true;
      if (change) {
        // Each assignment laid over what the site has (or nothing, with --reset), then written whole as GraphQL's updateSiteAccess does.
        let overrides: RateLimitOverrides | null = values["reset"] === true ? null : site.rateLimits;
        for (const item of list(values, "set")) {
          const parsed = parseAssignment(item);
          if (!parsed.ok) throw badField("set", parsed.problem);
          overrides = combineOverrides(overrides, parsed.value);
        }
        const rows = rateLimitRows(null, overrides).flatMap((r) => (r.override ? [{ key: r.key, points: r.override.points, seconds: r.override.seconds }] : []));
        await services.access.update(site.id, { rateLimits: rows }, operator());
        site = await services.sites.get(site.id);
      }
      const limits = site.rateLimits ?? null;
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
      if (secret || jwksUrl || values["off"] === true) site = await services.sites.setIdentity(site.id, { secret, jwksUrl }, cliActor(userInfo().username));
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
      const ladder = Object.keys(changes).length ? await services.sites.setLadder(site.id, changes, cliActor(userInfo().username)) : await services.sites.ladder(site.id);
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
      if (values["clear"] === true) hours = await services.hours.setHours(site.id, null, undefined, cliActor(userInfo().username));
      else if (values["set"] !== undefined || rtc) {
        const week = optionalText(values, "set") ?? (hours ? formatWeeklyHours(hours.week) : null);
        if (week === null) throw badField("set", "This site has no hours yet: give --set with the hours.");
        hours = await services.hours.setHours(site.id, week, rtc?.priorities, cliActor(userInfo().username));
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
        await services.hours.addHolidays(site.id, selection.holidays, cliActor(userInfo().username));
        for (const [year, from] of Object.entries(selection.sources)) notes.push(`${year}: ${from}`);
        if (selection.provisional.length) notes.push(`Provisional (check against the official decree): ${selection.provisional.map((h) => h.day).join(", ")}`);
      }
      const added = list(values, "add").map((item) => {
        const eq = item.indexOf("=");
        return eq < 0 ? { day: item.trim(), name: "" } : { day: item.slice(0, eq).trim(), name: item.slice(eq + 1) };
      });
      if (added.length) await services.hours.addHolidays(site.id, added, cliActor(userInfo().username));
      const removed = list(values, "remove");
      if (removed.length) await services.hours.removeHolidays(site.id, removed.map((d) => d.trim()), cliActor(userInfo().username));
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
};

/** `--desk-email`: an address as mail systems compare it (lowercase), or none/"" to remove it. */
function deskEmail(v: string | undefined): string | null | undefined {
  if (v === undefined) return undefined;
  const clean = v.trim().toLowerCase();
  return clean === "" || clean === "none" ? null : clean;
}

/** The audit trail's actor for a command run here: the operating-system user. */
function operator() {
  return cliActor(userInfo().username);
}
