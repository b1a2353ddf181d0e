/**
 * Operations of the administration's Knowledge section (WRITE_ARTICLES): the site's articles, one
 * article's versions, saving one and moving it along its review path.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const ARTICLE = /* GraphQL */ `
  fragment KnowledgeArticleFields on Article {
    id title body summary language serviceId categoryId visibility status nextStatuses editable version
    helpfulYes helpfulNo deflections updatedAt updatedBy
  }
`;

/** The site's articles for the filters (newest first without a query), and the services and categories an article may name. */
export const KnowledgeArticles = operation<G.KnowledgeArticlesQuery, G.KnowledgeArticlesQueryVariables>(/* GraphQL */ `
  query KnowledgeArticles($filter: ArticleFilter, $status: ArticleStatus) {
    deskArticles(filter: $filter, status: $status, first: 50) { ...KnowledgeArticleFields }
    deskDirectory { services { id name } categories { id name } }
  }
  ${ARTICLE}
`);

/** One article's saved versions, newest first, and the tickets it was used on. */
export const ArticleVersions = operation<G.ArticleVersionsQuery, G.ArticleVersionsQueryVariables>(/* GraphQL */ `
  query ArticleVersions($id: ID!) { article(id: $id) { id versions { version status savedAt savedBy } ticketCodes } }
`);

/** Creates a draft (no id) or changes an article, keeping a new version. */
export const SaveArticle = operation<G.SaveArticleMutation, G.SaveArticleMutationVariables>(/* GraphQL */ `
  mutation SaveArticle($input: ArticleInput!) { saveArticle(input: $input) { ...KnowledgeArticleFields } }
  ${ARTICLE}
`);

/** Moves an article to one of its `nextStatuses`. */
export const ChangeArticleStatus = operation<G.ChangeArticleStatusMutation, G.ChangeArticleStatusMutationVariables>(/* GraphQL */ `
  mutation ChangeArticleStatus($id: ID!, $status: ArticleStatus!) { changeArticleStatus(id: $id, status: $status) { ...KnowledgeArticleFields } }
  ${ARTICLE}
`);
