import type { Messages } from "../locale.js";
import id from "./work-order.messages.id.js";

const en = {
  title: "Work order",
  findings: "What the technician found",
  proposal: "Extra cost",
  item: "Item",
  qty: "Qty",
  unit: "Unit price",
  amount: "Amount",
  total: "Total",
  AWAITING: "Waiting for your decision",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
  decidedAt: "{what} {at}",
  note: "Your note (optional)",
  accept: "Accept the cost",
  decline: "Decline",
  confirmAccept: "Accept an extra cost of {total}? The technician carries on once you confirm.",
  confirmDecline: "Decline the extra cost of {total}?",
  confirm: "Confirm",
  cancel: "Back",
  deciding: "Sending…",
  payment: "Payment",
  UNPAID: "Not paid yet",
  PAID: "Paid",
  REFUNDED: "Refunded",
  TRANSFER: "bank transfer",
  E_WALLET: "e-wallet",
  CASH_ON_DELIVERY: "cash on delivery",
  due: "To be paid before the job is closed.",
  loading: "Loading the work order…",
  propose: "Propose a cost",
  record: "Record payment",
  description: "Description",
  addLine: "Add a line",
  removeLine: "Remove line {n}",
  line: "Line {n}",
  send: "Send to the customer",
  save: "Save",
  saving: "Saving…",
  status: "Status",
  method: "Method",
  paid: "Amount (rupiah)",
  proposed: "Cost sent to the customer.",
  recorded: "Payment recorded.",
};

/** A key of the work-order words. */
export type WorkOrderKey = keyof typeof en;

/** The work order's words, shared by the tracker's and the desk's parts; both languages load with the part (it loads on demand). */
export const messages: Messages<WorkOrderKey> = { en, id };
