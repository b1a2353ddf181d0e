import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  rules: "Routing rules",
  rulesHint: "A new work order (and an incident, where incidents are routed) goes to the group of the first rule whose every condition holds; blank conditions match anything. Rules are tried from the top.",
  rule: "Rule {n}",
  region: "Region (kecamatan or branch)",
  skill: "Skill",
  serviceId: "Service",
  categoryId: "Category",
  groupId: "Technician group",
  any: "Any",
  chooseGroup: "Choose a group",
  noRules: "No rules: new tickets are not routed.",
  addRule: "Add a rule",
  up: "Up",
  upOf: "Move rule {n} up",
  down: "Down",
  downOf: "Move rule {n} down",
  remove: "Remove",
  removeOf: "Remove rule {n}",
  saveRules: "Save the rules",
  rulesSaved: "Routing rules saved.",
  dispatch: "Assignment and declined costs",
  assignment: "Inside the group, assign a routed ticket to",
  ROUND_ROBIN: "The next technician in turn (round-robin)",
  LEAST_LOADED: "The technician with the fewest open tickets (least-loaded)",
  routeIncidents: "Route incidents too, not only work orders",
  declinedCost: "When a customer declines an extra cost",
  CANCEL_JOB: "Cancel the job",
  CONTINUE_WITHOUT: "Continue without the extra work",
  saveDispatch: "Save the assignment settings",
  dispatchSaved: "Assignment settings saved.",
  saving: "Saving…",
  loading: "Loading the routing…",
  retry: "Try again",
};

/** A key of the Routing section's words. */
export type RoutingKey = keyof typeof en;

/** The Routing section's words; Indonesian in routing.messages.id.ts. */
export const routingMessages: Messages<RoutingKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./routing.messages.id.js"));
