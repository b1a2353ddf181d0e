// Migrations are listed explicitly (not globbed) so tsx, vitest and the compiled build agree.
import { Initial1795324257158 as MysqlInitial } from "./mysql/1795324257158-Initial.js";
import { Initial1795324257158 as SqliteInitial } from "./sqlite/1795324257158-Initial.js";

/** MySQL/MariaDB migrations, oldest first. */
export const MYSQL_MIGRATIONS: Function[] = [MysqlInitial];
/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: Function[] = [SqliteInitial];
