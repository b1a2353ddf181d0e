/** The desk's `uploadLimits` query: the composer's file limits come from the agent's site, never from the widget. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, startTestGateway, type TestGateway } from "./harness.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

const LIMITS = `{ uploadLimits { maxUploadBytes maxAttachmentsPerTicket allowedUploadTypes } }`;
interface Limits {
  uploadLimits: { maxUploadBytes: number; maxAttachmentsPerTicket: number; allowedUploadTypes: string[] };
}

describe("uploadLimits", () => {
  it("gives an agent the site's upload limits, and an admin's change at once", async () => {
    const agent = await gw.agentToken(Role.AGENT);
    const before = await desk<Limits>(gw, agent, LIMITS);
    expect(before.uploadLimits).toEqual({
      maxUploadBytes: gw.site.maxUploadBytes,
      maxAttachmentsPerTicket: gw.site.maxAttachmentsPerTicket,
      allowedUploadTypes: gw.site.allowedUploadTypes,
    });
    const admin = await gw.agentToken(Role.ADMIN);
    await desk(gw, admin, `mutation { updateSiteAccess(input: { maxUploadBytes: 1048576, maxAttachmentsPerTicket: 3, allowedUploadTypes: ["image/png", "application/pdf"] }) { maxUploadBytes } }`);
    const after = await desk<Limits>(gw, agent, LIMITS);
    expect(after.uploadLimits).toEqual({ maxUploadBytes: 1048576, maxAttachmentsPerTicket: 3, allowedUploadTypes: ["image/png", "application/pdf"] });
  });

  it("answers UNAUTHENTICATED to a widget with only the site key", async () => {
    const r = await gw.gql(LIMITS);
    expect(codeOf(r)).toBe("UNAUTHENTICATED");
    expect(r.data ?? null).toBeNull();
  });
});
