/**
 * Operations of the agent queue's article picker: the desk's article search and linking an article to a ticket.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** Published articles of the agent's site ranked for a text (the ticket's, or what the agent types). */
export const DeskArticles = operation<G.DeskArticlesQuery, G.DeskArticlesQueryVariables>(/* GraphQL */ `
  query DeskArticles($filter: ArticleFilter) {
    deskArticles(filter: $filter, status: PUBLISHED, first: 5) { id title summary body language visibility reporterMayRead }
  }
`);

/** Records that an article was used on a ticket. */
export const LinkArticle = operation<G.LinkArticleMutation, G.LinkArticleMutationVariables>(/* GraphQL */ `
  mutation LinkArticle($articleId: ID!, $ticketId: ID!) { linkArticleToTicket(articleId: $articleId, ticketId: $ticketId) { id } }
`);
