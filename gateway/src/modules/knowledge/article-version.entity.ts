import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** One saved version of an article's content: every save keeps one, so what was published when stays readable. */
@Entity("article_version")
@Index("uq_article_version", ["articleId", "version"], { unique: true })
export class ArticleVersionEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "article_id" })
  articleId: string;

  @Column("int")
  version: number;

  @Column("varchar", { length: 200 })
  title: string;

  @Column("text")
  body: string;

  /** The article's status when this version was saved. */
  @Column("varchar", { length: 10 })
  status: string;

  @Column({ ...TIMESTAMP, name: "saved_at" })
  savedAt: Date;

  @Column("varchar", { length: 120, name: "saved_by" })
  savedBy: string;
}
