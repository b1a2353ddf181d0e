/** The agent commands: add, change, tokens, passwords, deactivation. */
import { userInfo } from "node:os";
import { badField, conflict, notFound } from "../errors.js";
import type { AgentChange } from "../modules/agents/agent-admin.service.js";
import { cliActor } from "../modules/audit/audit-trail.js";
import type { AgentEntity } from "../modules/agents/agent.entity.js";
import type { SiteEntity } from "../modules/sites/site.entity.js";
import { Role } from "../modules/agents/role.js";
import type { Services } from "../services.js";
import { type Command, str, findSite, text, optionalText, byName, names, print, table } from "./command.js";

/** The agent commands, by name. */
export const agentCommands: Record<string, Command> = {
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
      }, cliActor(userInfo().username));
      if (!json) print(agent.id);
      return agentJson(agent);
    },
  },
  "agent:set": {
    summary: "change an agent's name, role, group, language, regions or skills (only those given); the site keeps an active ADMIN",
    usage: `agent:set --site <id|key> --email <email> [--name <name>] [--role <${Object.values(Role).join("|")}>] [--group <name>|none] [--language id|en] [--regions <a,b,...>|none] [--skills <a,b,...>|none]`,
    example: 'pnpm sigap agent:set --site pk_demo_sigap --email siti@pos.example --role SPECIALIST --regions "Samarinda Ulu,Sungai Kunjang" --skills jaringan,printer',
    options: { site: str, email: str, name: str, role: str, group: str, language: str, regions: str, skills: str },
    required: ["site", "email"],
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const agent = await agentByEmail(services, site, text(values, "email"));
      const groupName = optionalText(values, "group");
      let groupId: string | null | undefined;
      if (groupName !== undefined && groupName.toLowerCase() !== "none") {
        const groups = await services.catalog.groups(site.id);
        const group = byName(groups, groupName);
        if (!group) throw badField("group", `no support group named "${groupName}" on this site; it has: ${names(groups)}`);
        groupId = group.id;
      } else if (groupName !== undefined) groupId = null;
      const tags = (name: string) => {
        const v = optionalText(values, name);
        return v === undefined ? undefined : v.trim().toLowerCase() === "none" ? [] : v.split(",");
      };
      const change: AgentChange = {
        name: optionalText(values, "name"),
        // Unchecked on purpose: the service names every bad field at once.
        role: optionalText(values, "role")?.toUpperCase() as Role | undefined,
        groupId,
        language: optionalText(values, "language")?.toLowerCase(),
        regions: tags("regions"),
        skills: tags("skills"),
      };
      // The command line stands for the server's operator: it may do what an ADMIN may, except leave the site without one.
      const view = await services.agentAdmin.update({ id: null, role: null, groupId: null, siteId: site.id }, agent.id, change, cliActor(userInfo().username));
      if (!json) print(table(["FIELD", "VALUE"], [["name", view.name], ["role", view.role], ["group", view.groupId ?? "(none)"], ["language", view.language], ["regions", view.regions.join(", ") || "(none)"], ["skills", view.skills.join(", ") || "(none)"]]));
      return { agent: { ...agentJson(agent), ...view, createdAt: view.createdAt.toISOString() } };
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
      const token = await services.agents.issueToken(agent, ttlSeconds, cliActor(userInfo().username));
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
      await services.signIn.setPassword(agent, password.replace(/\r?\n$/, ""), cliActor(userInfo().username));
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
      await services.agents.deactivate(agent, cliActor(userInfo().username));
      if (!json) print(`${agent.name} is deactivated.`);
      return { agent: { ...agentJson(agent), active: false } };
    },
  },
};

/** The agent of a site with this e-mail, or NOT_FOUND. */
async function agentByEmail(services: Services, site: SiteEntity, address: string): Promise<AgentEntity> {
  const email = address.toLowerCase();
  const agent = (await services.agents.list(site.id)).find((a) => a.email === email);
  if (!agent) throw notFound(`No agent with e-mail ${email} on ${site.name}.`);
  return agent;
}

/** An agent as `--json` shows it. */
function agentJson(agent: AgentEntity) {
  return { id: agent.id, siteId: agent.siteId, name: agent.name, email: agent.email, role: agent.role, groupId: agent.groupId, language: agent.language, active: agent.active };
}
