/**
 * Signing in with the company's identity provider: a real OpenID Connect provider (oidc-provider)
 * in the test process, the gateway's popup pages walked through as a browser would, and the
 * one-time code exchanged over GraphQL as the widget does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@sigap/gateway";
import { startTestGateway, TEST_ACTOR, type TestGateway } from "./harness.js";
import { postedMessage, startTestIdp, walkSignIn, type TestIdp } from "./idp-kit.js";

const OPTIONS = `{ signInOptions { password oidcStartUrl oidcName passwordMinLength } }`;
const REDEEM = `mutation($code: String!) { redeemSignInCode(code: $code) { token expiresAt agent { email role } } }`;
type Redeemed = { redeemSignInCode: { token: string; expiresAt: string; agent: { email: string; role: string } } };

let idp: TestIdp;
let gw: TestGateway;
let startUrl: string;

beforeAll(async () => {
  idp = await startTestIdp();
  gw = await startTestGateway({ env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: "sigap-desk", OIDC_NAME: "Contoh SSO" } });
  idp.register("sigap-desk", `${gw.url}/auth/oidc/callback`);
  await gw.services.agents.create({ siteId: gw.site.id, name: "Dewi Lestari", email: "dewi@contoh.example", role: Role.SUPERVISOR }, TEST_ACTOR);
  const options = await gw.gql<{ signInOptions: { oidcStartUrl: string } }>(OPTIONS, {}, { origin: gw.origin });
  startUrl = `${options.data!.signInOptions.oidcStartUrl}&origin=${encodeURIComponent(gw.origin)}`;
});
afterAll(async () => {
  await gw?.close();
  await idp?.close();
});

describe("signInOptions", () => {
  it("tells the widget the provider's start URL and name", async () => {
    const r = await gw.gql(OPTIONS, {}, { origin: gw.origin });
    expect(r.data).toEqual({
      signInOptions: { password: true, oidcStartUrl: `${gw.url}/auth/oidc/start?site=${gw.siteKey}`, oidcName: "Contoh SSO", passwordMinLength: 10 },
    });
  });
});

describe("OpenID Connect sign-in", () => {
  it("maps the provider's e-mail to the agent and posts a one-time code to the widget's origin, under a strict CSP", async () => {
    const page = await walkSignIn(startUrl, "Dewi@Contoh.example");
    expect(page.url.pathname).toBe("/auth/oidc/callback");
    expect(page.headers.get("content-security-policy")).toMatch(/^default-src 'none'; script-src 'nonce-[^']+'/);
    const { message, origin } = postedMessage(page);
    expect(origin).toBe(gw.origin);
    expect(message.type).toBe("sigap-sign-in");
    const redeemed = await gw.gql<Redeemed>(REDEEM, { code: message.code }, { origin: gw.origin });
    expect(redeemed.data?.redeemSignInCode.agent).toEqual({ email: "dewi@contoh.example", role: "SUPERVISOR" });
    const me = await gw.gql<{ me: { email: string } }>(`{ me { email } }`, {}, { token: redeemed.data!.redeemSignInCode.token });
    expect(me.data?.me.email).toBe("dewi@contoh.example");
    // The code works once.
    const again = await gw.gql(REDEEM, { code: message.code }, { origin: gw.origin });
    expect(again.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a code after two minutes", async () => {
    const { message } = postedMessage(await walkSignIn(startUrl, "dewi@contoh.example"));
    gw.clock.advance(121_000);
    const r = await gw.gql(REDEEM, { code: message.code }, { origin: gw.origin });
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" }, message: "This sign-in code is not valid any more; sign in again." });
  });

  it.each([
    ["no agent has the address", "stranger@contoh.example", "stranger@contoh.example is not an active agent of this desk; ask an admin to invite you."],
    ["the provider does not vouch for the address", "dewi.unverified@contoh.example", "The identity provider did not give a verified e-mail address."],
  ])("posts an error, not a code, when %s", async (_name, login, error) => {
    const { message, origin } = postedMessage(await walkSignIn(startUrl, login));
    expect(origin).toBe(gw.origin);
    expect(message).toEqual({ type: "sigap-sign-in", error });
  });

  it("refuses to start for an origin the site does not allow, without reaching the provider", async () => {
    const page = await walkSignIn(`${gw.url}/auth/oidc/start?site=${gw.siteKey}&origin=${encodeURIComponent("https://evil.example")}`, "dewi@contoh.example");
    expect(page.status).toBe(400);
    expect(page.url.origin).toBe(gw.url);
    expect(postedMessage(page)).toEqual({ origin: null, message: { type: "sigap-sign-in", error: "This site does not accept sign-in from that page." } });
  });

  it("refuses a callback that no start of this browser began", async () => {
    const res = await fetch(`${gw.url}/auth/oidc/callback?code=forged&state=forged`);
    expect(postedMessage({ url: new URL(res.url), status: res.status, headers: res.headers, body: await res.text() }).message.error).toBe(
      "This sign-in took too long or was started in another browser; sign in again.",
    );
  });
});
