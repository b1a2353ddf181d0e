/** The gateway as a library: start it in-process (tests, embedding) or read its config. */
export { loadConfig, ConfigError, type Config, type DatabaseConfig } from "./config.js";
export { startGateway, type Gateway, type GatewayOptions } from "./server.js";
export type { Clock } from "./clock.js";
export { Role } from "./modules/agents/role.js";
export { TicketStatus, TicketType, Urgency, Impact, Priority } from "./modules/tickets/ticket.enums.js";
export { seedDemo, DEMO_SITE_KEY, type DemoSeed } from "./modules/sites/demo-seed.js";
export { DEFAULT_SLA_POLICY, isBreached, slaStatus, type SlaClock } from "./modules/sla/sla.rules.js";
export type { DomainEvent, DomainEventType, OutboxDraft } from "./modules/notifications/notification.types.js";
export { cliActor, systemActor, type AuditRecord } from "./modules/audit/audit-trail.js";
export type { AuditActor } from "./modules/audit/audit.rules.js";
