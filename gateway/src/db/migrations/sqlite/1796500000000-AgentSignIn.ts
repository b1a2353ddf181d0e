import type { MigrationInterface, QueryRunner } from "typeorm";

/** AgentSignIn (sqlite): agents' password hashes and the time their older tokens stop, the per-address sign-in lock, one-time links. */
export class AgentSignIn1796500000000 implements MigrationInterface {
  name = "AgentSignIn1796500000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE \"agent\" ADD COLUMN \"password_hash\" varchar(200)");
    await db.query("ALTER TABLE \"agent\" ADD COLUMN \"sessions_valid_after\" datetime(3)");
    await db.query(
      "CREATE TABLE \"sign_in_lock\" (\"site_id\" varchar(36) NOT NULL, \"email\" varchar(254) NOT NULL, \"failures\" integer NOT NULL, \"window_started_at\" datetime(3), \"locked_until\" datetime(3), PRIMARY KEY (\"site_id\", \"email\"))",
    );
    await db.query(
      "CREATE TABLE \"agent_link\" (\"secret_hash\" varchar(64) PRIMARY KEY NOT NULL, \"agent_id\" varchar(36) NOT NULL, \"purpose\" varchar(8) NOT NULL, \"expires_at\" datetime(3) NOT NULL, \"used_at\" datetime(3), \"created_at\" datetime(3) NOT NULL)",
    );
    await db.query("CREATE INDEX \"ix_agent_link_agent\" ON \"agent_link\" (\"agent_id\")");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP TABLE \"agent_link\"");
    await db.query("DROP TABLE \"sign_in_lock\"");
    await db.query("ALTER TABLE \"agent\" DROP COLUMN \"sessions_valid_after\"");
    await db.query("ALTER TABLE \"agent\" DROP COLUMN \"password_hash\"");
  }
}
