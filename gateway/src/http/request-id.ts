import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { RequestInfo } from "../context.js";

// Ids end up in logs and headers: only short printable tokens are believed from a client.
const SANE = /^[A-Za-z0-9._:@-]{8,128}$/;

/** The request's id: the client's `X-Request-Id` when it is a sane token, else a new UUID. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && SANE.test(incoming) ? incoming : randomUUID();
}

/**
 * What the context knows about a request. Its logger is made on first use: most requests never
 * log, and a pino child per request is an allocation and a serialization for nothing.
 */
export function requestInfo(log: Logger, id: string, clientAddress: string | null, forwardedFor: string | null): RequestInfo {
  let child: Logger | undefined;
  return {
    id,
    clientAddress,
    forwardedFor,
    get log() {
      return (child ??= log.child({ reqId: id }));
    },
  };
}
