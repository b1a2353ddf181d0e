import type { MigrationInterface, QueryRunner } from "typeorm";

/** AuditTrail (mysql): the append-only log of desk and admin actions. */
export class AuditTrail1796600000000 implements MigrationInterface {
  name = "AuditTrail1796600000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `audit_entry` (`id` bigint NOT NULL AUTO_INCREMENT, `site_id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `actor_kind` varchar(8) NOT NULL, `actor_id` varchar(36) NULL, `actor_name` varchar(120) NOT NULL, `ip` varchar(64) NULL, `action` varchar(64) NOT NULL, `subject_type` varchar(32) NOT NULL, `subject_id` varchar(64) NULL, `before` text NULL, `after` text NULL, INDEX `ix_audit_site_at` (`site_id`, `at`), INDEX `ix_audit_site_action` (`site_id`, `action`, `at`), INDEX `ix_audit_site_subject` (`site_id`, `subject_type`, `subject_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `audit_entry`");
  }
}
