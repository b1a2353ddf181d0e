/** The site's SLA policy and priority matrix commands, on the same service methods as GraphQL's setSlaPolicy and setPriorityMatrix. */
import { userInfo } from "node:os";
import { badInput } from "../errors.js";
import { cliActor } from "../modules/audit/audit-trail.js";
import { formatTarget, parseTargets, policyTargets } from "../modules/sla/sla-policy.rules.js";
import { formatMatrixRow, parseMatrixRows } from "../modules/tickets/priority.rules.js";
import { Urgency } from "../modules/tickets/ticket.enums.js";
import { TicketType } from "../modules/tickets/ticket.enums.js";
import { type Command, str, findSite, text, list, table, print, siteJson, ticketTypeOf } from "./command.js";

const URGENCIES = [Urgency.HIGH, Urgency.MEDIUM, Urgency.LOW];

/** The policy commands, by name. */
export const policyCommands: Record<string, Command> = {
  "site:sla": {
    summary:
      "show or replace a site's SLA policy of a ticket type (INCIDENT by default; SERVICE_REQUEST and WORK_ORDER follow it until given their own, --clear puts one back): response/resolution minutes per priority (new tickets only; open ones keep their due times)",
    usage: `site:sla --site <id|key> [--type <${Object.values(TicketType).join("|")}>] [P1=<response>/<resolution> P2=… P3=… P4=… P5=… | --clear]   (minutes; 4h and 1d also read)`,
    example: "pnpm sigap site:sla --site pk_demo_sigap --type WORK_ORDER P1=1h/1d P2=2h/2d P3=4h/3d P4=8h/5d P5=1d/10d",
    options: { site: str, type: str, clear: { type: "boolean" } },
    required: ["site"],
    positionals: true,
    async run({ values, services, json }) {
      const site = await findSite(services, text(values, "site"));
      const ticketType = ticketTypeOf(values) ?? TicketType.INCIDENT;
      const items = list(values, "_");
      if (items.length && values["clear"]) throw badInput([{ field: "clear", message: "Give targets or --clear, not both." }]);
      if (items.length) {
        const { targets, problems } = parseTargets(items);
        if (problems.length) throw badInput(problems);
        await services.siteAdmin.setSlaPolicy(site.id, targets, cliActor(userInfo().username), ticketType);
      }
      if (values["clear"]) await services.siteAdmin.clearSlaPolicy(site.id, ticketType, cliActor(userInfo().username));
      const policies = await services.sites.policies(site.id);
      const policy = policyTargets(policies.byType[ticketType]);
      const followsIncident = ticketType !== TicketType.INCIDENT && !policies.own.includes(ticketType);
      if (!json) {
        print(`${ticketType}${followsIncident ? " (no targets of its own: follows the INCIDENT policy)" : ""}`);
        print(table(["PRIORITY", "RESPONSE MIN", "RESOLUTION MIN", "AS SET"], policy.map((t) => [t.priority, String(t.responseMinutes), String(t.resolutionMinutes), `${t.priority}=${formatTarget(t)}`])));
      }
      return { site: siteJson(site), ticketType, followsIncident, slaPolicy: policy };
    },
  },
  "site:matrix": {
    summary: "show or set a site's urgency × impact priority matrix: one row per urgency, the priorities of impact HIGH,MEDIUM,LOW (new reports and reclassifications)",
    usage: "site:matrix --site <id|key> [HIGH=<P>,<P>,<P> MEDIUM=<P>,<P>,<P> LOW=<P>,<P>,<P> | --reset]",
    example: "pnpm sigap site:matrix --site pk_demo_sigap HIGH=P1,P1,P2 MEDIUM=P2,P3,P4 LOW=P3,P4,P5",
    options: { site: str, reset: { type: "boolean" } },
    required: ["site"],
    positionals: true,
    async run({ values, services, json }) {
      let site = await findSite(services, text(values, "site"));
      const rows = list(values, "_");
      if (rows.length || values["reset"] === true) {
        const { cells, problems } = parseMatrixRows(rows);
        if (problems.length) throw badInput(problems);
        await services.siteAdmin.setPriorityMatrix(site.id, values["reset"] === true ? null : cells, cliActor(userInfo().username));
        site = await services.sites.get(site.id);
      }
      const shown = URGENCIES.map((u) => ({ urgency: u, impactHighMediumLow: formatMatrixRow(site.priorityMatrix, u) }));
      if (!json) {
        print(table(["URGENCY", "IMPACT HIGH,MEDIUM,LOW"], shown.map((r) => [r.urgency, r.impactHighMediumLow])));
        if (!site.priorityMatrix) print("(seed 002's default matrix)");
      }
      return { site: siteJson(site), priorityMatrix: site.priorityMatrix, rows: shown };
    },
  },
};
