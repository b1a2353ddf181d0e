import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Clock } from "./clock.js";
import { createContext } from "./context.js";
import { createTransactor } from "./db/transactions.js";
import { AgentService } from "./modules/agents/agent.service.js";
import { AttachmentService } from "./modules/attachments/attachment.service.js";
import type { AttachmentStorage } from "./modules/attachments/blob-store.js";
import { UploadCleanup } from "./modules/attachments/upload-cleanup.js";
import { CatalogService } from "./modules/catalog/catalog.service.js";
import { SiteService } from "./modules/sites/site.service.js";
import { TicketViewService } from "./modules/tickets/ticket-view.service.js";
import { TicketService } from "./modules/tickets/ticket.service.js";
import { LiveSubscriptions } from "./realtime/live.js";
import type { SigapPubSub } from "./realtime/pubsub.js";

/** Every service of the gateway, wired once at start-up. */
export interface Services {
  ds: DataSource;
  clock: Clock;
  bus: SigapPubSub;
  log: Logger;
  sites: SiteService;
  catalog: CatalogService;
  agents: AgentService;
  attachments: AttachmentService;
  /** Deletes uploads never linked to a ticket after a day; `run()` is one pass on demand. */
  uploadCleanup: UploadCleanup;
  tickets: TicketService;
  views: TicketViewService;
  live: LiveSubscriptions;
}

/** Wires the services over one data source, clock and bus; without `storage` files can be linked and listed but not uploaded. */
export function createServices(
  ds: DataSource,
  clock: Clock,
  bus: SigapPubSub,
  secret: string,
  log: Logger,
  storage: AttachmentStorage | null = null,
): Services {
  const tx = createTransactor(ds);
  const sites = new SiteService(ds, clock);
  const catalog = new CatalogService(ds);
  const agents = new AgentService(ds, clock, secret);
  const attachments = new AttachmentService(ds, storage, clock);
  const tickets = new TicketService(ds, tx, bus, clock, secret, sites, attachments, agents, log);
  const views = new TicketViewService(ds, clock, tickets, sites, attachments);
  const uploadCleanup = new UploadCleanup(ds, tx, storage, clock, log);
  const services: Services = { ds, clock, bus, log, sites, catalog, agents, attachments, uploadCleanup, tickets, views, live: null! };
  // Shared executions of a subscription serve many subscribers at once, so they carry no credentials.
  services.live = new LiveSubscriptions(bus, () => createContext(services, { siteKey: null, origin: null, bearer: null }), log);
  return services;
}
