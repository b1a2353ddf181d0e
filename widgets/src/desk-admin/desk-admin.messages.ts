import { lazyWords, type Messages } from "../shared/locale.js";

const en = {
  title: "Desk administration",
  signedIn: "Signed in as {name}",
  sections: "Administration sections",
  site: "Site",
  sla: "SLA",
  catalog: "Catalogue",
  approvals: "Approvals",
  routing: "Routing",
  people: "People",
  access: "Access",
  webhooks: "Webhooks",
  fields: "Custom fields",
  replies: "Replies",
  knowledge: "Knowledge",
  audit: "Audit log",
  loading: "Loading…",
  retry: "Try again",
  notAdmin: "Only an administrator of this desk can change its settings. {name} is signed in as {role}.",
  auth: "Your session has expired or the token is invalid. Sign in again to administer the desk.",
  sectionFailed: "This section could not be loaded.",
};

/** A key of the shell's words. */
export type AdminKey = keyof typeof en;

/** The desk administration shell's words; each section has its own; Indonesian in desk-admin.messages.id.ts. */
export const adminMessages: Messages<AdminKey> = { en };

/** The shell's Indonesian words, fetched only for Indonesian readers. */
export const indonesian = lazyWords(() => import("./desk-admin.messages.id.js"));
