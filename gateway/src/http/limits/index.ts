/** The abuse controls' wiring surface: what a server front needs to apply them. */
export { createLimits, limitsOf, queryTooComplex, rateLimited, type Caller, type Limits, type LimitsOptions } from "./limits.js";
export { LIMITED_PARSE_OPTIONS, limitsPlugin } from "./limits.plugin.js";
export { countSubscriptionFailures, downloadGuard, guardSubscription, rememberSocket, socketCaller, uploadGuard } from "./transport-guards.js";
