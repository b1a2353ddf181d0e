import type { MigrationInterface, QueryRunner } from "typeorm";

/** Problems (mysql): problem records, their linked incidents, timeline and per-site sequence. */
export class Problems17982000000000 implements MigrationInterface {
  name = "Problems17982000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      "CREATE TABLE `problem` (`id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `code` varchar(32) NOT NULL, `title` varchar(200) NOT NULL, `description` text NOT NULL, `status` varchar(16) NOT NULL, `service_id` varchar(36) NULL, `category_id` varchar(36) NULL, `root_cause` text NULL, `workaround` text NULL, `resolution` text NULL, `group_id` varchar(36) NULL, `owner_id` varchar(36) NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, `resolved_at` datetime(3) NULL, `raised_by` varchar(120) NOT NULL, UNIQUE INDEX `uq_problem_code` (`site_id`, `code`), INDEX `ix_problem_list` (`site_id`, `updated_at`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `problem_ticket` (`ticket_id` varchar(36) NOT NULL, `problem_id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `linked_at` datetime(3) NOT NULL, `linked_by` varchar(120) NOT NULL, INDEX `ix_problem_ticket_problem` (`problem_id`, `linked_at`), PRIMARY KEY (`ticket_id`)) ENGINE=InnoDB",
    );
    await db.query(
      "CREATE TABLE `problem_event` (`id` int NOT NULL AUTO_INCREMENT, `problem_id` varchar(36) NOT NULL, `site_id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `kind` varchar(24) NOT NULL, `actor_name` varchar(120) NOT NULL, `from_status` varchar(16) NULL, `to_status` varchar(16) NULL, `ticket_code` varchar(32) NULL, `body` text NULL, INDEX `ix_problem_event_problem` (`problem_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await db.query("CREATE TABLE `problem_sequence` (`site_id` varchar(36) NOT NULL, `last` int NOT NULL, PRIMARY KEY (`site_id`)) ENGINE=InnoDB");
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ["problem_sequence", "problem_event", "problem_ticket", "problem"]) await db.query(`DROP TABLE \`${table}\``);
  }
}
