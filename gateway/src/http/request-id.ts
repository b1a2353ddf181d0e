import { randomUUID } from "node:crypto";

// Ids end up in logs and headers: only short printable tokens are believed from a client.
const SANE = /^[A-Za-z0-9._:@-]{8,128}$/;

/** The request's id: the client's `X-Request-Id` when it is a sane token, else a new UUID. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && SANE.test(incoming) ? incoming : randomUUID();
}
