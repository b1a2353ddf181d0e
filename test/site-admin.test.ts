import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { codeOf, desk, report, startTestGateway, type GqlResult, type TestGateway } from "./harness.js";
import { startTestSmtp, type TestSmtp } from "./mail-kit.js";

/**
 * An admin's site settings over GraphQL (issue 9): the handling and mail settings and the SLA
 * ladder that `sigap site:set` and `site:ladder` change, read and changed by an ADMIN only, with
 * every bad field named, and in effect at once in the gateway that took the change.
 */

let gw: TestGateway;
let smtp: TestSmtp;
let admin: string;

beforeAll(async () => {
  smtp = await startTestSmtp();
  gw = await startTestGateway({ smtp: { url: smtp.url } });
  admin = await gw.agentToken(Role.ADMIN);
});
afterAll(async () => {
  await gw?.close();
  await smtp?.close();
});

const FIELDS = `reporterSetsImpact defaultImpact queueOrder reopenClosedWithinDays autoCloseHours deskEmail
  language accentColor logoUrl trackingUrl reporterMailEvents reporterMailEventChoices slaLadder { target share escalate notify action }`;
const READ = `{ siteSettings { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSiteSettingsInput!) { updateSiteSettings(input: $input) { ${FIELDS} } }`;
const LADDER = `mutation($input: SetSlaLadderInput!) { setSlaLadder(input: $input) { slaLadder { target share escalate notify action } } }`;

interface Settings {
  reporterSetsImpact: boolean;
  defaultImpact: string;
  queueOrder: string;
  reopenClosedWithinDays: number;
  autoCloseHours: number;
  deskEmail: string | null;
  language: string;
  accentColor: string | null;
  logoUrl: string | null;
  trackingUrl: string | null;
  reporterMailEvents: string[] | null;
  reporterMailEventChoices: string[];
  slaLadder: Array<{ target: string; share: number; escalate: boolean; notify: string[]; action: string }>;
}

const asAdmin = <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => gw.gql<T>(query, variables, { token: admin, siteKey: null });
const read = async () => (await desk<{ siteSettings: Settings }>(gw, admin, READ)).siteSettings;

