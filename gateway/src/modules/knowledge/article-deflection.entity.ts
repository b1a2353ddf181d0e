import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** Reports an article ended on one day of its site's calendar ("this solved it"): what recaps count. */
@Entity("article_deflection")
@Index("ix_article_deflection_day", ["siteId", "day"])
export class ArticleDeflectionEntity {
  @PrimaryColumn("varchar", { length: 36, name: "article_id" })
  articleId: string;

  /** The site's local date, YYYY-MM-DD. */
  @PrimaryColumn("varchar", { length: 10 })
  day: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("int")
  count: number;
}
