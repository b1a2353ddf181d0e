/**
 * Operations of the desk administration (`<sigap-desk-admin>`), with an ADMIN's bearer token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

const SETTINGS = /* GraphQL */ `
  fragment AdminSettingsFields on SiteSettingsView {
    name unitCode timeZone languages
    defaultImpact reporterSetsImpact queueOrder reopenClosedWithinDays autoCloseHours deskEmail scheduledRecaps
    language accentColor logoUrl trackingUrl reporterMailEvents reporterMailEventChoices
    slaLadder { target share escalate notify action } ladderNotifyChoices
    slaPolicy { priority responseMinutes resolutionMinutes } priorityMatrix { urgency impact priority }
  }
`;

const CALENDAR = /* GraphQL */ `
  fragment AdminCalendarFields on BusinessCalendar { hours timeZone roundTheClock holidays { day name } }
`;

/** Who is signed in, and what their role may manage: the shell shows the sections those actions allow. */
export const AdminMe = operation<G.AdminMeQuery, G.AdminMeQueryVariables>(/* GraphQL */ `
  query AdminMe { me { id name role } myDeskActions }
`);

/** The site's handling, mail and ladder settings. */
export const SiteSettings = operation<G.SiteSettingsQuery, G.SiteSettingsQueryVariables>(/* GraphQL */ `
  query SiteSettings { siteSettings { ...AdminSettingsFields } }
  ${SETTINGS}
`);

/** Changes the settings given; BAD_USER_INPUT names every bad field. */
export const UpdateSiteSettings = operation<G.UpdateSiteSettingsMutation, G.UpdateSiteSettingsMutationVariables>(/* GraphQL */ `
  mutation UpdateSiteSettings($input: UpdateSiteSettingsInput!) { updateSiteSettings(input: $input) { ...AdminSettingsFields } }
  ${SETTINGS}
`);

/** Sets the escalation ladder of one or both targets. */
export const SetSlaLadder = operation<G.SetSlaLadderMutation, G.SetSlaLadderMutationVariables>(/* GraphQL */ `
  mutation SetSlaLadder($input: SetSlaLadderInput!) { setSlaLadder(input: $input) { ...AdminSettingsFields } }
  ${SETTINGS}
`);

/** Sets the nine cells of the priority matrix, or with null seed 002's; BAD_USER_INPUT names `cells.HIGH.LOW` and the like. */
export const SetPriorityMatrix = operation<G.SetPriorityMatrixMutation, G.SetPriorityMatrixMutationVariables>(/* GraphQL */ `
  mutation SetPriorityMatrix($cells: [PriorityCellInput!]) { setPriorityMatrix(cells: $cells) { ...AdminSettingsFields } }
  ${SETTINGS}
`);

/** The site's weekly hours, 24×7 priorities and holidays. */
export const AdminCalendar = operation<G.AdminCalendarQuery, G.AdminCalendarQueryVariables>(/* GraphQL */ `
  query AdminCalendar { businessCalendar { ...AdminCalendarFields } }
  ${CALENDAR}
`);

/** Sets (or with null removes) the weekly hours and the 24×7 priorities. */
export const SetBusinessHours = operation<G.SetBusinessHoursMutation, G.SetBusinessHoursMutationVariables>(/* GraphQL */ `
  mutation SetBusinessHours($input: SetBusinessHoursInput!) { setBusinessHours(input: $input) { ...AdminCalendarFields } }
  ${CALENDAR}
`);

/** Adds holidays. */
export const AddHolidays = operation<G.AddHolidaysMutation, G.AddHolidaysMutationVariables>(/* GraphQL */ `
  mutation AddHolidays($holidays: [HolidayInput!]!) { addHolidays(holidays: $holidays) { ...AdminCalendarFields } }
  ${CALENDAR}
`);

/** Removes holidays by date. */
export const RemoveHolidays = operation<G.RemoveHolidaysMutation, G.RemoveHolidaysMutationVariables>(/* GraphQL */ `
  mutation RemoveHolidays($days: [String!]!) { removeHolidays(days: $days) { ...AdminCalendarFields } }
  ${CALENDAR}
`);
