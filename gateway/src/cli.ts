#!/usr/bin/env tsx
/**
 * Sigap's admin CLI: sites, catalogue, agents, webhooks and the demo seed, over the same database and
 * secret as the gateway. Run it as `pnpm sigap <command> [options]` from the repository root.
 * This file parses the command line, wires the services and reports errors; the commands are
 * short declarations grouped by what they manage in cli/*.commands.ts, and their work is in the
 * services.
 */
import { parseArgs } from "node:util";
import { pino } from "pino";
import { systemClock } from "./clock.js";
import { ConfigError, describeDatabase, loadConfig } from "./config.js";
import { openDatabase } from "./db/data-source.js";
import { SigapError, type FieldProblem } from "./errors.js";
import { createSigapPubSub, type SigapPubSub } from "./realtime/pubsub.js";
import { createRedisPubSub } from "./realtime/redis-pubsub.js";
import { createServices, type Services } from "./services.js";
import { type Values, type Command, UsageError, print } from "./cli/command.js";
import { siteCommands } from "./cli/site.commands.js";
import { catalogCommands } from "./cli/catalog.commands.js";
import { agentCommands } from "./cli/agent.commands.js";
import { webhookCommands } from "./cli/webhook.commands.js";
import { demoCommands } from "./cli/demo.commands.js";
import { policyCommands } from "./cli/policy.commands.js";

/** Exit codes: 2 for a misused command line (as shells do), 78 for bad configuration (EX_CONFIG). */
const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

const COMMANDS: Record<string, Command> = { ...siteCommands, ...catalogCommands, ...agentCommands, ...webhookCommands, ...demoCommands, ...policyCommands };

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
    services = createServices(ds, systemClock, bus, config.secret, log, null, config.notify, config.webhookAllowPrivate, config.inbound.replyDomain, null, {
      rateLimits: config.limits.rates,
      maxUploadBytesCap: config.maxUploadBytesCap,
    });
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
  if (positionals.length && !command.positionals) throw new UsageError(`${name} takes no positional arguments, got "${positionals.join(" ")}"`);
  if (values["help"] === true) return values;
  const missing = command.required.filter((o) => values[o] === undefined);
  if (missing.length) throw new UsageError(`${name} needs ${missing.map((o) => `--${o}`).join(", ")}`);
  return command.positionals ? { ...values, _: positionals } : values;
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
