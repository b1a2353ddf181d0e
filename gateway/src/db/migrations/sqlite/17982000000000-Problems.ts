import type { MigrationInterface, QueryRunner } from "typeorm";

/** Problems (sqlite): problem records, their linked incidents, timeline and per-site sequence. */
export class Problems17982000000000 implements MigrationInterface {
  name = "Problems17982000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE \"problem\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"site_id\" varchar(36) NOT NULL, \"code\" varchar(32) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"service_id\" varchar(36), \"category_id\" varchar(36), \"root_cause\" text, \"workaround\" text, \"resolution\" text, \"group_id\" varchar(36), \"owner_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, \"updated_at\" datetime(3) NOT NULL, \"resolved_at\" datetime(3), \"raised_by\" varchar(120) NOT NULL)",
    );
    await db.query("CREATE UNIQUE INDEX \"uq_problem_code\" ON \"problem\" (\"site_id\", \"code\")");
    await db.query("CREATE INDEX \"ix_problem_list\" ON \"problem\" (\"site_id\", \"updated_at\", \"id\")");
    await db.query(
      "CREATE TABLE \"problem_ticket\" (\"ticket_id\" varchar(36) PRIMARY KEY NOT NULL, \"problem_id\" varchar(36) NOT NULL, \"site_id\" varchar(36) NOT NULL, \"linked_at\" datetime(3) NOT NULL, \"linked_by\" varchar(120) NOT NULL)",
    );
    await db.query("CREATE INDEX \"ix_problem_ticket_problem\" ON \"problem_ticket\" (\"problem_id\", \"linked_at\")");
    await db.query(
      "CREATE TABLE \"problem_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"problem_id\" varchar(36) NOT NULL, \"site_id\" varchar(36) NOT NULL, \"at\" datetime(3) NOT NULL, \"kind\" varchar(24) NOT NULL, \"actor_name\" varchar(120) NOT NULL, \"from_status\" varchar(16), \"to_status\" varchar(16), \"ticket_code\" varchar(32), \"body\" text)",
    );
    await db.query("CREATE INDEX \"ix_problem_event_problem\" ON \"problem_event\" (\"problem_id\", \"id\")");
    await db.query("CREATE TABLE \"problem_sequence\" (\"site_id\" varchar(36) PRIMARY KEY NOT NULL, \"last\" integer NOT NULL)");
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ["problem_sequence", "problem_event", "problem_ticket", "problem"]) await db.query(`DROP TABLE "${table}"`);
  }
}
