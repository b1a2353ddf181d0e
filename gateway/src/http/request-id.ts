import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { RequestInfo } from "../context.js";
import { flatString } from "../flat-string.js";

// Ids end up in logs and headers: only short printable tokens are believed from a client.
const SANE = /^[A-Za-z0-9._:@-]{8,128}$/;

/**
 * The request's id: the client's `X-Request-Id` when it is a sane token, else a new UUID,
 * flattened: a WebSocket connection keeps its id as long as it stays open.
 */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && SANE.test(incoming) ? incoming : flatString(randomUUID());
}

/**
 * What the context knows about a request. Its logger is made on first use: most requests never
 * log, and a pino child per request is an allocation and a serialization for nothing.
 */
export function requestInfo(log: Logger, id: string, clientAddress: string | null, forwardedFor: string | null): RequestInfo {
  return new LazyRequestInfo(log, id, clientAddress, forwardedFor);
}

/** A class, so an idle subscription's request info holds no getter closure of its own. */
class LazyRequestInfo implements RequestInfo {
  private child: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    readonly id: string,
    readonly clientAddress: string | null,
    readonly forwardedFor: string | null,
  ) {}

  get log(): Logger {
    return (this.child ??= this.parent.child({ reqId: this.id }));
  }
}
