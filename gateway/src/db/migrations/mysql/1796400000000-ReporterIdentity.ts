import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * ReporterIdentity (mysql): a site's reporter-token keys (HS256 secret or JWKS URL), the
 * reporter's subject on tickets ("my tickets") with when they last looked, and one-time links
 * that let an anonymous reporter back in.
 */
export class ReporterIdentity1796400000000 implements MigrationInterface {
  name = "ReporterIdentity1796400000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `site` ADD `reporter_jwt_secret` varchar(200) NULL");
    await db.query("ALTER TABLE `site` ADD `reporter_jwks_url` varchar(500) NULL");
    await db.query("ALTER TABLE `ticket` ADD `reporter_subject` varchar(255) NULL");
    await db.query("ALTER TABLE `ticket` ADD `reporter_seen_at` datetime(3) NULL");
    await db.query("CREATE INDEX `ix_ticket_reporter` ON `ticket` (`site_id`, `reporter_subject`, `id`)");
    await db.query(
      "CREATE TABLE `tracking_link` (`id` varchar(36) NOT NULL, `ticket_id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `secret_hash` varchar(64) NOT NULL, `created_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, `used_at` datetime(3) NULL, UNIQUE INDEX `uq_tracking_link_secret` (`secret_hash`), INDEX `ix_tracking_link_ticket` (`ticket_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `tracking_link`");
    await db.query("DROP INDEX `ix_ticket_reporter` ON `ticket`");
    for (const c of ["reporter_seen_at", "reporter_subject"]) await db.query(`ALTER TABLE \`ticket\` DROP COLUMN \`${c}\``);
    for (const c of ["reporter_jwks_url", "reporter_jwt_secret"]) await db.query(`ALTER TABLE \`site\` DROP COLUMN \`${c}\``);
  }
}
