/**
 * Operations of the desk administration's Audit log section, with an ADMIN's bearer token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** What the section's filters need: the site's time zone (days and times) and the agents to pick from. */
export const AuditSetup = operation<G.AuditSetupQuery, G.AuditSetupQueryVariables>(/* GraphQL */ `
  query AuditSetup { siteSettings { timeZone } adminAgents(includeInactive: true) { id name } }
`);

/** One page of the audit log, newest first. */
export const AuditLog = operation<G.AuditLogQuery, G.AuditLogQueryVariables>(/* GraphQL */ `
  query AuditLog($filter: AuditFilter, $first: Int!, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      entries { id at actorKind actorId actorName ip action subjectType subjectId beforeJson afterJson }
      nextCursor
    }
  }
`);
