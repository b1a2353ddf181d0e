import type { MigrationInterface, QueryRunner } from "typeorm";

/** AttachmentUnlinkedIndex (sqlite): lets the upload cleanup find old unlinked uploads without a table scan. */
export class AttachmentUnlinkedIndex1795993118291 implements MigrationInterface {
  name = "AttachmentUnlinkedIndex1795993118291";

  async up(db: QueryRunner): Promise<void> {
    await db.query("CREATE INDEX \"ix_attachment_unlinked\" ON \"attachment\" (\"ticket_id\", \"created_at\") ");
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DROP INDEX \"ix_attachment_unlinked\"");
  }
}
