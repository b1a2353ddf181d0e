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
import { AgentSignIn1796500000000 as MysqlAgentSignIn } from "./mysql/1796500000000-AgentSignIn.js";
import { Initial1795324257158 as SqliteInitial } from "./sqlite/1795324257158-Initial.js";
import { TicketStatusIndex1795326102687 as SqliteTicketStatusIndex } from "./sqlite/1795326102687-TicketStatusIndex.js";
import { SiteSettings1795400000000 as SqliteSiteSettings } from "./sqlite/1795400000000-SiteSettings.js";
import { AttachmentUnlinkedIndex1795993118291 as SqliteAttachmentUnlinkedIndex } from "./sqlite/1795993118291-AttachmentUnlinkedIndex.js";
import { SiteRateLimits1795993253549 as SqliteSiteRateLimits } from "./sqlite/1795993253549-SiteRateLimits.js";
import { SlaLadder1795997206557 as SqliteSlaLadder } from "./sqlite/1795997206557-SlaLadder.js";
import { WebhookEndpoints1795997237416 as SqliteWebhookEndpoints } from "./sqlite/1795997237416-WebhookEndpoints.js";
import { InboundMail1796000000000 as SqliteInboundMail } from "./sqlite/1796000000000-InboundMail.js";
import { Outbox1796000100000 as SqliteOutbox } from "./sqlite/1796000100000-Outbox.js";
import { AgentSignIn1796500000000 as SqliteAgentSignIn } from "./sqlite/1796500000000-AgentSignIn.js";

/** MySQL/MariaDB migrations, oldest first. */
export const MYSQL_MIGRATIONS: Function[] = [MysqlInitial, MysqlTicketStatusIndex, MysqlSiteSettings, MysqlAttachmentUnlinkedIndex, MysqlSiteRateLimits, MysqlSlaLadder, MysqlWebhookEndpoints, MysqlInboundMail, MysqlOutbox, MysqlAgentSignIn];
/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: Function[] = [SqliteInitial, SqliteTicketStatusIndex, SqliteSiteSettings, SqliteAttachmentUnlinkedIndex, SqliteSiteRateLimits, SqliteSlaLadder, SqliteWebhookEndpoints, SqliteInboundMail, SqliteOutbox, SqliteAgentSignIn];
