/**
 * Agents signing in without the CLI, through GraphQL as the widget does: passwords and the lock
 * after repeated failures, the reset and invitation links as a real SMTP server receives them,
 * and a deactivated agent's open subscription closed over a real WebSocket.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import WebSocket from "ws";
import { collect, startTestGateway, TEST_ACTOR, waitForSubscribers, type GqlResult, type TestGateway } from "./harness.js";
import { linkIn, startTestSmtp, type TestSmtp } from "./mail-kit.js";

const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token expiresAt agent { email role } } }`;
const RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const SET_PASSWORD = `mutation($secret: String!, $password: String!) { setPasswordWithLink(secret: $secret, password: $password) { token agent { email } } }`;
const INVITE = `mutation($input: InviteAgentInput!) { inviteAgent(input: $input) { id email role active } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setAgentActive(id: $id, active: $active) { id active } }`;
const ME = `{ me { email } }`;
const MINUTE = 60_000;
const PASSWORD = "kopi tubruk pagi hari";

type SignedIn = { signIn: { token: string; expiresAt: string; agent: { email: string; role: string } } };

let smtp: TestSmtp;
let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  smtp = await startTestSmtp();
  gw = await startTestGateway({ smtp: { url: smtp.url }, env: { SIGN_IN_URL: "https://intranet.contoh.example/desk" } });
  admin = await gw.agentToken(Role.ADMIN, "Admin Rina");
});
afterAll(async () => {
  await gw?.close();
  await smtp?.close();
});

/** An agent with a password, made as the CLI's agent:add and agent:password make them. */
async function agentWithPassword(email: string, password = PASSWORD) {
  const agent = await gw.services.agents.create({ siteId: gw.site.id, name: "Budi Santoso", email, role: Role.AGENT }, TEST_ACTOR);
  await gw.services.signIn.setPassword(agent, password, TEST_ACTOR);
  return agent;
}

const signIn = (email: string, password: string) => gw.gql<SignedIn>(SIGN_IN, { email, password }, { origin: gw.origin });
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;

/** The secret of the last sign-in link mailed to an address. */
async function mailedSecret(address: string, subject: RegExp): Promise<string> {
  await gw.dispatch();
  const mail = smtp.to(address).filter((m) => subject.test(m.subject)).at(-1);
  if (!mail) throw new Error(`no mail matching ${subject} to ${address}`);
  const link = linkIn(mail, "https://intranet.contoh.example/desk");
  const secret = new URLSearchParams(link.hash.slice(1)).get("sigap-password");
  expect(secret).toBeTruthy();
  return secret!;
}

describe("signIn with a password", () => {
  it("returns a token that opens the desk, valid 12 hours", async () => {
    await agentWithPassword("budi@contoh.example");
    const r = await signIn("  Budi@Contoh.example ", PASSWORD);
    expect(r.errors).toBeUndefined();
    expect(r.data!.signIn.agent).toEqual({ email: "budi@contoh.example", role: "AGENT" });
    expect(Date.parse(r.data!.signIn.expiresAt) - gw.clock.now().getTime()).toBe(12 * 3600_000);
    const me = await gw.gql<{ me: { email: string } }>(ME, {}, { token: r.data!.signIn.token });
    expect(me.data?.me.email).toBe("budi@contoh.example");
  });

  it("answers a wrong password, an unknown address and a deactivated agent alike", async () => {
    const gone = await agentWithPassword("gone@contoh.example");
    await gw.gql(SET_ACTIVE, { id: gone.id, active: false }, { token: admin });
    const answers = await Promise.all([signIn("budi@contoh.example", "not the password"), signIn("nobody@contoh.example", PASSWORD), signIn("gone@contoh.example", PASSWORD)]);
    for (const r of answers) {
      expect(r.data).toBeNull();
      expect(r.errors?.[0]).toMatchObject({ message: "The e-mail address or the password is wrong.", extensions: { code: "UNAUTHENTICATED" } });
    }
  });

  it("needs the widget's site key", async () => {
    const r = await gw.gql(SIGN_IN, { email: "budi@contoh.example", password: PASSWORD }, { siteKey: null });
    expect(codeOf(r)).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["an agent's address", "lock@contoh.example", true],
    ["an address no agent has", "ghost@contoh.example", false],
  ])("locks %s for 15 minutes after 5 failures in 15 minutes, with the same message", async (_name, email, exists) => {
    if (exists) await agentWithPassword(email);
    for (let i = 0; i < 4; i++) {
      expect(codeOf(await signIn(email, `wrong password ${i}`))).toBe("UNAUTHENTICATED");
      gw.clock.advance(MINUTE);
    }
    const fifth = await signIn(email, "wrong password 5");
    expect(fifth.errors?.[0]).toMatchObject({
      message: "Too many failed sign-ins for this address: try again in 15 minutes, or reset your password.",
      extensions: { code: "RATE_LIMITED", retryAfter: 900 },
    });
    gw.clock.advance(MINUTE);
    // Even the right password waits out the lock.
    const refused = await signIn(email, PASSWORD);
    expect(refused.errors?.[0]?.message).toBe("Too many failed sign-ins for this address: try again in 14 minutes, or reset your password.");
    gw.clock.advance(14 * MINUTE);
    const after = await signIn(email, PASSWORD);
    if (exists) expect(after.data?.signIn.agent.email).toBe(email);
    else expect(codeOf(after)).toBe("UNAUTHENTICATED");
  });

  it("does not lock for failures spread wider than the window", async () => {
    await agentWithPassword("slow@contoh.example");
    for (let i = 0; i < 6; i++) {
      expect(codeOf(await signIn("slow@contoh.example", "wrong password"))).toBe("UNAUTHENTICATED");
      gw.clock.advance(4 * MINUTE);
    }
    expect((await signIn("slow@contoh.example", PASSWORD)).data?.signIn.token).toBeTruthy();
  });
});

