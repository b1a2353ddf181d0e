import "reflect-metadata";
import "./graphql-enums.js";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { createSigapPubSub, type SigapPubSub } from "./realtime/pubsub.js";
import { DeskResolver } from "./modules/tickets/desk.resolver.js";
import { ReporterResolver } from "./modules/tickets/reporter.resolver.js";
import { SiteResolver } from "./modules/sites/site.resolver.js";

/** Builds the executable schema from the resolvers; inputs are validated by class-validator. */
export function buildSigapSchema(bus: SigapPubSub = createSigapPubSub()): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [ReporterResolver, DeskResolver, SiteResolver],
    // Our subscriptions subscribe through the services; type-graphql still insists on a bus.
    pubSub: bus,
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
  });
}

/** The schema as SDL, sorted so the checked-in contract diffs cleanly. */
export async function printSigapSchema(): Promise<string> {
  const sdl = printSchema(lexicographicSortSchema(await buildSigapSchema()));
  return `# The Sigap GraphQL contract, emitted from gateway/src by \`pnpm schema:emit\`. Do not edit by hand.\n\n${sdl}\n`;
}
