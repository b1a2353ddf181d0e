import { createHmac } from "node:crypto";
import { safeEqualHex } from "./tracking-token.js";

/**
 * The resolution mail's signed link to the closure check (`/confirm/<code>?sig=…`): an HMAC of
 * the ticket and the instant it was resolved under the gateway secret. It opens the check of that
 * resolution only: once the ticket is reopened and resolved again, an older mail's link is dead.
 */
export interface ConfirmLinks {
  /** The signature of one resolution of a ticket. */
  sign(ticketId: string, resolvedAt: Date): string;
  /** Whether `sig` is the signature of this resolution. */
  opens(ticketId: string, resolvedAt: Date | null, sig: string): boolean;
}

/** Where the closure check's page lives, as `/confirm/<code>`. */
export const CONFIRM_PATH = "/confirm";

/** Confirm links signed with the gateway secret. */
export function createConfirmLinks(secret: string): ConfirmLinks {
  const sign = (ticketId: string, resolvedAt: Date) =>
    createHmac("sha256", `sigap-confirm:${secret}`).update(`${ticketId}:${resolvedAt.toISOString()}`).digest("hex").slice(0, 32);
  return {
    sign,
    opens: (ticketId, resolvedAt, sig) => resolvedAt !== null && /^[0-9a-f]{32}$/.test(sig) && safeEqualHex(sign(ticketId, resolvedAt), sig),
  };
}
