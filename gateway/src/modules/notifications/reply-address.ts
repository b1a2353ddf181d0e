import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Per-ticket reply addresses: `reply+<ticketId>.<mac>@<SMTP_REPLY_DOMAIN>`. The mac is an HMAC of
 * the ticket id under the gateway secret, so an address cannot be made up for a ticket from its
 * id alone. Everything is lowercase hex because mail systems may lowercase local parts; the local
 * part stays at 63 characters, within RFC 5321's 64.
 */
export interface ReplyAddresses {
  /** The domain replies are addressed to; null when inbound replies are off. */
  readonly domain: string | null;
  /** The reply address of a ticket, or null when `SMTP_REPLY_DOMAIN` is unset. */
  replyAddress(ticketId: string): string | null;
  /** The ticket id a reply address names, or null when it is not one of ours or its mac is wrong. */
  parseReplyAddress(address: string): string | null;
}

// 80 bits: guessing online is hopeless, and the local part fits in 64 characters.
const MAC_HEX = 20;
const LOCAL = /^reply\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]+)$/;

/** Reply addresses signed with the gateway secret for one domain (null: replies off, every parse is null). */
export function createReplyAddresses(secret: string, domain: string | null): ReplyAddresses {
  const host = domain?.trim().toLowerCase() || null;
  const mac = (ticketId: string) => createHmac("sha256", `sigap-reply-address:${secret}`).update(ticketId.toLowerCase()).digest("hex").slice(0, MAC_HEX);
  return {
    domain: host,
    replyAddress(ticketId) {
      return host ? `reply+${ticketId.toLowerCase()}.${mac(ticketId)}@${host}` : null;
    },
    parseReplyAddress(address) {
      if (!host) return null;
      const clean = address.trim().replace(/^<|>$/g, "").toLowerCase();
      const at = clean.lastIndexOf("@");
      if (at < 0 || clean.slice(at + 1) !== host) return null;
      const m = LOCAL.exec(clean.slice(0, at));
      if (!m || m[2]!.length !== MAC_HEX) return null;
      const given = Buffer.from(m[2]!, "hex");
      const expected = Buffer.from(mac(m[1]!), "hex");
      return given.length === expected.length && timingSafeEqual(given, expected) ? m[1]! : null;
    },
  };
}
