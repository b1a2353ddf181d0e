import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  title: "Agents",
  name: "Name",
  email: "E-mail",
  role: "Role",
  group: "Group",
  noGroup: "No group",
  language: "Language of desk mail",
  regions: "Regions",
  skills: "Skills",
  listHint: "One per line.",
  status: "Status",
  active: "Active",
  inactive: "Deactivated",
  noPassword: "no password yet",
  edit: "Edit {name}",
  editShort: "Edit",
  deactivateShort: "Deactivate",
  reactivateShort: "Reactivate",
  editTitle: "Edit {name}",
  save: "Save the agent",
  cancel: "Cancel",
  saved: "Agent saved.",
  deactivate: "Deactivate {name}",
  reactivate: "Reactivate {name}",
  invite: "Invite an agent",
  inviteHint: "They get a link by e-mail to set their password (valid 7 days).",
  send: "Send the invitation",
  invited: "Invitation sent.",
  saving: "Saving…",
  loading: "Loading the agents…",
  retry: "Try again",
  "role.AGENT": "Agent",
  "role.SPECIALIST": "Specialist",
  "role.SUPERVISOR": "Supervisor",
  "role.MANAGER": "Manager",
  "role.ADMIN": "Administrator",
  "lang.id": "Indonesian",
  "lang.en": "English",
};

/** A key of the People section's words. */
export type PeopleKey = keyof typeof en;

/** The People section's words; Indonesian in people.messages.id.ts. */
export const peopleMessages: Messages<PeopleKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./people.messages.id.js"));
