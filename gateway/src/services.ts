import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Clock } from "./clock.js";
import type { NotifyConfig, SignInConfig } from "./config.js";
import { createContext, NO_CREDENTIALS } from "./context.js";
import { createTransactor } from "./db/transactions.js";
import { AgentService } from "./modules/agents/agent.service.js";
import { AgentAdmin } from "./modules/agents/agent-admin.service.js";
import { OidcSignIn } from "./modules/agents/oidc.service.js";
import { Role } from "./modules/agents/role.js";
import { SignInService } from "./modules/agents/sign-in.service.js";
import { AttachmentService } from "./modules/attachments/attachment.service.js";
import type { AttachmentStorage } from "./modules/attachments/blob-store.js";
import { UploadCleanup } from "./modules/attachments/upload-cleanup.js";
import { CatalogService } from "./modules/catalog/catalog.service.js";
import { CatalogAdmin } from "./modules/catalog/catalog-admin.service.js";
import { FeedbackReads } from "./modules/feedback/feedback-reads.js";
import { FeedbackService } from "./modules/feedback/feedback.service.js";
import { setupMail, type Mail } from "./modules/notifications/mail.js";
import { SiteAdmin } from "./modules/sites/site-admin.service.js";
import { InboundService } from "./modules/inbound/inbound.service.js";
import { MessageClaims } from "./modules/inbound/message-claims.js";
import { replyCommands } from "./modules/inbound/reply-commands.js";
import { createReplyAddresses, type ReplyAddresses } from "./modules/notifications/reply-address.js";
import type { SiteEntity } from "./modules/sites/site.entity.js";
import { Notifications } from "./modules/notifications/notifications.service.js";
import { SiteService } from "./modules/sites/site.service.js";
import { DEFAULT_ACCESS_DEPLOYMENT, SiteAccessAdmin, type AccessDeployment } from "./modules/sites/site-access.service.js";
import { BusinessHoursService } from "./modules/sla/business-hours.service.js";
import { MyTickets } from "./modules/reporters/my-tickets.service.js";
import { ReporterTokens } from "./modules/reporters/reporter-tokens.js";
import { TrackingLinks } from "./modules/reporters/tracking-links.service.js";
import { SlaSweep } from "./modules/sla/sla-sweep.service.js";
import { slaStepPlanner } from "./modules/sla/sla-step.planner.js";
import { DeskCommands } from "./modules/tickets/desk-commands.js";
import { DeskLogging } from "./modules/tickets/desk-logging.service.js";
import { IntakeService } from "./modules/tickets/intake.service.js";
import { ReporterCommands } from "./modules/tickets/reporter-commands.js";
import { TicketChanges } from "./modules/tickets/ticket-change.js";
import { TicketQueue } from "./modules/tickets/ticket-queue.service.js";
import { QueueViews } from "./modules/queue-views/queue-views.service.js";
import { TicketSearch } from "./modules/tickets/ticket-search.js";
import { TicketReads } from "./modules/tickets/ticket-reads.js";
import { TicketViewService } from "./modules/tickets/ticket-view.service.js";
import { TrackerViewCache } from "./modules/tickets/tracker-view.cache.js";
import type { TicketEntity } from "./modules/tickets/ticket.entity.js";
import { WebhookChannel } from "./modules/webhooks/webhook-channel.js";
import { WebhookEndpoints } from "./modules/webhooks/webhook-endpoints.service.js";
import { CustomFieldService } from "./modules/fields/custom-fields.service.js";
import { CannedResponses } from "./modules/canned/canned-responses.service.js";
import { AgentSessions } from "./realtime/agent-sessions.js";
import { LiveSubscriptions } from "./realtime/live.js";
import { feedKey, type SigapPubSub } from "./realtime/pubsub.js";
import { PresenceBoard } from "./modules/awareness/presence.service.js";
import { ReadMarks } from "./modules/awareness/read-marks.service.js";
import { AGENTS_FEED, Topic } from "./realtime/topics.js";
import { AuditLog } from "./modules/audit/audit-log.service.js";
import { ReporterData } from "./modules/privacy/reporter-data.service.js";
import { Retention } from "./modules/privacy/retention.service.js";
import { RecapRollup } from "./modules/recaps/recap-rollup.service.js";
import { RecapService } from "./modules/recaps/recap.service.js";
import { Approvals } from "./modules/approvals/approvals.service.js";
import { approvalPlanner } from "./modules/approvals/approval-mail.planner.js";
import { Routing } from "./modules/routing/routing.service.js";
import { WorkOrders } from "./modules/workorders/work-orders.service.js";
import { createKnowledge, type Knowledge } from "./modules/knowledge/knowledge.js";
import { agentActor } from "./modules/audit/audit-trail.js";
import { LinkedIncidents } from "./modules/problems/linked-incidents.js";
import { ProblemReads } from "./modules/problems/problem-reads.js";
import { Problems } from "./modules/problems/problems.service.js";
import { DocumentService } from "./modules/documents/documents.service.js";
import { ScheduledRecaps } from "./modules/recaps/scheduled-recaps.service.js";
import { createConfirmLinks, type ConfirmLinks } from "./modules/tickets/confirm-link.js";

