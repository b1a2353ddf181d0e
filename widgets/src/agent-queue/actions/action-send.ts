/**
 * Sends one action form to the gateway: which mutation each form calls and how its fields map to
 * the mutation's input. Every rule is the gateway's; a BAD_USER_INPUT answer names the fields.
 */
import type { EscalationKind, Impact, PendingReason, TicketStatus, Urgency } from "../../client/generated.js";
import { AddInternalNote, AssignTicket, ChangeTicketStatus, ClassifyTicket, EscalateTicket, ReplyToReporter } from "../../client/desk-ticket.operations.js";
import type { Operation } from "../../client/operation.js";
import type { Row } from "../desk-parts.js";
import { FORM_STATUS, type SigapTicketActionName } from "../ticket-actions.js";

/** Runs one operation against the gateway (client/http `request` bound to an endpoint). */
export type Send = <R, V>(op: Operation<R, V>, variables: V) => Promise<R>;

/** A submitted form's values (FormData, with its submitter). */
export type FormValues = Pick<FormData, "get" | "getAll" | "has">;

/** Sends action `a` on ticket `id` with the form's values; resolves to the ticket as the gateway returns it. */
export async function sendAction(send: Send, a: SigapTicketActionName, id: string, data: FormValues): Promise<Row> {
  const v = (k: string): string => String(data.get(k) ?? "").trim();
  const o = (k: string): string | null => v(k) || null;
  const status = async (to: TicketStatus, extra: { resolution?: string; closureCode?: string; addToKnowledgeBase?: boolean; pendingReason?: PendingReason } = {}): Promise<Row> =>
    (await send(ChangeTicketStatus, { id, input: { status: to, note: o("note"), ...extra } })).changeTicketStatus;
  switch (a) {
    case "classify": {
      const input = { categoryId: o("categoryId"), serviceId: o("serviceId"), urgency: o("urgency") as Urgency | null, impact: o("impact") as Impact | null, note: o("note") };
      return (await send(ClassifyTicket, { id, input })).classifyTicket;
    }
    case "assign":
      return (await send(AssignTicket, { id, input: { groupId: v("me") ? null : o("groupId"), assigneeId: v("me") ? "me" : o("assigneeId") } })).assignTicket;
    case "status":
      return status(v("status") as TicketStatus, v("status") === "PENDING" ? { pendingReason: v("pendingReason") as PendingReason } : {});
    case "reply":
      return (await send(ReplyToReporter, { id, input: { body: v("body"), attachmentIds: files(data) } })).replyToReporter;
    case "note":
      return (await send(AddInternalNote, { id, input: { body: v("body"), attachmentIds: files(data) } })).addInternalNote;
    case "escalate": {
      const input = { kind: v("kind") as EscalationKind, level: o("level") ? Number(v("level")) : null, groupId: o("groupId"), agentId: o("agentId"), notes: v("notes") };
      return (await send(EscalateTicket, { id, input })).escalateTicket;
    }
    case "resolve":
      return status(FORM_STATUS.resolve, { resolution: v("resolution"), closureCode: v("closureCode"), addToKnowledgeBase: data.has("kb") });
    case "close":
    case "reopen":
    case "cancel":
      return status(FORM_STATUS[a]);
  }
}

/** The ids of the files attached to a reply or note (the composer's hidden `attachmentIds` inputs). */
function files(data: FormValues): string[] {
  return data.getAll("attachmentIds").map(String);
}
