import type { ArticleFilter, ArticleInput, ArticleStatus, ArticleVisibility } from "../../client/generated.js";

/**
 * What the Knowledge form sends: the text as typed (the gateway trims, counts and checks it), an
 * empty service or category as null, the id when editing. Visibility is one of the gateway's two
 * values (the select offers nothing else); language as chosen.
 */
export function toArticleInput(editing: string | null, text: (name: string) => string): ArticleInput {
  return {
    ...(editing ? { id: editing } : {}),
    title: text("title"),
    body: text("body"),
    language: text("language"),
    serviceId: text("serviceId") || null,
    categoryId: text("categoryId") || null,
    visibility: (text("visibility") || "PUBLIC") as ArticleVisibility,
  };
}

/** The list's filters as the search takes them: blank ones left out, no filter at all when every one is blank. */
export function toArticleSearch(text: (name: string) => string): { filter: ArticleFilter | null; status: ArticleStatus | null } {
  const query = text("query").trim();
  const language = text("language");
  const filter: ArticleFilter = { ...(query ? { query } : {}), ...(language ? { language } : {}) };
  return { filter: Object.keys(filter).length ? filter : null, status: (text("status") || null) as ArticleStatus | null };
}
