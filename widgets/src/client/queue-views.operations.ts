/**
 * Operations of the agent queue's views part (loaded on demand): the views list with its counts,
 * saved views and the agent's remembered view. Types come from generated.ts.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The views list with live counts; saved views' filters; the view the agent chose last. */
export const QueueViews = operation<G.QueueViewsQuery, G.QueueViewsQueryVariables>(/* GraphQL */ `
  query QueueViews($language: String) {
    queueViews(language: $language) { view savedViewId label count capped }
    savedQueueViews { id name filter { view statuses priorities types groupId assigneeId breached fieldKey fieldValue search } }
    me { id queueView }
  }
`);

/** Saves filters under a name. */
export const SaveQueueView = operation<G.SaveQueueViewMutation, G.SaveQueueViewMutationVariables>(/* GraphQL */ `
  mutation SaveQueueView($input: SaveQueueViewInput!) { saveQueueView(input: $input) { id } }
`);

/** Deletes a saved view. */
export const DeleteQueueView = operation<G.DeleteQueueViewMutation, G.DeleteQueueViewMutationVariables>(/* GraphQL */ `
  mutation DeleteQueueView($id: ID!) { deleteQueueView(id: $id) }
`);

/** Remembers the chosen view on the gateway, so it follows the agent to other devices. */
export const SetMyQueueView = operation<G.SetMyQueueViewMutation, G.SetMyQueueViewMutationVariables>(/* GraphQL */ `
  mutation SetMyQueueView($view: String!) { setMyQueueView(view: $view) }
`);
