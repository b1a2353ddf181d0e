import type { MigrationInterface, QueryRunner } from "typeorm";

/** AuditTrail (sqlite): the append-only log of desk and admin actions. */
export class AuditTrail1796600000000 implements MigrationInterface {
  name = "AuditTrail1796600000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE \"audit_entry\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"site_id\" varchar(36) NOT NULL, \"at\" datetime(3) NOT NULL, \"actor_kind\" varchar(8) NOT NULL, \"actor_id\" varchar(36), \"actor_name\" varchar(120) NOT NULL, \"ip\" varchar(64), \"action\" varchar(64) NOT NULL, \"subject_type\" varchar(32) NOT NULL, \"subject_id\" varchar(64), \"before\" text, \"after\" text)",
    );
    await db.query("CREATE INDEX \"ix_audit_site_at\" ON \"audit_entry\" (\"site_id\", \"at\")");
    await db.query("CREATE INDEX \"ix_audit_site_action\" ON \"audit_entry\" (\"site_id\", \"action\", \"at\")");
    await db.query("CREATE INDEX \"ix_audit_site_subject\" ON \"audit_entry\" (\"site_id\", \"subject_type\", \"subject_id\")");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE \"audit_entry\"");
  }
}
