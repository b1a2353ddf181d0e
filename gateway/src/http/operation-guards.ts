import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

/**
 * Refuses a subscription sent over HTTP with a clear 400: subscriptions live on the WebSocket at
 * the same path. Without this, graphql-js would run the subscription's fields once as a query,
 * with no event, and fail inside a resolver.
 */
export function subscriptionsOverHttpPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "subscription") return;
          throw new GraphQLError("Subscriptions are served over WebSocket (graphql-ws protocol) at this same URL, not over HTTP POST or GET.", {
            extensions: { code: "BAD_REQUEST", http: { status: 400 } },
          });
        },
      };
    },
  };
}
