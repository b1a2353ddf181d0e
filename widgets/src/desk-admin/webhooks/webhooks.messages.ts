import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  title: "Webhook endpoints",
  none: "No endpoints: nothing is sent.",
  url: "URL",
  description: "Description",
  events: "Events sent",
  enabled: "Enabled",
  disabled: "Disabled: {reason}",
  failing: "Failing since {at}",
  previousSecret: "The previous secret also signs until {at}",
  enable: "Enable",
  enableOf: "Enable {url}",
  disable: "Disable",
  disableOf: "Disable {url}",
  rotate: "New secret",
  rotateOf: "New secret for {url}",
  remove: "Delete",
  removeOf: "Delete {url}",
  add: "Add an endpoint",
  create: "Add the endpoint",
  secret: "Signing secret for {url}, shown only now — keep it: {secret}",
  saving: "Saving…",
  saved: "Saved.",
  loading: "Loading the endpoints…",
  retry: "Try again",
  "e.TICKET_CREATED": "Ticket created",
  "e.TICKET_ASSIGNED": "Ticket assigned",
  "e.TICKET_STATUS_CHANGED": "Status changed",
  "e.TICKET_MESSAGE_ADDED": "Message added",
  "e.TICKET_ESCALATED": "Ticket escalated",
  "e.SLA_WARNING": "SLA warning",
  "e.SLA_BREACHED": "SLA breached",
  "e.TICKET_RESOLVED": "Ticket resolved",
  "e.TICKET_CLOSED": "Ticket closed",
  "e.FEEDBACK_SUBMITTED": "Feedback submitted",
  "e.TICKET_APPROVAL_REQUESTED": "Approval requested",
  "e.TICKET_APPROVED": "Request approved",
  "e.TICKET_REJECTED": "Request rejected",
  "e.WORK_ORDER_COST_PROPOSED": "Work order cost proposed",
  "e.WORK_ORDER_COST_ACCEPTED": "Work order cost accepted",
  "e.WORK_ORDER_COST_DECLINED": "Work order cost declined",
  "e.WORK_ORDER_PAYMENT_RECORDED": "Work order payment recorded",
};

/** A key of the Webhooks section's words. */
export type WebhooksKey = keyof typeof en;

/** The Webhooks section's words; Indonesian in webhooks.messages.id.ts. */
export const webhooksMessages: Messages<WebhooksKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./webhooks.messages.id.js"));
