/**
 * Operations of the knowledge base: the report form's suggestions and the help-centre widget.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** Up to three published articles matching what the reporter is typing. */
export const SuggestArticles = operation<G.SuggestArticlesQuery, G.SuggestArticlesQueryVariables>(/* GraphQL */ `
  query SuggestArticles($text: String!, $language: String, $serviceId: ID) {
    suggestArticles(text: $text, language: $language, serviceId: $serviceId) { id title body }
  }
`);

/** "This solved it": counted, no ticket made. */
export const ArticleSolved = operation<G.ArticleSolvedMutation, G.ArticleSolvedMutationVariables>(/* GraphQL */ `
  mutation ArticleSolved($id: ID!) { articleSolvedMyProblem(articleId: $id) }
`);

/** The help centre's search or browse. */
export const HelpArticles = operation<G.HelpArticlesQuery, G.HelpArticlesQueryVariables>(/* GraphQL */ `
  query HelpArticles($filter: ArticleFilter, $language: String) {
    helpArticles(filter: $filter, first: 20) { id title summary serviceId }
    site(language: $language) { services { id name } }
  }
`);

/** One article to read. */
export const HelpArticle = operation<G.HelpArticleQuery, G.HelpArticleQueryVariables>(/* GraphQL */ `
  query HelpArticle($id: ID!) { helpArticle(id: $id) { id title body updatedAt } }
`);

/** "Was this helpful?" */
export const RateArticle = operation<G.RateArticleMutation, G.RateArticleMutationVariables>(/* GraphQL */ `
  mutation RateArticle($id: ID!, $helpful: Boolean!) { rateArticle(articleId: $id, helpful: $helpful) }
`);
