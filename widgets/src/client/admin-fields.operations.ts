/**
 * Operations of the desk administration's Custom fields section, with an ADMIN's bearer token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** Every custom field of the site, retired ones too, in form order; and the services a field may be scoped to. */
export const FieldsAdmin = operation<G.FieldsAdminQuery, G.FieldsAdminQueryVariables>(/* GraphQL */ `
  query FieldsAdmin {
    customFields {
      id key type position required retired serviceIds maxLength min max minDate maxDate
      label { id en } helpId helpEn choices { value label { id en } }
    }
    catalogAdmin { services { id names { language name } retired } }
  }
`);

/** Adds (no id) or changes a custom field. */
export const SaveCustomField = operation<G.SaveCustomFieldMutation, G.SaveCustomFieldMutationVariables>(/* GraphQL */ `
  mutation SaveCustomField($input: CustomFieldInput!) { saveCustomField(input: $input) { id } }
`);

/** Retires a field or brings it back. */
export const SetCustomFieldRetired = operation<G.SetCustomFieldRetiredMutation, G.SetCustomFieldRetiredMutationVariables>(/* GraphQL */ `
  mutation SetCustomFieldRetired($id: ID!, $retired: Boolean!) { setCustomFieldRetired(id: $id, retired: $retired) { id } }
`);

/** Puts every field, retired ones too, in a new order. */
export const ReorderCustomFields = operation<G.ReorderCustomFieldsMutation, G.ReorderCustomFieldsMutationVariables>(/* GraphQL */ `
  mutation ReorderCustomFields($ids: [ID!]!) { reorderCustomFields(ids: $ids) { id } }
`);
