import type { IncomingMessage, ServerResponse } from "node:http";

const ALLOW_HEADERS = "content-type, content-encoding, authorization, x-sigap-site-key, x-sigap-reporter-token, x-request-id, apollo-require-preflight";

/**
 * Lets any page call the gateway from the browser: which origins a site accepts is checked per
 * site key, after CORS, so the answer here is always yes. Returns true when it answered a
 * preflight and the request is done.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.setHeader("Access-Control-Expose-Headers", "x-request-id, retry-after");
    res.setHeader("Access-Control-Max-Age", "600");
  }
  if (req.method !== "OPTIONS") return false;
  res.statusCode = 204;
  res.end();
  return true;
}
