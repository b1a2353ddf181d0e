import { createPubSub, type PubSub } from "@graphql-yoga/subscription";
import type { TopicPayloads } from "./topics.js";

/** The typed event bus; in-process today, Redis-backed when several gateways run. */
export type SigapPubSub = PubSub<TopicPayloads>;

/** Creates the in-process bus. */
export function createSigapPubSub(): SigapPubSub {
  return createPubSub<TopicPayloads>();
}
