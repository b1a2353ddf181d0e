import { describe, expect, it } from "vitest";
import { classifyAddress, isIpLiteral, urlFormProblem, type AddressClass } from "./ssrf.rules.js";

describe("classifyAddress", () => {
  it.each<[string, AddressClass | null]>([
    // IPv4
    ["8.8.8.8", null],
    ["203.0.113.10", null],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", null],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["169.254.169.254", "link-local"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "reserved"],
    ["256.1.1.1", "reserved"],
    // IPv6
    ["2001:4860:4860::8888", null],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["ff02::1", "multicast"],
    ["::2", "reserved"],
    ["1::2::3", "reserved"],
    // IPv4-mapped and NAT64 addresses reach the embedded IPv4 address
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:8.8.8.8", null],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::8.8.8.8", null],
    ["::127.0.0.1", "reserved"],
  ])("classifies %s as %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("isIpLiteral", () => {
  it.each([
    ["127.0.0.1", true],
    ["[::1]", true],
    ["::ffff:10.0.0.1", true],
    ["hooks.example.com", false],
    ["localhost", false],
  ])("says %s is a literal: %s", (host, expected) => {
    expect(isIpLiteral(host)).toBe(expected);
  });
});

describe("urlFormProblem", () => {
  it.each<[string, RegExp | null]>([
    ["https://hooks.example.com/sigap", null],
    ["http://127.0.0.1:8080/x", null],
    ["ftp://hooks.example.com/", /https:\/\/ or http:\/\//],
    ["https://user:pw@hooks.example.com/", /user name or password/],
    ["not a url", /is not a URL/],
    [`https://h.example/${"a".repeat(2000)}`, /at most 2000/],
  ])("judges %s", (url, expected) => {
    const problem = urlFormProblem(url);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
