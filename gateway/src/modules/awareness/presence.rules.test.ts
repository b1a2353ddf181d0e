import { describe, expect, it } from "vitest";
import { livePresence, mergePresence, PRESENCE_TTL_MS, samePresence, viewersFor, type PresenceAnnouncement, type PresenceEntry } from "./presence.rules.js";

const sari: PresenceEntry = { agentId: "a1", name: "Sari", typing: false, since: 1_000, seenAt: 1_000 };
const budi: PresenceEntry = { agentId: "a2", name: "Budi", typing: true, since: 2_000, seenAt: 12_000 };

function hello(agentId: string, at: number, typing = false, leaving = false): PresenceAnnouncement {
  return { siteId: "s", ticketId: "t", agentId, name: agentId === "a1" ? "Sari" : agentId === "a2" ? "Budi" : "Dewi", typing, at, leaving };
}

describe("presence rules", () => {
  it.each<[string, PresenceEntry[], PresenceAnnouncement, PresenceEntry[]]>([
    ["a first heartbeat adds the agent", [], hello("a1", 1_000), [sari]],
    ["a later heartbeat refreshes and keeps since", [sari], hello("a1", 11_000), [{ ...sari, seenAt: 11_000 }]],
    ["typing starts", [sari], hello("a1", 5_000, true), [{ ...sari, typing: true, seenAt: 5_000 }]],
    ["a goodbye removes only that agent", [sari, budi], hello("a1", 13_000, false, true), [budi]],
    ["a goodbye of someone absent changes nothing", [budi], hello("a1", 13_000, false, true), [budi]],
    ["an older announcement than the one held is ignored", [budi], hello("a2", 11_000, false), [budi]],
  ])("%s", (_what, entries, a, expected) => {
    expect(mergePresence(entries, a)).toEqual(expected);
  });

  it.each([
    // seenAt, now, alive
    [1_000, 1_000, true],
    [1_000, 1_000 + PRESENCE_TTL_MS - 1, true],
    [1_000, 1_000 + PRESENCE_TTL_MS, false],
    [1_000, 1_000 + PRESENCE_TTL_MS + 5_000, false],
  ])("an entry last seen at %s is alive at %s: %s", (seenAt, now, alive) => {
    expect(livePresence([{ ...sari, seenAt }], now)).toHaveLength(alive ? 1 : 0);
  });

  it.each([
    ["a1", ["a2"]],
    ["a2", ["a1"]],
    ["a3", ["a1", "a2"]],
  ])("%s sees everyone else alive, longest there first", (asking, seen) => {
    expect(viewersFor([budi, sari], asking, 12_000).map((e) => e.agentId)).toEqual(seen);
  });

  it("drops the expired from what an agent sees", () => {
    expect(viewersFor([budi, sari], "a3", 1_000 + PRESENCE_TTL_MS).map((e) => e.agentId)).toEqual(["a2"]);
  });

  it.each<[string, PresenceEntry[], PresenceEntry[], boolean]>([
    ["a heartbeat alone is no news", [sari], [{ ...sari, seenAt: 9_000 }], true],
    ["typing is news", [sari], [{ ...sari, typing: true }], false],
    ["someone new is news", [sari], [sari, budi], false],
    ["order does not matter", [sari, budi], [budi, sari], true],
  ])("%s", (_what, a, b, same) => {
    expect(samePresence(a, b)).toBe(same);
  });
});
