import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  title: "Approvals",
  intro: "A request under a service with approval steps waits until each step approves, in order; a rejection ends it with the reason. Nobody approves their own request.",
  service: "Service",
  serviceType: "Opens: {type}",
  noServices: "No services yet: add one in the Catalogue section.",
  steps: "Approval steps of {name}",
  noSteps: "No steps: requests under this service need no approval.",
  step: "Step {n}",
  rule: "Step {n}: who must approve",
  ANY_OF: "Any one of them",
  ALL_OF: "All of them",
  kind: "Step {n}: approvers",
  "kind.role": "A role",
  "kind.group": "A support group",
  "kind.agents": "Named agents",
  role: "Role",
  group: "Group",
  chooseGroup: "Choose a group",
  agents: "Agents",
  up: "Up",
  upOf: "Move step {n} up",
  down: "Down",
  downOf: "Move step {n} down",
  remove: "Remove",
  removeOf: "Remove step {n}",
  addStep: "Add a step",
  validDays: "The approval document is valid for (days)",
  save: "Save the steps",
  saving: "Saving…",
  saved: "Approval steps saved.",
  savedWarned: "Approval steps saved, with a warning on the steps marked above.",
  warning: "Warning",
  loading: "Loading the approvals…",
  retry: "Try again",
  "role.AGENT": "Agent",
  "role.SPECIALIST": "Specialist",
  "role.SUPERVISOR": "Supervisor",
  "role.MANAGER": "Manager",
  "role.ADMIN": "Administrator",
};

/** A key of the Approvals section's words. */
export type ApprovalsKey = keyof typeof en;

/** The Approvals section's words; Indonesian in approvals.messages.id.ts. */
export const approvalsMessages: Messages<ApprovalsKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./approvals.messages.id.js"));
