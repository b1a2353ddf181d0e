import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from "@apollo/server";
import type { Logger } from "pino";
import { HttpProblem, readJsonBody } from "./body.js";

/** Options of {@link createGraphqlHandler}. */
export interface GraphqlHandlerOptions<T extends BaseContext> {
  apollo: ApolloServer<T>;
  /** Builds the context of one request, once Apollo asks for it. */
  context: (req: IncomingMessage, requestId: string) => Promise<T>;
  /** Largest body accepted, in bytes, as sent and once decompressed. @default 262144 */
  bodyLimit?: number;
  log: Logger;
}

/**
 * Serves GraphQL over HTTP straight from `node:http` through Apollo's own
 * `executeHTTPGraphQLRequest`: no Express, body-parser or integration layer on the busiest path.
 * Apollo keeps doing what it did behind Express: CSRF prevention, GET/POST rules, persisted
 * queries, plugins and error formatting. CORS and X-Request-Id are set by the caller.
 */
export function createGraphqlHandler<T extends BaseContext>(options: GraphqlHandlerOptions<T>) {
  const { apollo, context, log } = options;
  const limit = options.bodyLimit ?? 256 * 1024;
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    try {
      const method = (req.method ?? "GET").toUpperCase();
      const body = method === "POST" ? await readJsonBody(req, limit) : undefined;
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const url = req.url ?? "";
      const q = url.indexOf("?");
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: q < 0 ? "" : url.slice(q), body },
        context: () => context(req, requestId),
      });
      await send(res, response);
    } catch (error) {
      if (error instanceof HttpProblem) {
        if (error.status === 413) res.setHeader("connection", "close");
        return sendError(res, error.status, error.code, error.message);
      }
      log.error({ err: error, reqId: requestId }, "unexpected error while serving GraphQL over HTTP");
      if (res.headersSent) return void res.destroy();
      sendError(res, 500, "INTERNAL_SERVER_ERROR", "Something went wrong on our side; it has been logged. Please try again.");
    }
  };
}

async function send(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [name, value] of response.headers) {
    // CORS has already said "Vary: Origin"; Apollo's own Vary (Accept) joins it, not replaces it.
    const had = name === "vary" ? res.getHeader("vary") : undefined;
    res.setHeader(name, had ? `${String(had)}, ${value}` : value);
  }
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Answers in the GraphQL error shape, so clients read every refusal the same way. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
