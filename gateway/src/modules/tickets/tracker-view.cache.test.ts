import { describe, expect, it } from "vitest";
import { createSigapPubSub } from "../../realtime/pubsub.js";
import { Topic } from "../../realtime/topics.js";
import type { TicketEntity } from "./ticket.entity.js";
import { TicketStatus } from "./ticket.enums.js";
import { TrackerViewCache, type StoredView } from "./tracker-view.cache.js";

const ticket = (id: string, code: string, siteId = "site-1") => ({ id, code, siteId, trackingTokenHash: "00" }) as TicketEntity;
const view = (status: TicketStatus) => ({ code: "x", status }) as StoredView;
const changed = (bus: ReturnType<typeof createSigapPubSub>, ticketId: string | null, siteId = "site-1") =>
  bus.publish(Topic.QUEUE_CHANGED, siteId, { siteId, ticketId, kind: ticketId ? "UPDATED" : "RESYNC" });

/** A whole read: begun, then ended with what it got. */
const keep = (cache: TrackerViewCache, t: TicketEntity, v: StoredView) => cache.end(cache.begin(t.siteId), { ticket: t, view: v });

describe("TrackerViewCache", () => {
  it("answers with a stored view until its ticket's next change", () => {
    const bus = createSigapPubSub();
    const cache = new TrackerViewCache(bus);
    keep(cache, ticket("t1", "A-1"), view(TicketStatus.NEW));
    expect(cache.get("site-1", "A-1")?.view.status).toBe(TicketStatus.NEW);
    changed(bus, "t1");
    expect(cache.get("site-1", "A-1")).toBeNull();
  });

  it("keeps a view when another ticket of the site changes", () => {
    const bus = createSigapPubSub();
    const cache = new TrackerViewCache(bus);
    keep(cache, ticket("t1", "A-1"), view(TicketStatus.NEW));
    changed(bus, "t2");
    expect(cache.get("site-1", "A-1")).not.toBeNull();
  });

  it("does not keep a view read while its ticket changed (the read may predate the commit)", () => {
    const bus = createSigapPubSub();
    const cache = new TrackerViewCache(bus);
    const read = cache.begin("site-1");
    changed(bus, "t1");
    cache.end(read, { ticket: ticket("t1", "A-1"), view: view(TicketStatus.NEW) });
    expect(cache.get("site-1", "A-1")).toBeNull();
    // A read that starts after the change is current and is kept.
    keep(cache, ticket("t1", "A-1"), view(TicketStatus.IN_PROGRESS));
    expect(cache.get("site-1", "A-1")?.view.status).toBe(TicketStatus.IN_PROGRESS);
  });

  it("forgets a site's views when its events may have been missed", () => {
    const bus = createSigapPubSub();
    const cache = new TrackerViewCache(bus);
    keep(cache, ticket("t1", "A-1"), view(TicketStatus.NEW));
    keep(cache, ticket("t9", "B-1", "site-2"), view(TicketStatus.NEW));
    changed(bus, null);
    expect(cache.get("site-1", "A-1")).toBeNull();
    expect(cache.get("site-2", "B-1")).not.toBeNull();
  });

  it("keeps nothing past its lifetime or its size", async () => {
    const bus = createSigapPubSub();
    const short = new TrackerViewCache(bus, { ttlMs: 1 });
    keep(short, ticket("t1", "A-1"), view(TicketStatus.NEW));
    await new Promise((r) => setTimeout(r, 5));
    expect(short.get("site-1", "A-1")).toBeNull();

    const small = new TrackerViewCache(bus, { maxEntries: 2 });
    for (const n of [1, 2, 3]) keep(small, ticket(`t${n}`, `A-${n}`), view(TicketStatus.NEW));
    expect(small.size).toBe(2);
    expect(small.get("site-1", "A-1")).toBeNull();
    expect(small.get("site-1", "A-3")).not.toBeNull();
  });

  it("stores nothing while the bus cannot tell it of changes", () => {
    const bus = { ...createSigapPubSub(), state: "lost" as const };
    const cache = new TrackerViewCache(bus);
    keep(cache, ticket("t1", "A-1"), view(TicketStatus.NEW));
    expect(cache.get("site-1", "A-1")).toBeNull();
  });
});
