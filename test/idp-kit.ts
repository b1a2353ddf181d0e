/**
 * A real OpenID Connect provider in the test process (the `oidc-provider` package, with its
 * development login and consent pages), and a minimal browser that walks through them: follows
 * redirects, keeps cookies and submits the forms, as a person at the company's sign-in page would.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** The test's identity provider. */
export interface TestIdp {
  /** OIDC_ISSUER for a gateway. */
  issuer: string;
  /** Registers the gateway as a public client (PKCE, no secret) with its redirect URI. */
  register(clientId: string, redirectUri: string): void;
  close(): Promise<void>;
}

/** Starts listening at once, so the issuer URL is known before the gateway it trusts starts. */
export async function startTestIdp(): Promise<TestIdp> {
  const server: Server = createServer((_req, res) => {
    res.statusCode = 503;
    res.end("not configured yet");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    register(clientId, redirectUri) {
      const provider = new Provider(issuer, {
        clients: [{ client_id: clientId, token_endpoint_auth_method: "none", redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
        // Every login name is an account whose e-mail is that name (verified unless it says "unverified").
        async findAccount(_ctx, id) {
          return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: !id.includes("unverified") }) };
        },
        claims: { openid: ["sub"], email: ["email", "email_verified"] },
        cookies: { keys: ["sigap test idp cookie key"] },
        // Set so the provider does not print a notice for each default lifetime.
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      });
      server.removeAllListeners("request");
      server.on("request", provider.callback());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page the walk ended on. */
export interface Landing {
  url: URL;
  status: number;
  headers: Headers;
  body: string;
}

/**
 * Opens `startUrl` as a popup would and signs in at the provider as `login`: follows redirects,
 * keeps every cookie, submits the login and consent forms, and stops on the first page that is
 * neither (the gateway's callback page, or an error page).
 */
export async function walkSignIn(startUrl: string, login: string): Promise<Landing> {
  const jar = new Map<string, string>();
  const go = async (url: URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0]!;
      const eq = pair.indexOf("=");
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1)];
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  let url = new URL(startUrl);
  let res = await go(url);
  for (let step = 0; step < 20; step++) {
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location")!, url);
      res = await go(url);
      continue;
    }
    const body = await res.text();
    const prompt = /name="prompt" value="(login|consent)"/.exec(body)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(body)?.[1];
    if (!prompt || !action) return { url, status: res.status, headers: res.headers, body };
    const form = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
    url = new URL(action.replace(/&amp;/g, "&"), url);
    res = await go(url, { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } });
  }
  throw new Error(`the sign-in did not end within 20 steps, last at ${url.href}`);
}

/** What the gateway's callback page would post to the widget's window, and to which origin. */
export function postedMessage(page: Landing): { message: { type: string; code?: string; error?: string }; origin: string | null } {
  const m = /var d=(\{.*?\});if/.exec(page.body);
  if (!m) throw new Error(`no posted message on ${page.url.href} (${page.status}):\n${page.body.slice(0, 500)}`);
  return JSON.parse(m[1]!) as { message: { type: string; code?: string; error?: string }; origin: string | null };
}
