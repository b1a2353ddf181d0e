import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** A ticket an article was used on (linked by the desk, or the ticket it was drafted from). */
@Entity("article_ticket")
@Index("ix_article_ticket_ticket", ["ticketId"])
export class ArticleTicketEntity {
  @PrimaryColumn("varchar", { length: 36, name: "article_id" })
  articleId: string;

  @PrimaryColumn("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column({ ...TIMESTAMP, name: "linked_at" })
  linkedAt: Date;

  @Column("varchar", { length: 120, name: "linked_by" })
  linkedBy: string;
}
