import { describe, expect, it } from "vitest";
import { createReplyAddresses } from "./reply-address.js";

const SECRET = "a-gateway-secret-of-at-least-32-characters";
const TICKET = "019ad2c4-5e8f-7a10-b234-56789abcdef0";
const OTHER = "019ad2c4-5e8f-7a10-b234-56789abcdef1";

describe("createReplyAddresses", () => {
  const replies = createReplyAddresses(SECRET, "Reply.Contoh.Example");
  const address = replies.replyAddress(TICKET)!;

  it("gives a ticket an address whose local part fits RFC 5321's 64 characters", () => {
    expect(address).toMatch(/^reply\+019ad2c4-5e8f-7a10-b234-56789abcdef0\.[0-9a-f]{20}@reply\.contoh\.example$/);
    expect(address.split("@")[0]!.length).toBeLessThanOrEqual(64);
  });

  it.each([
    ["the address itself", () => address, TICKET],
    ["in upper case (mail systems change case)", () => address.toUpperCase(), TICKET],
    ["in angle brackets", () => `<${address}>`, TICKET],
    ["with a wrong mac", () => address.replace(/\.[0-9a-f]{20}@/, ".0123456789abcdef0123@"), null],
    ["with another ticket's mac", () => address.replace(TICKET, OTHER), null],
    ["with a shortened mac", () => address.replace(/([0-9a-f]{19})[0-9a-f]@/, "$1@"), null],
    ["without a mac", () => `reply+${TICKET}@reply.contoh.example`, null],
    ["at another domain", () => address.replace("reply.contoh.example", "evil.example"), null],
    ["the desk's address", () => "helpdesk@contoh.example", null],
    ["signed with another secret", () => createReplyAddresses(`${SECRET}!`, "reply.contoh.example").replyAddress(TICKET)!, null],
  ])("parses %s", (_name, make, expected) => {
    expect(replies.parseReplyAddress(make())).toBe(expected);
  });

  it("has no addresses without a reply domain", () => {
    const off = createReplyAddresses(SECRET, null);
    expect(off.replyAddress(TICKET)).toBeNull();
    expect(off.parseReplyAddress(address)).toBeNull();
  });
});
