// Migrations are listed explicitly (not globbed) so tsx, vitest and the compiled build agree.
import { Initial1795324257158 as MysqlInitial } from "./mysql/1795324257158-Initial.js";
import { TicketStatusIndex1795326102687 as MysqlTicketStatusIndex } from "./mysql/1795326102687-TicketStatusIndex.js";
import { AttachmentUnlinkedIndex1795993118291 as MysqlAttachmentUnlinkedIndex } from "./mysql/1795993118291-AttachmentUnlinkedIndex.js";
import { Initial1795324257158 as SqliteInitial } from "./sqlite/1795324257158-Initial.js";
import { TicketStatusIndex1795326102687 as SqliteTicketStatusIndex } from "./sqlite/1795326102687-TicketStatusIndex.js";
import { AttachmentUnlinkedIndex1795993118291 as SqliteAttachmentUnlinkedIndex } from "./sqlite/1795993118291-AttachmentUnlinkedIndex.js";

/** MySQL/MariaDB migrations, oldest first. */
export const MYSQL_MIGRATIONS: Function[] = [MysqlInitial, MysqlTicketStatusIndex, MysqlAttachmentUnlinkedIndex];
/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: Function[] = [SqliteInitial, SqliteTicketStatusIndex, SqliteAttachmentUnlinkedIndex];
