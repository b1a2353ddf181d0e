import type { MigrationInterface, QueryRunner } from "typeorm";

/** AgentSignIn (mysql): agents' password hashes and the time their older tokens stop, the per-address sign-in lock, one-time links. */
export class AgentSignIn1796500000000 implements MigrationInterface {
  name = "AgentSignIn1796500000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `agent` ADD `password_hash` varchar(200) NULL");
    await db.query("ALTER TABLE `agent` ADD `sessions_valid_after` datetime(3) NULL");
    await db.query(
      "CREATE TABLE `sign_in_lock` (`site_id` varchar(36) NOT NULL, `email` varchar(254) NOT NULL, `failures` int NOT NULL, `window_started_at` datetime(3) NULL, `locked_until` datetime(3) NULL, PRIMARY KEY (`site_id`, `email`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `agent_link` (`secret_hash` varchar(64) NOT NULL, `agent_id` varchar(36) NOT NULL, `purpose` varchar(8) NOT NULL, `expires_at` datetime(3) NOT NULL, `used_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_agent_link_agent` (`agent_id`), PRIMARY KEY (`secret_hash`)) ENGINE=InnoDB",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE `agent_link`");
    await db.query("DROP TABLE `sign_in_lock`");
    await db.query("ALTER TABLE `agent` DROP COLUMN `sessions_valid_after`");
    await db.query("ALTER TABLE `agent` DROP COLUMN `password_hash`");
  }
}
