import { describe, expect, it } from "vitest";
import type { Operation } from "../../client/operation.js";
import type { SigapTicketActionName } from "../ticket-actions.js";
import { sendAction } from "./action-send.js";

/** Sends an action with these form values and returns the mutation and variables it called. */
async function sent(a: SigapTicketActionName, values: Record<string, string>): Promise<{ mutation: string; variables: unknown }> {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  let call: { mutation: string; variables: unknown } | undefined;
  const send = async <R, V>(op: Operation<R, V>, variables: V): Promise<R> => {
    const mutation = /mutation (\w+)/.exec(op.query)![1]!;
    call = { mutation, variables };
    const field = mutation[0]!.toLowerCase() + mutation.slice(1);
    return { [field]: { id: "t1" } } as R;
  };
  expect(await sendAction(send, a, "t1", data)).toEqual({ id: "t1" });
  return call!;
}

describe("sendAction", () => {
  it.each([
    ["classify", { urgency: "HIGH", impact: "LOW", categoryId: "", note: " " }, "ClassifyTicket", { categoryId: null, serviceId: null, urgency: "HIGH", impact: "LOW", note: null }],
    ["assign", { groupId: "g1", assigneeId: "" }, "AssignTicket", { groupId: "g1", assigneeId: null }],
    ["assign", { groupId: "g1", me: "1" }, "AssignTicket", { groupId: null, assigneeId: "me" }],
    ["status", { status: "PENDING", pendingReason: "APPROVAL", note: "" }, "ChangeTicketStatus", { status: "PENDING", note: null, pendingReason: "APPROVAL" }],
    ["status", { status: "IN_PROGRESS", pendingReason: "APPROVAL" }, "ChangeTicketStatus", { status: "IN_PROGRESS", note: null }],
    ["reply", { body: " Restarted " }, "ReplyToReporter", { body: "Restarted", attachmentIds: [] }],
    ["reply", { body: "See the photo", attachmentIds: "a1" }, "ReplyToReporter", { body: "See the photo", attachmentIds: ["a1"] }],
    ["note", { body: "Server 3" }, "AddInternalNote", { body: "Server 3", attachmentIds: [] }],
    ["note", { body: "Log", attachmentIds: "a2" }, "AddInternalNote", { body: "Log", attachmentIds: ["a2"] }],
    ["escalate", { kind: "FUNCTIONAL", level: "2", groupId: "", notes: "Level 2 please" }, "EscalateTicket", { kind: "FUNCTIONAL", level: 2, groupId: null, agentId: null, notes: "Level 2 please" }],
    ["resolve", { resolution: "Fixed it", closureCode: "FIXED", kb: "on" }, "ChangeTicketStatus", { status: "RESOLVED", note: null, resolution: "Fixed it", closureCode: "FIXED", addToKnowledgeBase: true }],
    ["close", {}, "ChangeTicketStatus", { status: "CLOSED", note: null }],
    ["reopen", { note: "Back again" }, "ChangeTicketStatus", { status: "IN_PROGRESS", note: "Back again" }],
    ["cancel", { note: "Duplicate" }, "ChangeTicketStatus", { status: "CANCELLED", note: "Duplicate" }],
  ] as const)("%s with %j calls %s with %j", async (a, values, mutation, input) => {
    expect(await sent(a, values)).toEqual({ mutation, variables: { id: "t1", input } });
  });
});
