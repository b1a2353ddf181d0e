import type { MigrationInterface, QueryRunner } from "typeorm";

const TICKET_COLUMNS = "reporter_name, problem_type, description";

/**
 * TicketSearch (sqlite): the desk search's indexes (modules/tickets/ticket-search.ts).
 *
 * Full text is FTS5 with external content (the ticket and ticket_event rows themselves, so no
 * text is stored twice), kept by triggers rather than by the write path: replies, reporter mail,
 * notes, anonymization and retention all write these columns from different modules, and a
 * trigger cannot be forgotten by the next one, as InnoDB's FULLTEXT cannot on MariaDB.
 * The ticket index is keyed by the ticket's rowid (the table has no integer key): a VACUUM may
 * renumber rowids, after which `INSERT INTO ticket_fts(ticket_fts) VALUES ('rebuild')` restores it
 * (search also re-checks the site). A later migration that rebuilds `ticket` or `ticket_event`
 * (the generator's temporary_… copy) must create these triggers again.
 */
export class TicketSearch17973000000000 implements MigrationInterface {
  name = "TicketSearch17973000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"ticket\" ADD COLUMN \"code_key\" varchar(32) NOT NULL DEFAULT ('')");
    await db.query("ALTER TABLE \"ticket\" ADD COLUMN \"phone_key\" varchar(40)");
    // search-query.rules' ticketCodeKey and ticketPhoneKey in SQL: SQLite has no reverse() or regexp,
    // but codes are only letters, digits and dots, and phones only digits and "+ ( ) . -" and spaces.
    await db.query(
      "UPDATE \"ticket\" SET \"code_key\" = (WITH RECURSIVE r(i, s) AS (SELECT 0, '' UNION ALL SELECT i + 1, substr(replace(upper(code), '.', ''), i + 1, 1) || s FROM r WHERE i < length(replace(code, '.', ''))) SELECT s FROM r ORDER BY i DESC LIMIT 1)",
    );
    const digits = "replace(replace(replace(replace(replace(replace(reporter_phone, ' ', ''), '+', ''), '(', ''), ')', ''), '.', ''), '-', '')";
    await db.query(
      `UPDATE "ticket" SET "phone_key" = CASE WHEN substr(${digits}, 1, 1) = '0' THEN '62' || substr(${digits}, 2) ELSE ${digits} END WHERE reporter_phone IS NOT NULL`,
    );
    await db.query("CREATE INDEX \"ix_ticket_code_key\" ON \"ticket\" (\"site_id\", \"code_key\")");
    await db.query("CREATE INDEX \"ix_ticket_phone_key\" ON \"ticket\" (\"site_id\", \"phone_key\")");
    await db.query("CREATE INDEX \"ix_ticket_email\" ON \"ticket\" (\"site_id\", \"reporter_email\")");

    await db.query(`CREATE VIRTUAL TABLE ticket_fts USING fts5(${TICKET_COLUMNS}, content='ticket', content_rowid='rowid')`);
    await db.query(`CREATE TRIGGER ticket_fts_insert AFTER INSERT ON ticket BEGIN
      INSERT INTO ticket_fts(rowid, ${TICKET_COLUMNS}) VALUES (new.rowid, new.reporter_name, new.problem_type, new.description); END`);
    await db.query(`CREATE TRIGGER ticket_fts_delete AFTER DELETE ON ticket BEGIN
      INSERT INTO ticket_fts(ticket_fts, rowid, ${TICKET_COLUMNS}) VALUES ('delete', old.rowid, old.reporter_name, old.problem_type, old.description); END`);
    await db.query(`CREATE TRIGGER ticket_fts_update AFTER UPDATE OF ${TICKET_COLUMNS} ON ticket BEGIN
      INSERT INTO ticket_fts(ticket_fts, rowid, ${TICKET_COLUMNS}) VALUES ('delete', old.rowid, old.reporter_name, old.problem_type, old.description);
      INSERT INTO ticket_fts(rowid, ${TICKET_COLUMNS}) VALUES (new.rowid, new.reporter_name, new.problem_type, new.description); END`);
    await db.query("INSERT INTO ticket_fts(ticket_fts) VALUES ('rebuild')");

    await db.query("CREATE VIRTUAL TABLE ticket_event_fts USING fts5(body, content='ticket_event', content_rowid='id')");
    await db.query(`CREATE TRIGGER ticket_event_fts_insert AFTER INSERT ON ticket_event BEGIN
      INSERT INTO ticket_event_fts(rowid, body) VALUES (new.id, new.body); END`);
    await db.query(`CREATE TRIGGER ticket_event_fts_delete AFTER DELETE ON ticket_event BEGIN
      INSERT INTO ticket_event_fts(ticket_event_fts, rowid, body) VALUES ('delete', old.id, old.body); END`);
    await db.query(`CREATE TRIGGER ticket_event_fts_update AFTER UPDATE OF body ON ticket_event BEGIN
      INSERT INTO ticket_event_fts(ticket_event_fts, rowid, body) VALUES ('delete', old.id, old.body);
      INSERT INTO ticket_event_fts(rowid, body) VALUES (new.id, new.body); END`);
    await db.query("INSERT INTO ticket_event_fts(ticket_event_fts) VALUES ('rebuild')");
  }

  async down(db: QueryRunner): Promise<void> {
    for (const t of ["ticket_event_fts_update", "ticket_event_fts_delete", "ticket_event_fts_insert", "ticket_fts_update", "ticket_fts_delete", "ticket_fts_insert"]) {
      await db.query(`DROP TRIGGER "${t}"`);
    }
    await db.query("DROP TABLE ticket_event_fts");
    await db.query("DROP TABLE ticket_fts");
    await db.query("DROP INDEX \"ix_ticket_email\"");
    await db.query("DROP INDEX \"ix_ticket_phone_key\"");
    await db.query("DROP INDEX \"ix_ticket_code_key\"");
    await db.query("ALTER TABLE \"ticket\" DROP COLUMN \"phone_key\"");
    await db.query("ALTER TABLE \"ticket\" DROP COLUMN \"code_key\"");
  }
}
