import { Column, Entity, PrimaryColumn } from "typeorm";

/** The last ticket sequence number handed out per site and day; its row lock serialises codes. */
@Entity("ticket_sequence")
export class TicketSequenceEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** YYYYMMDD in the site's time zone. */
  @PrimaryColumn("varchar", { length: 8 })
  day: string;

  @Column("int")
  last: number;
}
