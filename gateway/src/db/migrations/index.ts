// Migrations are listed explicitly (not globbed) so tsx, vitest and the compiled build agree.
import { Initial1795324257158 as MysqlInitial } from "./mysql/1795324257158-Initial.js";
import { TicketStatusIndex1795326102687 as MysqlTicketStatusIndex } from "./mysql/1795326102687-TicketStatusIndex.js";
import { SiteSettings1795400000000 as MysqlSiteSettings } from "./mysql/1795400000000-SiteSettings.js";
import { AttachmentUnlinkedIndex1795993118291 as MysqlAttachmentUnlinkedIndex } from "./mysql/1795993118291-AttachmentUnlinkedIndex.js";
import { SiteRateLimits1795993253549 as MysqlSiteRateLimits } from "./mysql/1795993253549-SiteRateLimits.js";
import { SlaLadder1795997206557 as MysqlSlaLadder } from "./mysql/1795997206557-SlaLadder.js";
import { WebhookEndpoints1795997237416 as MysqlWebhookEndpoints } from "./mysql/1795997237416-WebhookEndpoints.js";
import { InboundMail1796000000000 as MysqlInboundMail } from "./mysql/1796000000000-InboundMail.js";
import { Outbox1796000100000 as MysqlOutbox } from "./mysql/1796000100000-Outbox.js";
import { AgentLanguage1796100000000 as MysqlAgentLanguage } from "./mysql/1796100000000-AgentLanguage.js";
import { BusinessHours1796300000000 as MysqlBusinessHours } from "./mysql/1796300000000-BusinessHours.js";
import { ReporterIdentity1796400000000 as MysqlReporterIdentity } from "./mysql/1796400000000-ReporterIdentity.js";
import { AgentSignIn1796500000000 as MysqlAgentSignIn } from "./mysql/1796500000000-AgentSignIn.js";
import { AuditTrail1796600000000 as MysqlAuditTrail } from "./mysql/1796600000000-AuditTrail.js";
import { CatalogLanguages1796700000000 as MysqlCatalogLanguages } from "./mysql/1796700000000-CatalogLanguages.js";
import { PeopleAdmin1796800000000 as MysqlPeopleAdmin } from "./mysql/1796800000000-PeopleAdmin.js";
import { SitePolicy1796900000000 as MysqlSitePolicy } from "./mysql/1796900000000-SitePolicy.js";
import { DataProtection1797000000000 as MysqlDataProtection } from "./mysql/1797000000000-DataProtection.js";
import { CustomFields1797100000000 as MysqlCustomFields } from "./mysql/1797100000000-CustomFields.js";
import { QueueViews17972000000000 as MysqlQueueViews } from "./mysql/17972000000000-QueueViews.js";
import { TicketSearch17973000000000 as MysqlTicketSearch } from "./mysql/17973000000000-TicketSearch.js";
import { CannedResponses17974000000000 as MysqlCannedResponses } from "./mysql/17974000000000-CannedResponses.js";
import { Awareness17975000000000 as MysqlAwareness } from "./mysql/17975000000000-Awareness.js";
import { CustomerId17976000000000 as MysqlCustomerId } from "./mysql/17976000000000-CustomerId.js";
import { RecapIndexes17979000000000 as MysqlRecapIndexes } from "./mysql/17979000000000-RecapIndexes.js";
import { WorkOrders17986000000000 as MysqlWorkOrders } from "./mysql/17986000000000-WorkOrders.js";
import { Initial1795324257158 as SqliteInitial } from "./sqlite/1795324257158-Initial.js";
import { TicketStatusIndex1795326102687 as SqliteTicketStatusIndex } from "./sqlite/1795326102687-TicketStatusIndex.js";
import { SiteSettings1795400000000 as SqliteSiteSettings } from "./sqlite/1795400000000-SiteSettings.js";
import { AttachmentUnlinkedIndex1795993118291 as SqliteAttachmentUnlinkedIndex } from "./sqlite/1795993118291-AttachmentUnlinkedIndex.js";
import { SiteRateLimits1795993253549 as SqliteSiteRateLimits } from "./sqlite/1795993253549-SiteRateLimits.js";
import { SlaLadder1795997206557 as SqliteSlaLadder } from "./sqlite/1795997206557-SlaLadder.js";
import { WebhookEndpoints1795997237416 as SqliteWebhookEndpoints } from "./sqlite/1795997237416-WebhookEndpoints.js";
import { InboundMail1796000000000 as SqliteInboundMail } from "./sqlite/1796000000000-InboundMail.js";
import { Outbox1796000100000 as SqliteOutbox } from "./sqlite/1796000100000-Outbox.js";
import { AgentLanguage1796100000000 as SqliteAgentLanguage } from "./sqlite/1796100000000-AgentLanguage.js";
import { BusinessHours1796300000000 as SqliteBusinessHours } from "./sqlite/1796300000000-BusinessHours.js";
import { ReporterIdentity1796400000000 as SqliteReporterIdentity } from "./sqlite/1796400000000-ReporterIdentity.js";
import { AgentSignIn1796500000000 as SqliteAgentSignIn } from "./sqlite/1796500000000-AgentSignIn.js";
import { AuditTrail1796600000000 as SqliteAuditTrail } from "./sqlite/1796600000000-AuditTrail.js";
import { CatalogLanguages1796700000000 as SqliteCatalogLanguages } from "./sqlite/1796700000000-CatalogLanguages.js";
import { PeopleAdmin1796800000000 as SqlitePeopleAdmin } from "./sqlite/1796800000000-PeopleAdmin.js";
import { SitePolicy1796900000000 as SqliteSitePolicy } from "./sqlite/1796900000000-SitePolicy.js";
import { DataProtection1797000000000 as SqliteDataProtection } from "./sqlite/1797000000000-DataProtection.js";
import { CustomFields1797100000000 as SqliteCustomFields } from "./sqlite/1797100000000-CustomFields.js";
import { QueueViews17972000000000 as SqliteQueueViews } from "./sqlite/17972000000000-QueueViews.js";
import { TicketSearch17973000000000 as SqliteTicketSearch } from "./sqlite/17973000000000-TicketSearch.js";
import { CannedResponses17974000000000 as SqliteCannedResponses } from "./sqlite/17974000000000-CannedResponses.js";
import { Awareness17975000000000 as SqliteAwareness } from "./sqlite/17975000000000-Awareness.js";
import { CustomerId17976000000000 as SqliteCustomerId } from "./sqlite/17976000000000-CustomerId.js";
import { RecapIndexes17979000000000 as SqliteRecapIndexes } from "./sqlite/17979000000000-RecapIndexes.js";
import { WorkOrders17986000000000 as SqliteWorkOrders } from "./sqlite/17986000000000-WorkOrders.js";