describe("password reset by mail", () => {
  it("mails a one-time link that sets a new password and signs in; sessions of the old password end", async () => {
    await agentWithPassword("lupa@contoh.example");
    const before = (await signIn("lupa@contoh.example", PASSWORD)).data!.signIn.token;
    gw.clock.advance(1000);
    expect((await gw.gql(RESET, { email: "Lupa@contoh.example" }, { origin: gw.origin })).data).toEqual({ requestPasswordReset: true });
    const secret = await mailedSecret("lupa@contoh.example", /password|sandi/i);
    const set = await gw.gql<{ setPasswordWithLink: { token: string; agent: { email: string } } }>(SET_PASSWORD, { secret, password: "teh manis dingin sekali" });
    expect(set.data?.setPasswordWithLink.agent.email).toBe("lupa@contoh.example");
    expect((await gw.gql(ME, {}, { token: set.data!.setPasswordWithLink.token })).data).toEqual({ me: { email: "lupa@contoh.example" } });
    expect((await gw.gql(ME, {}, { token: before })).errors?.[0]?.message).toBe(
      "This agent token was signed before the password changed or the account was deactivated; sign in again.",
    );
    expect(codeOf(await signIn("lupa@contoh.example", PASSWORD))).toBe("UNAUTHENTICATED");
    expect((await signIn("lupa@contoh.example", "teh manis dingin sekali")).data?.signIn.token).toBeTruthy();
    const again = await gw.gql(SET_PASSWORD, { secret, password: "another good password" });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    expect(again.errors?.[0]?.message).toContain("not valid any more");
  });

  it("answers the same for an unknown address and mails nothing", async () => {
    const before = smtp.mails.length;
    expect((await gw.gql(RESET, { email: "stranger@contoh.example" }, { origin: gw.origin })).data).toEqual({ requestPasswordReset: true });
    await gw.dispatch();
    expect(smtp.mails.length).toBe(before);
  });

  it("refuses a link after an hour, and a weak password with the rule", async () => {
    await agentWithPassword("telat@contoh.example");
    await gw.gql(RESET, { email: "telat@contoh.example" }, { origin: gw.origin });
    const secret = await mailedSecret("telat@contoh.example", /password|sandi/i);
    const weak = await gw.gql(SET_PASSWORD, { secret, password: "short" });
    expect(weak.errors?.[0]).toMatchObject({ message: "The password must be at least 10 characters long.", extensions: { code: "BAD_USER_INPUT" } });
    gw.clock.advance(61 * MINUTE);
    expect(codeOf(await gw.gql(SET_PASSWORD, { secret, password: "a late good password" }))).toBe("UNAUTHENTICATED");
  });
});