describe("site settings over GraphQL", () => {
  it("shows an admin the site's settings, mail settings and ladder, as a new site starts", async () => {
    const s = await read();
    expect(s).toEqual({
      reporterSetsImpact: false,
      defaultImpact: "MEDIUM",
      queueOrder: "DUE_TIME",
      reopenClosedWithinDays: 0,
      autoCloseHours: 72,
      deskEmail: null,
      language: "id",
      accentColor: null,
      logoUrl: null,
      trackingUrl: null,
      reporterMailEvents: null,
      reporterMailEventChoices: ["status_changed", "resolved", "closed"],
      slaLadder: expect.any(Array),
    });
    expect(s.slaLadder.filter((step) => step.target === "RESOLUTION").map((step) => `${step.share}:${step.action}`)).toEqual([
      "50:WARN_ASSIGNEE",
      "75:WARN_GROUP+WARN_SUPERVISOR",
      "100:ESCALATE+ALERT_SUPERVISOR",
      "150:ALERT_MANAGER",
    ]);
  });

  it.each([Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER])("refuses the role %s (FORBIDDEN) and changes nothing", async (role) => {
    const token = await gw.agentToken(role);
    const before = await read();
    for (const [query, variables] of [
      [READ, undefined],
      [UPDATE, { input: { queueOrder: "ARRIVAL" } }],
      [LADDER, { input: { response: [] } }],
    ] as const) {
      const r = await gw.gql(query, variables, { token, siteKey: null });
      expect(codeOf(r)).toBe("FORBIDDEN");
      expect(r.errors![0]!.message).toMatch(/administer/);
    }
    expect(await read()).toEqual(before);
  });

  it("refuses a caller without a token (UNAUTHENTICATED), also with the widget's site key", async () => {
    expect(codeOf(await gw.gql(READ))).toBe("UNAUTHENTICATED");
    expect(codeOf(await gw.gql(UPDATE, { input: { queueOrder: "ARRIVAL" } }))).toBe("UNAUTHENTICATED");
  });

  it("names every bad field at once (BAD_USER_INPUT) and then changes none of the good ones", async () => {
    const before = await read();
    const r = await asAdmin(UPDATE, {
      input: { queueOrder: "ARRIVAL", reopenClosedWithinDays: 400, deskEmail: "not an address", language: "fr", accentColor: "red", reporterMailEvents: ["resolved", "assigned"] },
    });
    expect(codeOf(r)).toBe("BAD_USER_INPUT");
    expect(r.errors![0]!.extensions.fields!.map((f) => f.field).sort()).toEqual(["accentColor", "deskEmail", "language", "reopenClosedWithinDays", "reporterMailEvents"]);
    expect(r.errors![0]!.extensions.fields!.find((f) => f.field === "reporterMailEvents")!.message).toMatch(/"assigned"/);
    expect(await read()).toEqual(before);
    const nothing = await asAdmin(UPDATE, { input: {} });
    expect(codeOf(nothing)).toBe("BAD_USER_INPUT");
    expect(nothing.errors![0]!.message).toMatch(/Nothing to change/);
    const nulls = await asAdmin(UPDATE, { input: { reporterSetsImpact: null, language: null } });
    expect(nulls.errors![0]!.extensions.fields!.map((f) => f.field).sort()).toEqual(["language", "reporterSetsImpact"]);
  });

  it("changes only the fields given, clears a nullable one with null, and the public form sees it at once", async () => {
    const form = `{ site { reporterSetsImpact } }`;
    // The public site is cached per process for 30 seconds: read it first so the cache holds the old value.
    expect((await gw.gql<{ site: { reporterSetsImpact: boolean } }>(form)).data!.site.reporterSetsImpact).toBe(false);
    const r = await asAdmin<{ updateSiteSettings: Settings }>(UPDATE, {
      input: { reporterSetsImpact: true, queueOrder: "ARRIVAL", deskEmail: "helpdesk@contoh.example", accentColor: "#0b6e4f", trackingUrl: "https://company.example/lacak?code={code}&token={token}" },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateSiteSettings).toMatchObject({ reporterSetsImpact: true, queueOrder: "ARRIVAL", deskEmail: "helpdesk@contoh.example", accentColor: "#0b6e4f", defaultImpact: "MEDIUM" });
    expect((await gw.gql<{ site: { reporterSetsImpact: boolean } }>(form)).data!.site.reporterSetsImpact).toBe(true);

    const cleared = await asAdmin<{ updateSiteSettings: Settings }>(UPDATE, { input: { accentColor: null, deskEmail: null } });
    expect(cleared.data!.updateSiteSettings).toMatchObject({ accentColor: null, deskEmail: null, queueOrder: "ARRIVAL", trackingUrl: "https://company.example/lacak?code={code}&token={token}" });
    expect(await read()).toEqual(cleared.data!.updateSiteSettings);
  });

  it("mails receipts in the site's new language at once (the gateway's cached site is dropped)", async () => {
    await report(gw, { reporterEmail: "sebelum@contoh.example" });
    expect((await asAdmin(UPDATE, { input: { language: "en" } })).errors).toBeUndefined();
    await report(gw, { reporterEmail: "sesudah@contoh.example" });
    await gw.dispatch();
    expect(smtp.to("sebelum@contoh.example").map((m) => m.subject)).toEqual([expect.stringMatching(/^Laporan Anda diterima: /)]);
    expect(smtp.to("sesudah@contoh.example").map((m) => m.subject)).toEqual([expect.stringMatching(/^We received your report: /)]);
  });

  it("mails the reporter only about the events the admin chose", async () => {
    expect((await asAdmin(UPDATE, { input: { reporterMailEvents: ["resolved"] } })).errors).toBeUndefined();
    expect((await read()).reporterMailEvents).toEqual(["resolved"]);
    const supervisor = await gw.agentToken(Role.SUPERVISOR);
    const email = "pilih@contoh.example";
    const receipt = await report(gw, { reporterEmail: email });
    const ticket = await gw.services.reads.byTracking(gw.site.id, receipt.code, receipt.trackingToken);
    for (const input of [{ status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "Akun dibuka kembali", closureCode: "FIXED" }]) {
      await desk(gw, supervisor, `mutation($id: ID!, $input: ChangeStatusInput!) { changeTicketStatus(id: $id, input: $input) { status } }`, { id: ticket.id, input });
    }
    await gw.dispatch();
    const subjects = smtp.to(email).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects[0]).toMatch(/^We received your report: /);
    expect(subjects[1]).toMatch(/resolved/i);
    expect((await asAdmin(UPDATE, { input: { reporterMailEvents: null } })).errors).toBeUndefined();
  });

  it("sets a target's ladder, names every bad step, and puts a target back on the default with null", async () => {
    const set = await asAdmin<{ setSlaLadder: Pick<Settings, "slaLadder"> }>(LADDER, {
      input: { response: [{ share: 80, escalate: false, notify: ["ASSIGNEE", "SUPERVISOR"] }, { share: 100, escalate: true, notify: [] }] },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setSlaLadder.slaLadder.filter((s) => s.target === "RESPONSE").map((s) => `${s.share}:${s.action}`)).toEqual(["80:WARN_ASSIGNEE+WARN_SUPERVISOR", "100:ESCALATE"]);
    // The desk reads the same ladder.
    const { deskDirectory } = await desk<{ deskDirectory: { slaLadder: Array<{ target: string; share: number }> } }>(gw, admin, `{ deskDirectory { slaLadder { target share } } }`);
    expect(deskDirectory.slaLadder.filter((s) => s.target === "RESPONSE").map((s) => s.share)).toEqual([80, 100]);

    const bad = await asAdmin(LADDER, { input: { response: [{ share: 90, escalate: false, notify: ["BOSS"] }, { share: 50, escalate: false, notify: [] }], resolution: [{ share: 0, escalate: true, notify: [] }] } });
    expect(codeOf(bad)).toBe("BAD_USER_INPUT");
    const messages = bad.errors![0]!.extensions.fields!.map((f) => `${f.field}: ${f.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^RESPONSE: .*step 1: notify must list some of ASSIGNEE/),
      expect.stringMatching(/^RESPONSE: .*step 2 \(50 %\) must come later/),
      expect.stringMatching(/^RESPONSE: .*step 2 does nothing/),
      expect.stringMatching(/^RESOLUTION: .*step 1: the share must be a whole percent/),
    ]);
    expect((await read()).slaLadder.filter((s) => s.target === "RESPONSE").map((s) => s.share)).toEqual([80, 100]);

    const reset = await asAdmin<{ setSlaLadder: Pick<Settings, "slaLadder"> }>(LADDER, { input: { response: null } });
    expect(reset.data!.setSlaLadder.slaLadder.filter((s) => s.target === "RESPONSE").map((s) => s.share)).toEqual([50, 75, 100, 150]);
    expect(codeOf(await asAdmin(LADDER, { input: {} }))).toBe("BAD_USER_INPUT");
  });
});
