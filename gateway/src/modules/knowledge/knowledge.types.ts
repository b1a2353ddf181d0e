import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ArticleStatus, ArticleVisibility } from "./article.rules.js";

registerEnumType(ArticleStatus, {
  name: "ArticleStatus",
  description: "Where a knowledge-base article stands: DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED (Article.nextStatuses says which moves you may make).",
});
registerEnumType(ArticleVisibility, { name: "ArticleVisibility", description: "PUBLIC: reporters read it once published; INTERNAL: the desk only." });

/** One saved version of an article. */
@ObjectType({ description: "One saved version of an article's content; every save keeps one." })
export class ArticleVersion {
  @Field(() => Int)
  version: number;

  @Field(() => String)
  title: string;

  @Field(() => String)
  body: string;

  @Field(() => ArticleStatus, { description: "The article's status when this version was saved." })
  status: ArticleStatus;

  @Field(() => Date)
  savedAt: Date;

  @Field(() => String)
  savedBy: string;
}

/** An article as the desk sees it. */
@ObjectType({ description: "A knowledge-base article as the desk sees it, drafts and internal ones included." })
export class Article {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "id or en." })
  language: string;

  @Field(() => String, { description: "Max 200 characters." })
  title: string;

  @Field(() => String, { description: "Plain text, blank lines between paragraphs (max 5000 characters); never HTML." })
  body: string;

  @Field(() => String, { description: "The body's first words, for lists and for a reply." })
  summary: string;

  @Field(() => ID, { nullable: true })
  serviceId: string | null;

  @Field(() => ID, { nullable: true })
  categoryId: string | null;

  @Field(() => ArticleVisibility)
  visibility: ArticleVisibility;

  @Field(() => ArticleStatus)
  status: ArticleStatus;

  @Field(() => [ArticleStatus], { description: "The statuses you may move it to now (changeArticleStatus)." })
  nextStatuses: ArticleStatus[];

  @Field(() => Boolean, { description: "Whether you may change its content now (saveArticle)." })
  editable: boolean;

  @Field(() => Boolean, { description: "Whether reporters may read it (published and public): only such an article may go into a reply." })
  reporterMayRead: boolean;

  @Field(() => Int, { description: "Its latest saved version, from 1." })
  version: number;

  @Field(() => ID, { nullable: true, description: "The ticket it was drafted from." })
  sourceTicketId: string | null;

  @Field(() => Int, { description: "Reporters who found it helpful." })
  helpfulYes: number;

  @Field(() => Int, { description: "Reporters who did not." })
  helpfulNo: number;

  @Field(() => Int, { description: "Reports it ended without a ticket (\"this solved it\")." })
  deflections: number;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => String, { description: "The name of who saved or moved it last." })
  updatedBy: string;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;
}

/** An article as a reporter reads it. */
@ObjectType({ description: "A published, public knowledge-base article as a reporter reads it." })
export class HelpArticle {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  language: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: "Plain text, blank lines between paragraphs; show it as text, never as HTML." })
  body: string;

  @Field(() => String, { description: "The body's first words." })
  summary: string;

  @Field(() => ID, { nullable: true })
  serviceId: string | null;

  @Field(() => ID, { nullable: true })
  categoryId: string | null;

  @Field(() => Date)
  updatedAt: Date;
}

/** What the desk saves. */
@InputType({ description: "An article to create (no id) or change; BAD_USER_INPUT names every bad field." })
export class ArticleInput {
  @Field(() => ID, { nullable: true, description: "The article to change; omit to create a draft." })
  id?: string | null;

  @Field(() => String, { description: "id or en." })
  language: string;

  @Field(() => String, { description: "Required, max 200 characters." })
  title: string;

  @Field(() => String, { description: "Required, max 5000 characters; plain text." })
  body: string;

  @Field(() => ID, { nullable: true, description: "An IT service of the site." })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true, description: "A category of the site." })
  categoryId?: string | null;

  @Field(() => ArticleVisibility, { nullable: true, description: "@default PUBLIC" })
  visibility?: ArticleVisibility | null;
}

/** What a search is narrowed to. */
@InputType({ description: "Narrows an article search; every field optional." })
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: "Words to look for (title hits rank first); omit to browse, newest first." })
  query?: string | null;

  @Field(() => String, { nullable: true, description: "id or en." })
  language?: string | null;

  @Field(() => ID, { nullable: true })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;
}