describe("inviteAgent", () => {
  it("lets an admin add an agent who sets a password from the mailed link", async () => {
    const r = await gw.gql<{ inviteAgent: { id: string; email: string; role: string; active: boolean } }>(
      INVITE,
      { input: { name: "Sari Wulandari", email: "Sari@contoh.example", role: "SPECIALIST" } },
      { token: admin },
    );
    expect(r.data?.inviteAgent).toMatchObject({ email: "sari@contoh.example", role: "SPECIALIST", active: true });
    await gw.dispatch();
    const mail = smtp.to("sari@contoh.example").at(-1)!;
    expect(mail.text).toContain("Admin Rina");
    const secret = await mailedSecret("sari@contoh.example", /.*/);
    expect((await gw.gql(SET_PASSWORD, { secret, password: "rendang padang enak" })).errors).toBeUndefined();
    expect((await signIn("sari@contoh.example", "rendang padang enak")).data?.signIn.agent.role).toBe("SPECIALIST");
  });

  it("is for admins only", async () => {
    const agent = await gw.agentToken(Role.SUPERVISOR);
    const r = await gw.gql(INVITE, { input: { name: "X", email: "x@contoh.example", role: "AGENT" } }, { token: agent });
    expect(codeOf(r)).toBe("FORBIDDEN");
  });
});

describe("deactivating an agent", () => {
  const QUEUE_CHANGED = `subscription { queueChanged { kind } }`;

  /** An agent's open queue subscription and the close code its socket ends with. */
  async function openSubscription() {
    const token = await gw.agentToken(Role.AGENT);
    const client = gw.ws({ authorization: `Bearer ${token}` });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.on("closed", (e) => resolve(e as { code: number; reason: string })));
    const before = gw.services.live.active;
    const sub = collect(client, QUEUE_CHANGED, {});
    await waitForSubscribers(gw, before + 1);
    return { token, id: gw.agentId(token), sub, closed };
  }

  it("closes their open subscription (4401) and refuses their token at once", async () => {
    const { token, id, closed } = await openSubscription();
    gw.clock.advance(1000);
    const r = await gw.gql(SET_ACTIVE, { id, active: false }, { token: admin });
    expect(r.data).toEqual({ setAgentActive: { id, active: false } });
    expect(await closed).toEqual(expect.objectContaining({ code: 4401, reason: "Your agent token no longer works; sign in again." }));
    expect(codeOf(await gw.gql(ME, {}, { token }))).toBe("UNAUTHENTICATED");
    // Reactivated, the agent signs in again: tokens from before the deactivation stay refused.
    expect((await gw.gql(SET_ACTIVE, { id, active: true }, { token: admin })).data).toEqual({ setAgentActive: { id, active: true } });
    expect(codeOf(await gw.gql(ME, {}, { token }))).toBe("UNAUTHENTICATED");
  });

  it("closes them on the next check when another process deactivated the agent (the CLI, another gateway)", async () => {
    const kept = await openSubscription();
    const { id, closed } = await openSubscription();
    await gw.services.ds.query("UPDATE agent SET active = ? WHERE id = ?", [false, id]);
    expect(await gw.services.sessions.recheck()).toBe(1);
    expect((await closed).code).toBe(4401);
    expect(kept.sub.done).toBe(false);
    expect(kept.sub.errors).toEqual([]);
  });

  it("closes a socket that was acknowledged but has not subscribed yet (a widget shows \"live\" at that moment)", async () => {
    const token = await gw.agentToken(Role.AGENT);
    const socket = new WebSocket(`${gw.url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
    const acked = new Promise<void>((resolve) => socket.on("message", (data) => JSON.parse(String(data)).type === "connection_ack" && resolve()));
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
    await acked;
    gw.clock.advance(1000);
    expect((await gw.gql(SET_ACTIVE, { id: gw.agentId(token), active: false }, { token: admin })).errors).toBeUndefined();
    expect(await closed).toBe(4401);
  });

  it("refuses to let an admin deactivate themself, or an agent of another site", async () => {
    const me = gw.agentId(admin);
    expect(codeOf(await gw.gql(SET_ACTIVE, { id: me, active: false }, { token: admin }))).toBe("CONFLICT");
    expect(codeOf(await gw.gql(SET_ACTIVE, { id: "00000000-0000-0000-0000-000000000000", active: false }, { token: admin }))).toBe("NOT_FOUND");
  });
});