/**
 * The two ticket entry points the HTTP layer calls by these names (`server.ts` runs the sweep,
 * the download route opens a reporter's ticket); each delegates to its home.
 */
export interface TicketEntryPoints {
  /** Runs one SLA sweep (sla/sla-sweep.service.ts). */
  sweep(): Promise<number>;
  /** The ticket a code and tracking token open (ticket-reads.ts); one NOT_FOUND for either wrong. */
  findForReporter(site: SiteEntity, code: string, token: string): Promise<TicketEntity>;
}

/** Every service of the gateway, wired once at start-up. */
export interface Services {
  ds: DataSource;
  clock: Clock;
  bus: SigapPubSub;
  log: Logger;
  sites: SiteService;
  /** A site's business hours and holidays, which the SLA clock counts. */
  hours: BusinessHoursService;
  /** A site's settings, mail settings and ladder as an admin changes them over GraphQL. */
  siteAdmin: SiteAdmin;
  catalog: CatalogService;
  /** Changes to the catalogue: services, categories, support groups (GraphQL and CLI). */
  catalogAdmin: CatalogAdmin;
  agents: AgentService;
  attachments: AttachmentService;
  /** Reads of tickets shared by commands and views. */
  reads: TicketReads;
  /** Logging a report. */
  intake: IntakeService;
  /** Logging a ticket for a caller at the desk (phone, e-mail, walk-in). */
  logging: DeskLogging;
  /** The desk queue. */
  queue: TicketQueue;
  /** The desk's queue views: counts, an agent's saved views and remembered choice. */
  queueViews: QueueViews;
  /** Desk commands on one ticket. */
  desk: DeskCommands;
  /** The reporter's commands on their ticket. */
  reporter: ReporterCommands;
  /** Satisfaction feedback. */
  feedback: FeedbackService;
  /** The timed escalation and closure. */
  slaSweep: SlaSweep;
  /** The transactional outbox: planners, channels, the dispatcher. */
  notifications: Notifications;
  /** Mail out: templates, planners, the SMTP channel. */
  mail: Mail;
  /** Deletes uploads never linked to a ticket after a day; `run()` is one pass on demand. */
  uploadCleanup: UploadCleanup;
  /** The read side. */
  views: TicketViewService;
  tickets: TicketEntryPoints;
  live: LiveSubscriptions;
  /** Webhook endpoints, secrets, deliveries and replay (the admin surface). */
  webhooks: WebhookEndpoints;
  /** Per-ticket reply addresses (`reply+<ticket>.<mac>@SMTP_REPLY_DOMAIN`). */
  replyAddresses: ReplyAddresses;
  /** Mail in: replies to tickets, mail to a site's desk address. */
  inbound: InboundService;
  /** Verifies host sites' reporter tokens (HS256 secret or JWKS). */
  reporterTokens: ReporterTokens;
  /** An identified reporter's tickets. */
  myTickets: MyTickets;
  /** One-time links that let an anonymous reporter back in. */
  trackingLinks: TrackingLinks;
  /** Passwords, reset and invitation links, the OpenID Connect hand-back codes. */
  signIn: SignInService;
  /** The company identity provider; null when OIDC_ISSUER is unset. */
  oidc: OidcSignIn | null;
  /** Open subscriptions' agent tokens, re-checked so a deactivation ends them. */
  sessions: AgentSessions;
  /** Agents as an ADMIN or a SUPERVISOR lists and changes them. */
  agentAdmin: AgentAdmin;
  /** A site's keys, origins, upload limits, rate-limit overrides and reporter-token keys (the admin surface). */
  access: SiteAccessAdmin;
  /** The audit trail as an admin reads it. */
  auditLog: AuditLog;
  /** Anonymizes reporters' data on tickets closed longer ago than their site keeps it (runs with the sweep). */
  retention: Retention;
  /** One reporter's data on request: export and erasure. */
  reporterData: ReporterData;
  /** A site's custom fields: definitions, the report's check, the tickets' values. */
  fields: CustomFieldService;
  /** A site's canned responses: the supervisors' changes, the agents' list, the body filled in for a ticket. */
  canned: CannedResponses;
  /** Per-agent read marks: unread tickets and the unread count. */
  readMarks: ReadMarks;
  /** Who is viewing or typing on which ticket, heard over the bus; nothing stored. */
  presence: PresenceBoard;
  /** Recaps of a period (GraphQL `recap`, the CSV exports). */
  recaps: RecapService;
  /** The daily recap rollups: backfilled and caught up by the sweep. */
  recapRollup: RecapRollup;
  /** Approval chains of request items: configuration, decisions, the approvers' inbox. */
  approvals: Approvals;
  /** Routing rules, dispatch settings and automatic assignment at intake. */
  routing: Routing;
  /** Work orders: findings, cost proposals and the customer's decision, payment. */
  workOrders: WorkOrders;
  /** The knowledge base: articles, their search, reporters' deflections and ratings. */
  knowledge: Knowledge;
  /** Problem records: raise, edit, move, link, resolve (and what that does to their incidents). */
  problems: Problems;
  /** Reads of problems and a ticket's similar incidents. */
  problemReads: ProblemReads;
  /** The resolution mail's signed links to the closure check (tickets/confirm-page.routes.ts). */
  confirmLinks: ConfirmLinks;
  /** The ticket report and closed-incidents PDFs (documents/). */
  documents: DocumentService;
}

