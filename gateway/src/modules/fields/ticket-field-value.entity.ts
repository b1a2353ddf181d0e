import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * One custom field value of a ticket, written with the ticket; a MULTI_CHOICE field has a row per
 * chosen value, so the queue filter is one indexed equality. The filter's index
 * (site_id, field_key, value(255)) is declared in the migrations only: MariaDB needs a prefix on
 * the text column, which TypeORM's @Index cannot say.
 */
@Entity("ticket_field_value")
@Index("ix_field_value_ticket", ["ticketId"])
export class TicketFieldValueEntity {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Column("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 40, name: "field_key" })
  fieldKey: string;

  /** The canonical value (custom-field.rules), at most 1,000 characters. */
  @Column("text")
  value: string;
}