/** MySQL/MariaDB migrations, oldest first. */
export const MYSQL_MIGRATIONS: Function[] = [MysqlInitial, MysqlTicketStatusIndex, MysqlSiteSettings, MysqlAttachmentUnlinkedIndex, MysqlSiteRateLimits, MysqlSlaLadder, MysqlWebhookEndpoints, MysqlInboundMail, MysqlOutbox, MysqlAgentLanguage, MysqlBusinessHours, MysqlReporterIdentity, MysqlAgentSignIn, MysqlAuditTrail, MysqlCatalogLanguages, MysqlPeopleAdmin, MysqlSitePolicy, MysqlDataProtection, MysqlCustomFields, MysqlQueueViews, MysqlTicketSearch, MysqlCannedResponses, MysqlAwareness, MysqlCustomerId, MysqlRecapIndexes, MysqlWorkOrders];

/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: Function[] = [SqliteInitial, SqliteTicketStatusIndex, SqliteSiteSettings, SqliteAttachmentUnlinkedIndex, SqliteSiteRateLimits, SqliteSlaLadder, SqliteWebhookEndpoints, SqliteInboundMail, SqliteOutbox, SqliteAgentLanguage, SqliteBusinessHours, SqliteReporterIdentity, SqliteAgentSignIn, SqliteAuditTrail, SqliteCatalogLanguages, SqlitePeopleAdmin, SqliteSitePolicy, SqliteDataProtection, SqliteCustomFields, SqliteQueueViews, SqliteTicketSearch, SqliteCannedResponses, SqliteAwareness, SqliteCustomerId, SqliteRecapIndexes, SqliteWorkOrders];
