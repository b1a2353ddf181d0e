import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, compileTrust, parseTrustProxy, type TrustProxy } from "./client-address.js";

const request = (remoteAddress: string | undefined, xff?: string) =>
  ({ headers: xff ? { "x-forwarded-for": xff } : {}, socket: { remoteAddress }, connection: { remoteAddress } }) as unknown as IncomingMessage;

describe("client-address", () => {
  it.each<[string | undefined, TrustProxy | null]>([
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    ["true", true],
    ["2", 2],
    ["loopback", ["loopback"]],
    ["10.0.0.0/8, 192.168.1.1", ["10.0.0.0/8", "192.168.1.1"]],
    ["not-an-address", null],
    ["10.0.0.0/99", null],
  ])("reads TRUST_PROXY=%j", (text, expected) => {
    expect(parseTrustProxy(text)).toEqual(expected);
  });

  it.each<[string, TrustProxy, string, string | undefined, string]>([
    ["no trust: the socket's address", false, "127.0.0.1", "203.0.113.9", "127.0.0.1"],
    ["trusted loopback proxy", ["loopback"], "127.0.0.1", "203.0.113.9", "203.0.113.9"],
    ["an untrusted peer cannot claim an address", ["loopback"], "198.51.100.1", "203.0.113.9", "198.51.100.1"],
    ["one hop believed, a spoofed first entry ignored", 1, "10.0.0.2", "6.6.6.6, 203.0.113.9", "203.0.113.9"],
    ["every hop believed", true, "10.0.0.2", "6.6.6.6, 203.0.113.9", "6.6.6.6"],
    ["an IPv4-mapped socket address", false, "::ffff:192.0.2.4", undefined, "192.0.2.4"],
  ])("finds the client: %s", (_name, trust, remote, xff, expected) => {
    expect(clientAddress(request(remote, xff), compileTrust(trust))).toBe(expected);
  });

  it("answers 'unknown' for a socket that closed before its address was read, whatever the trust", () => {
    for (const trust of [false, true, 1, ["loopback"]] as TrustProxy[]) expect(clientAddress(request(undefined), compileTrust(trust))).toBe("unknown");
  });
});
