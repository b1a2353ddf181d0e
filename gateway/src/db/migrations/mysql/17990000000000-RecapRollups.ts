import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * RecapRollups (mysql): exact daily recap rollups kept by the sweep (recaps/recap-rollup.service.ts).
 * `recap_day` holds one mergeable tally per site, scope, dimension, local day and key (keyed in that
 * order so a recap reads one range per dimension); `recap_contribution` what each ticket last
 * added, so a change subtracts it; `recap_cursor` how far each site is caught up. The tables start
 * empty: the sweep backfills each site. A ticket index serves the catch-up: tickets changed since
 * the watermark.
 */
export class RecapRollups17990000000000 implements MigrationInterface {
  name = "RecapRollups17990000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `recap_day` (`site_id` varchar(36) NOT NULL, `scope` varchar(48) NOT NULL, `dimension` varchar(16) NOT NULL, `day` char(10) NOT NULL, `dim_key` varchar(120) NOT NULL, `tally` longtext NOT NULL, PRIMARY KEY (`site_id`, `scope`, `dimension`, `day`, `dim_key`)) ENGINE=InnoDB",
    );
    await db.query("CREATE TABLE `recap_contribution` (`ticket_id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `facts` longtext NOT NULL, PRIMARY KEY (`ticket_id`), INDEX `ix_recap_contribution_site` (`site_id`)) ENGINE=InnoDB");
    await db.query(
      "CREATE TABLE `recap_cursor` (`site_id` varchar(36) NOT NULL, `calendar_key` text NOT NULL, `backfill_after` varchar(36) NULL, `backfill_done` tinyint NOT NULL DEFAULT 0, `watermark` bigint NULL, `decided_at` bigint NULL, PRIMARY KEY (`site_id`)) ENGINE=InnoDB",
    );
    await db.query("CREATE INDEX `ix_ticket_recap_updated` ON `ticket` (`site_id`, `updated_at`)");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX `ix_ticket_recap_updated` ON `ticket`");
    await db.query("DROP TABLE `recap_cursor`");
    await db.query("DROP TABLE `recap_contribution`");
    await db.query("DROP TABLE `recap_day`");
  }
}
