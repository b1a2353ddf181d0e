import { NETWORK_MESSAGE, SigapRequestError, toRequestError } from "./graphql-error.js";
import type { Operation } from "./operation.js";

/** Where and how a widget talks to the gateway. */
export interface Endpoint {
  /** The gateway's GraphQL URL, e.g. https://desk.example.com/graphql */
  url: string;
  /** The site's public key (public widgets). */
  siteKey?: string | null;
  /** An agent's bearer token (the agent queue). */
  token?: string | null;
  /** The host site's signed token for its signed-in user (identified reporters): a header over HTTP, `reporterToken` over WebSocket. */
  reporterToken?: string | null;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** Sends one query or mutation over fetch and returns its data, or throws SigapRequestError. */
export async function request<R, V>(endpoint: Endpoint, op: Operation<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  const headers: Record<string, string> = { ...endpoint.headers, "content-type": "application/json", accept: "application/json" };
  if (endpoint.siteKey) headers["x-sigap-site-key"] = endpoint.siteKey;
  if (endpoint.token) headers["authorization"] = `Bearer ${endpoint.token}`;
  if (endpoint.reporterToken) headers["x-sigap-reporter-token"] = endpoint.reporterToken;
  let response: Response;
  try {
    response = await fetch(endpoint.url, { method: "POST", headers, body: JSON.stringify({ query: op.query, variables }), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SigapRequestError(NETWORK_MESSAGE, "NETWORK_ERROR");
  }
  let body: { data?: R | null; errors?: Parameters<typeof toRequestError>[0] };
  const status = response.status;
  // 429 and 503 say when to come back in Retry-After, also when a proxy sent them without a GraphQL body.
  const wait = Number(response.headers.get("retry-after")) || undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    const code = status === 429 ? "RATE_LIMITED" : status === 503 ? "SERVICE_UNAVAILABLE" : status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
    throw new SigapRequestError(`The service desk answered ${status} without a readable body.`, code, [], wait);
  }
  if (body.errors?.length) throw toRequestError(body.errors, wait);
  if (!body.data) throw new SigapRequestError("The service desk sent an empty answer.", "INTERNAL_SERVER_ERROR");
  return body.data;
}

/** The WebSocket URL of an HTTP GraphQL endpoint. */
export function wsUrl(httpUrl: string): string {
  const u = new URL(httpUrl, document.baseURI);
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  return u.toString();
}