/** Wires the services over one data source, clock and bus; without `storage` files can be linked and listed but not uploaded. */
export function createServices(
  ds: DataSource,
  clock: Clock,
  bus: SigapPubSub,
  secret: string,
  log: Logger,
  storage: AttachmentStorage | null = null,
  notify: NotifyConfig | null = null,
  webhookAllowPrivate = false,
  replyDomain: string | null = null,
  signInConfig: SignInConfig | null = null,
  deployment: AccessDeployment = DEFAULT_ACCESS_DEPLOYMENT,
): Services {
  const tx = createTransactor(ds);
  const notifications = new Notifications(ds, tx, clock, log);
  const replyAddresses = createReplyAddresses(secret, replyDomain);
  const confirmLinks = createConfirmLinks(secret);
  const mail = setupMail(notifications, ds, notify, replyAddresses, confirmLinks);
  const sites = new SiteService(ds, clock, bus);
  const catalog = new CatalogService(ds);
  const agents = new AgentService(ds, clock, secret);
  const attachments = new AttachmentService(ds, storage, clock);
  const signIn = new SignInService(ds, tx, clock, agents, notifications, { signInUrl: () => signInConfig?.signInUrl ?? mail.links.publicUrl() });
  const oidc = signInConfig?.oidc ? new OidcSignIn(signInConfig.oidc, ds, sites, signIn, clock, secret, notify?.publicUrl ?? null) : null;
  const sessions = new AgentSessions(agents, log);
  agents.onDeactivated(() => void sessions.recheck().catch((err: unknown) => log.error({ err }, "agent session check failed")));
  // A role changed on any gateway: subscriptions scoped by the old role end here too, at once.
  bus.listen(Topic.AGENT_CHANGED, AGENTS_FEED, () => void sessions.recheck().catch((err: unknown) => log.error({ err }, "agent session check failed")));
  const reads = new TicketReads(ds);
  const queue = new TicketQueue(ds, clock, sites, new TicketSearch(ds));
  const changes = new TicketChanges(ds, tx, bus, clock, attachments, notifications);
  const feedback = new FeedbackService(changes);
  const fields = new CustomFieldService(ds, clock, sites, bus);
  const approvals = new Approvals(ds, tx, changes, clock);
  // An approver who leaves before deciding no longer counts; the change has committed, so a failure here is logged, not thrown.
  const reconcile = (siteId: string, agentId: string) => approvals.reconcile(siteId, agentId).catch((err: unknown) => log.error({ err, agentId }, "approval reconcile failed"));
  agents.onDeactivated((a) => reconcile(a.siteId, a.id));
  const agentAdmin = new AgentAdmin(ds, tx, clock, bus);
  agentAdmin.onMoved(reconcile);
  const routing = new Routing(ds, tx, clock, sites, bus);
  const intake = new IntakeService(ds, tx, changes, clock, secret, attachments, notifications, sites, mail.receipt, fields, approvals, (em, site, ticket, now, calendar) =>
    routing.atIntake(em, site, ticket, now, calendar),
  );
  notifications.addPlanner(slaStepPlanner);
  notifications.addPlanner(approvalPlanner);
  const slaSweep = new SlaSweep(ds, changes, sites, notifications, clock, log);
  const retention = new Retention(ds, tx, sites, changes, storage, clock, log);
  const recapRollup = new RecapRollup(ds, tx, () => sites.list(), clock);
  const recaps = new RecapService(ds, sites, catalog, clock, recapRollup);
  const scheduledRecaps = new ScheduledRecaps(ds, tx, sites, catalog, recaps, notifications, clock, log);
  mail.attachTo("recap", (siteId, vars) => scheduledRecaps.attachment(siteId, vars));
  const webhooks = new WebhookEndpoints(ds, tx, clock, notifications, webhookAllowPrivate);
  new WebhookChannel(ds, tx, clock, webhooks, notifications, webhookAllowPrivate, log).attach();
  const knowledge = createKnowledge(ds, tx, clock, reads);
  const services: Services = {
    ds,
    clock,
    bus,
    log,
    sites,
    hours: new BusinessHoursService(ds, clock, sites),
    siteAdmin: new SiteAdmin(ds, sites, clock),
    catalog,
    catalogAdmin: new CatalogAdmin(tx, catalog, clock),
    agents,
    attachments,
    reads,
    uploadCleanup: new UploadCleanup(ds, tx, storage, clock, log),
    intake,
    logging: new DeskLogging(ds, intake, sites, mail.links),
    queue,
    queueViews: new QueueViews(ds, tx, clock, queue),
    desk: new DeskCommands(changes, sites, (em, ticket, agent, ip) => knowledge.articles.createDraft(agent, ticket, agentActor(agent, { clientAddress: ip }), em).then(() => undefined)),
    reporter: new ReporterCommands(changes, reads),
    feedback,
    slaSweep,
    recapRollup,
    notifications,
    mail,
    views: new TicketViewService(clock, reads, sites, attachments, new FeedbackReads(ds), catalog, agents, new TrackerViewCache(bus)),
    tickets: {
      // Retention and the recap mail run on the sweep's schedule, in every gateway; each ticket is
      // claimed once (retention.service.ts), each recap mail written once (recap-schedule.rules.ts).
      // The count is of tickets changed; the recap mails it writes are not tickets and do not count.
      sweep: async () => {
        const changed = (await slaSweep.run()) + (await retention.run());
        // After the ladder and retention, so the rollups catch up with what they changed; a failure
        // here must not hold back the recap mail (recaps count live until the rollups catch up).
        await recapRollup.sweep().catch((err: unknown) => log.error({ err }, "recap rollup catch-up failed"));
        await scheduledRecaps.run();
        return changed;
      },
      findForReporter: (site, code, token) => reads.byTracking(site.id, code, token),
    },
    webhooks,
    live: null!,
    replyAddresses,
    signIn,
    oidc,
    sessions,
    agentAdmin,
    access: new SiteAccessAdmin(ds, tx, clock, sites, deployment),
    inbound: new InboundService({
      ds,
      tx,
      sites,
      intake,
      replies: replyCommands(ds, changes),
      attachments,
      notifications,
      replyAddresses,
      claims: new MessageClaims(ds, tx, clock),
      log,
    }),
    reporterTokens: new ReporterTokens(() => clock.now()),
    myTickets: new MyTickets(ds, clock),
    trackingLinks: new TrackingLinks(ds, tx, clock, notifications, mail),
    auditLog: new AuditLog(ds),
    retention,
    reporterData: new ReporterData(ds, tx, changes, storage, clock),
    fields,
    canned: new CannedResponses(ds, clock, reads, sites, mail.links),
    readMarks: new ReadMarks(ds, clock),
    presence: null!,
    approvals,
    routing,
    workOrders: new WorkOrders(ds, changes, routing),
    knowledge,
    problems: new Problems(ds, tx, clock, changes, new LinkedIncidents(changes), log),
    problemReads: new ProblemReads(ds, clock),
    recaps,
    confirmLinks,
    documents: new DocumentService(ds, sites, catalog, fields, attachments, reads),
  };
  // Shared executions of a subscription serve many subscribers at once, so they carry no
  // credentials; a queue feed's scope is the desk role its subscribe checked.
  services.live = new LiveSubscriptions(bus, (feed) => createContext(services, NO_CREDENTIALS, undefined, asRole(feed.scope)), log);
  // A ticket's viewers changed here: push its presence subscribers (a local resync, not a bus event).
  services.presence = new PresenceBoard(bus, clock, (ticketId) => services.live.resync(new Set([feedKey(Topic.TICKET_PRESENCE, ticketId)])), log);
  return services;
}

/** A feed's scope is a role, or a role and the one agent it answers for (`ROLE:agentId`, awareness). */
function asRole(scope: string | null): Role | null {
  const role = scope?.split(":")[0] ?? null;
  return role !== null && (Object.values(Role) as string[]).includes(role) ? (role as Role) : null;
}
