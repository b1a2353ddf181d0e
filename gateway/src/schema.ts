import "reflect-metadata";
import "./graphql-enums.js";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { validateOrReject, type ValidatorOptions } from "class-validator";
import { ArgumentValidationError, buildSchema } from "type-graphql";
import { rememberValidationMetadata } from "./validation-metadata.js";
import { deskAuthChecker } from "./modules/agents/auth-checker.js";
import { DeskResolver } from "./modules/tickets/desk.resolver.js";
import { DeskLoggingResolver } from "./modules/tickets/desk-logging.resolver.js";
import { ReporterResolver } from "./modules/tickets/reporter.resolver.js";
import { TrackedTypeResolver } from "./modules/tickets/tracked-type.resolver.js";
import { SiteResolver } from "./modules/sites/site.resolver.js";
import { SiteAdminResolver } from "./modules/sites/site-admin.resolver.js";
import { FormTokenResolver } from "./http/limits/form-token.resolver.js";
import { WebhookResolver } from "./modules/webhooks/webhook.resolver.js";
import { BusinessHoursResolver } from "./modules/sla/business-hours.resolver.js";
import { IdentityResolver } from "./modules/reporters/identity.resolver.js";
import { SignInResolver } from "./modules/agents/sign-in.resolver.js";
import { AgentAdminResolver } from "./modules/agents/agent-admin.resolver.js";
import { SiteAccessResolver } from "./modules/sites/site-access.resolver.js";
import { AuditResolver } from "./modules/audit/audit.resolver.js";
import { ReporterDataResolver } from "./modules/privacy/reporter-data.resolver.js";
import { CustomFieldAdminResolver, DeskCustomFieldResolver, DeskDirectoryCustomFieldResolver, PublicCustomFieldResolver, TrackedCustomFieldResolver } from "./modules/fields/custom-field.resolver.js";
import { QueueViewsResolver } from "./modules/queue-views/queue-views.resolver.js";
import { CatalogAdminResolver } from "./modules/catalog/catalog-admin.resolver.js";
import { CannedResponseResolver } from "./modules/canned/canned.resolver.js";
import { AwarenessResolver } from "./modules/awareness/awareness.resolver.js";
import { AttachmentResolver } from "./modules/attachments/attachment.resolver.js";
import { RecapResolver } from "./modules/recaps/recap.resolver.js";
import { ApprovalResolver, DeskApprovalResolver, TrackedApprovalResolver } from "./modules/approvals/approval.resolver.js";
import { RoutingResolver } from "./modules/routing/routing.resolver.js";
import { DeskWorkOrderResolver, TrackedWorkOrderResolver } from "./modules/workorders/work-order.resolver.js";
import { KnowledgeDeskResolver } from "./modules/knowledge/knowledge-desk.resolver.js";
import { HelpCentreResolver } from "./modules/knowledge/help-centre.resolver.js";
import { ProblemResolver } from "./modules/problems/problem.resolver.js";
import { TicketProblemResolver } from "./modules/problems/ticket-problem.resolver.js";

/** type-graphql insists on a pub/sub even though our subscriptions return feeds from `services.live`. */
const UNUSED_PUBSUB = {
  publish(): void {
    throw new Error("Publish through services.bus.");
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error("Subscribe through services.live.feed(…).");
  },
};

const VALIDATION: ValidatorOptions = { forbidUnknownValues: false, stopAtFirstError: false, skipMissingProperties: true };

/**
 * Validates input objects with class-validator, as type-graphql's own `validate` would. Its own
 * does `await import("class-validator")` for every argument of every request, which under a
 * loader (tsx) is a round trip to the loader thread: about 5% of a report's CPU.
 */
async function validateInput(value: unknown): Promise<void> {
  const objects = (Array.isArray(value) ? value : [value]).filter((v): v is object => v !== null && typeof v === "object");
  try {
    await Promise.all(objects.map((o) => validateOrReject(o, VALIDATION)));
  } catch (errors) {
    throw new ArgumentValidationError(errors as ConstructorParameters<typeof ArgumentValidationError>[0]);
  }
}

/** Builds the executable schema from the resolvers; inputs are validated by class-validator. */
export function buildSigapSchema(): Promise<GraphQLSchema> {
  rememberValidationMetadata();
  return buildSchema({
    resolvers: [ReporterResolver, TrackedTypeResolver, DeskResolver, SiteResolver, FormTokenResolver, SiteAdminResolver, WebhookResolver, BusinessHoursResolver, IdentityResolver, SignInResolver, AgentAdminResolver, SiteAccessResolver, AuditResolver, ReporterDataResolver, CustomFieldAdminResolver, PublicCustomFieldResolver, TrackedCustomFieldResolver, DeskCustomFieldResolver, CatalogAdminResolver, DeskDirectoryCustomFieldResolver, CannedResponseResolver, DeskLoggingResolver, AwarenessResolver, AttachmentResolver, QueueViewsResolver, RecapResolver, KnowledgeDeskResolver, HelpCentreResolver, ProblemResolver, TicketProblemResolver, ApprovalResolver, DeskApprovalResolver, TrackedApprovalResolver, RoutingResolver, DeskWorkOrderResolver, TrackedWorkOrderResolver],
    pubSub: UNUSED_PUBSUB,
    authChecker: deskAuthChecker,
    validateFn: validateInput,
  });
}

/** The schema as SDL, sorted so the checked-in contract diffs cleanly. */
export async function printSigapSchema(): Promise<string> {
  const sdl = printSchema(lexicographicSortSchema(await buildSigapSchema()));
  return `# The Sigap GraphQL contract, emitted from gateway/src by \`pnpm schema:emit\`. Do not edit by hand.\n\n${sdl}\n`;
}
