/**
 * Operations of the custom fields part of the report form, loaded with it (only on sites that
 * have fields), and the selection of a ticket's values that the tracker and the queue read.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The site's custom fields as the report form renders and checks them. */
export const CustomFields = operation<G.CustomFieldsQuery, G.CustomFieldsQueryVariables>(/* GraphQL */ `
  query CustomFields {
    site {
      customFields { key type label { id en } help { id en } required choices { value label { id en } } maxLength min max minDate maxDate serviceIds }
    }
  }
`);

/** The same fields read by the signed-in agent (the desk's logging dialog has no site key). */
export const DeskCustomFields = operation<G.DeskCustomFieldsQuery, G.DeskCustomFieldsQueryVariables>(/* GraphQL */ `
  query DeskCustomFields {
    deskDirectory {
      customFields { key type label { id en } help { id en } required choices { value label { id en } } maxLength min max minDate maxDate serviceIds }
    }
  }
`);
