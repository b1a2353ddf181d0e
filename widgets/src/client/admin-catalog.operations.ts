/**
 * Operations of the desk administration's Catalogue section, with an ADMIN's bearer token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** Every service, category and group, retired ones included. */
export const CatalogAdmin = operation<G.CatalogAdminQuery, G.CatalogAdminQueryVariables>(/* GraphQL */ `
  query CatalogAdmin {
    catalogAdmin {
      services { id names { language name help } position retired openTickets ticketType }
      categories { id parentId names { language name help } position retired openTickets }
      groups { id name level retired openTickets activeAgents }
    }
  }
`);

/** Adds (no id) or renames a service, and sets the type of ticket it opens. */
export const SaveService = operation<G.SaveServiceMutation, G.SaveServiceMutationVariables>(/* GraphQL */ `
  mutation SaveService($input: SaveServiceInput!) { saveService(input: $input) { id } }
`);

/** Adds (no id), renames or moves a category. */
export const SaveCategory = operation<G.SaveCategoryMutation, G.SaveCategoryMutationVariables>(/* GraphQL */ `
  mutation SaveCategory($input: SaveCategoryInput!) { saveCategory(input: $input) { id } }
`);

/** Adds (no id), renames or re-levels a support group. */
export const SaveGroup = operation<G.SaveGroupMutation, G.SaveGroupMutationVariables>(/* GraphQL */ `
  mutation SaveGroup($input: SaveGroupInput!) { saveGroup(input: $input) { id } }
`);

/** Retires or brings back an entry. */
export const SetCatalogItemRetired = operation<G.SetCatalogItemRetiredMutation, G.SetCatalogItemRetiredMutationVariables>(/* GraphQL */ `
  mutation SetCatalogItemRetired($kind: CatalogKind!, $id: ID!, $retired: Boolean!) { setCatalogItemRetired(kind: $kind, id: $id, retired: $retired) }
`);

/** Puts entries (siblings, for categories) in a new order. */
export const ReorderCatalog = operation<G.ReorderCatalogMutation, G.ReorderCatalogMutationVariables>(/* GraphQL */ `
  mutation ReorderCatalog($kind: CatalogKind!, $ids: [ID!]!) { reorderCatalog(kind: $kind, ids: $ids) }
`);
