import { describe, expect, it } from "vitest";
import { TicketType } from "../tickets/ticket.enums.js";
import { matchRoute, normalizeRoute, routesType, routingRuleProblems, tagKey, type RouteSpec } from "./routing.rules.js";

const rule = (over: Partial<RouteSpec>): RouteSpec => ({ region: null, serviceId: null, categoryId: null, skill: null, groupId: "g-any", ...over });

// Seed 003: a repair job of the customer's area goes to that area's technicians; the catch-all last.
const RULES = [
  rule({ region: "Balikpapan Selatan", serviceId: "svc-ac", groupId: "g-south-ac" }),
  rule({ region: "Balikpapan Selatan", groupId: "g-south" }),
  rule({ categoryId: "cat-tv", groupId: "g-tv" }),
  rule({ groupId: "g-any" }),
];

describe("matchRoute", () => {
  it.each([
    ["the region and service of the first rule", { kecamatan: "Balikpapan Selatan", serviceId: "svc-ac", categoryId: null }, "g-south-ac"],
    ["the region in other case and spacing", { kecamatan: "  balikpapan   SELATAN ", serviceId: "svc-ac", categoryId: null }, "g-south-ac"],
    ["the region with another service", { kecamatan: "Balikpapan Selatan", serviceId: "svc-tv", categoryId: "cat-tv" }, "g-south"],
    ["another region, a TV category", { kecamatan: "Balikpapan Utara", serviceId: null, categoryId: "cat-tv" }, "g-tv"],
    ["no region at all", { kecamatan: null, serviceId: "svc-ac", categoryId: null }, "g-any"],
  ])("sends %s to the first matching rule's group", (_, ticket, group) => {
    expect(matchRoute(RULES, ticket)?.groupId).toBe(group);
  });

  it("matches nothing without a catch-all", () => {
    expect(matchRoute(RULES.slice(0, 2), { kecamatan: "Balikpapan Kota", serviceId: null, categoryId: null })).toBeNull();
  });
});

describe("routesType", () => {
  it.each([
    [TicketType.WORK_ORDER, false, true],
    [TicketType.WORK_ORDER, true, true],
    [TicketType.INCIDENT, false, false],
    [TicketType.INCIDENT, true, true],
    [TicketType.SERVICE_REQUEST, true, false],
  ])("routes a %s when incidents opt-in is %s: %s", (type, optIn, routed) => {
    expect(routesType(type, optIn)).toBe(routed);
  });
});

describe("routingRuleProblems", () => {
  it.each([
    ["plain rules", [rule({ region: "Kota" })], []],
    ["a 60-character region of emoji", [rule({ region: "😀".repeat(60) })], []],
    ["a 61-character region", [rule({ region: "x".repeat(61) })], [["rules.0.region", "region is at most 60 characters (rule 1)"]]],
    ["a 61-character skill on the second rule", [rule({}), rule({ skill: "y".repeat(61) })], [["rules.1.skill", "skill is at most 60 characters (rule 2)"]]],
    ["a rule without a group", [rule({ groupId: " " })], [["rules.0.groupId", "groupId is required: the technician group rule 1 sends tickets to"]]],
    ["101 rules", Array.from({ length: 101 }, () => rule({})), [["rules", "A site keeps at most 100 routing rules, got 101"]]],
  ])("takes or refuses %s", (_, rules, expected) => {
    expect(routingRuleProblems(rules).map((p) => [p.field, p.message])).toEqual(expected);
  });
});

describe("normalizeRoute", () => {
  it("keeps blanks as any and trims text", () => {
    expect(normalizeRoute(rule({ region: "  Balikpapan  Kota ", skill: " ", serviceId: "", groupId: " g " }))).toEqual(rule({ region: "Balikpapan Kota", groupId: "g" }));
  });

  it("compares tags without case or extra spaces", () => {
    expect(tagKey(" AC  Split ")).toBe("ac split");
  });
});
