import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { ArticleStatus, ArticleVisibility } from "./article.rules.js";

/**
 * A knowledge-base article of one site in one language (article.rules says what it may hold and
 * who moves it along). Full text is indexed by the KnowledgeBase migration: InnoDB FULLTEXT on
 * (title, body) on MariaDB, an FTS5 table kept by triggers on SQLite (knowledge-search.ts).
 */
@Entity("article")
// The help centre's browse and the desk's list: a site's articles by status, language, service.
@Index("ix_article_site", ["siteId", "status", "language", "serviceId"])
export class ArticleEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** `id` or `en`. */
  @Column("varchar", { length: 2 })
  language: string;

  @Column("varchar", { length: 200 })
  title: string;

  /** Plain text with blank-line paragraphs; never rendered as HTML. */
  @Column("text")
  body: string;

  @Column("varchar", { length: 36, name: "service_id", nullable: true })
  serviceId: string | null;

  @Column("varchar", { length: 36, name: "category_id", nullable: true })
  categoryId: string | null;

  @Column("varchar", { length: 8 })
  visibility: ArticleVisibility;

  @Column("varchar", { length: 10 })
  status: ArticleStatus;

  /** The number of its latest saved version (article_version), from 1. */
  @Column("int")
  version: number;

  /** The ticket it was drafted from, if any. */
  @Column("varchar", { length: 36, name: "source_ticket_id", nullable: true })
  sourceTicketId: string | null;

  @Column("int", { name: "helpful_yes", default: 0 })
  helpfulYes: number;

  @Column("int", { name: "helpful_no", default: 0 })
  helpfulNo: number;

  /** Reports it ended: "this solved it" in the report form. */
  @Column("int", { default: 0 })
  deflections: number;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;

  /** The name of who saved or moved it last. */
  @Column("varchar", { length: 120, name: "updated_by" })
  updatedBy: string;

  @Column({ ...TIMESTAMP, name: "published_at", nullable: true })
  publishedAt: Date | null;
}
