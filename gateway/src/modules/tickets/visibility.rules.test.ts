import { describe, expect, it } from "vitest";
import { TicketEventKind, Visibility } from "./ticket.enums.js";
import { reporterAttachmentIds, reporterDetail, reporterSeesAttachment, reporterSeesDetail, reporterSeesEntry } from "./visibility.rules.js";

const K = TicketEventKind;

describe("what a reporter receives", () => {
  it.each([
    [Visibility.PUBLIC, true],
    [Visibility.INTERNAL, false],
  ])("an entry that is %s: %s", (visibility, seen) => {
    expect(reporterSeesEntry(visibility)).toBe(seen);
  });

  // Written out so that a new kind has to be placed on purpose.
  it.each([
    [K.REPORTED, true],
    [K.CLASSIFIED, false],
    [K.ASSIGNED, false],
    [K.STATUS_CHANGED, true],
    [K.AGENT_REPLY, true],
    [K.REPORTER_MESSAGE, true],
    [K.INTERNAL_NOTE, true],
    [K.ESCALATED, false],
    [K.AUTO_ESCALATED, false],
    [K.RESOLVED, true],
    [K.CLOSED, true],
    [K.REOPENED, true],
    [K.CANCELLED, true],
    [K.FEEDBACK, true],
    // The requester sees who approved or rejected, when and why (seed 004).
    [K.APPROVAL_REQUESTED, true],
    [K.APPROVAL_GIVEN, true],
    [K.APPROVED, true],
    [K.REJECTED, true],
    [K.FINDINGS_RECORDED, true],
    [K.COST_PROPOSED, true],
    [K.COST_ACCEPTED, true],
    [K.COST_DECLINED, true],
    [K.PAYMENT_RECORDED, true],
  ])("the detail of %s: %s", (kind, seen) => {
    expect(reporterSeesDetail(kind)).toBe(seen);
  });

  it("covers every kind", () => {
    expect(Object.values(K)).toHaveLength(23);
  });

  it.each([
    [K.ESCALATED, { actorName: null, message: null, groupName: null, assigneeName: null }],
    [K.AGENT_REPLY, { actorName: "Dewi", message: "hi", groupName: "SOLTEK", assigneeName: "Andi" }],
  ])("redacts the detail of %s as it should", (kind, expected) => {
    expect(reporterDetail(kind, { actorName: "Dewi", message: "hi", groupName: "SOLTEK", assigneeName: "Andi" })).toEqual(expected);
  });

  it.each([
    [Visibility.PUBLIC, true],
    [Visibility.INTERNAL, false],
    [null, false],
  ])("a file linked by an entry that is %s: %s", (visibility, seen) => {
    expect(reporterSeesAttachment({ visibility })).toBe(seen);
  });

  it.each([
    [Visibility.PUBLIC, ["a", "b"], ["a", "b"]],
    [Visibility.INTERNAL, ["a", "b"], []],
  ])("attachment ids of a %s entry", (visibility, ids, expected) => {
    expect(reporterAttachmentIds(visibility, ids)).toEqual(expected);
  });
});
