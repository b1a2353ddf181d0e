import { describe, expect, it } from "vitest";
import { TestHost } from "../../shared/test-host.js";
import { keepSoundChoice, soundChoice, soundKey, wantsTone } from "./sound.js";
import { countLabel, TitleCountController, titleWithCount } from "./title-count.controller.js";

/** A storage in memory; `refuse` throws as a sandboxed frame's does. */
function storage(refuse = false) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => {
      if (refuse) throw new Error("SecurityError");
      return items.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (refuse) throw new Error("SecurityError");
      items.set(k, v);
    },
  };
}

describe("title count", () => {
  it.each([
    [0, "Desk"],
    [1, "(1) Desk"],
    [99, "(99) Desk"],
    [100, "(99+) Desk"],
  ])("%i unread: %s", (n, title) => {
    expect(titleWithCount("Desk", n)).toBe(title);
  });

  it.each([
    [5, "5"],
    [100, "99+"],
  ])("labels %i as %s", (n, label) => {
    expect(countLabel(n)).toBe(label);
  });

  it("gives the page its title back, and counts on a title the page set meanwhile", () => {
    const page = { title: "Desk" };
    const host = new TestHost();
    const c = new TitleCountController(host, page);
    c.show(3);
    expect(page.title).toBe("(3) Desk");
    c.show(4);
    expect(page.title).toBe("(4) Desk");
    page.title = "Inbox";
    c.show(2);
    expect(page.title).toBe("(2) Inbox");
    c.hostDisconnected();
    expect(page.title).toBe("Inbox");
  });
});

describe("sound", () => {
  it("remembers each agent's choice apart", () => {
    const s = storage();
    expect(soundChoice(s, "a1")).toBeNull();
    keepSoundChoice(s, "a1", true);
    keepSoundChoice(s, "a2", false);
    expect([soundChoice(s, "a1"), soundChoice(s, "a2")]).toEqual([true, false]);
    expect(s.items.get(soundKey("a1"))).toBe("on");
  });

  it("has no remembered choice where storage is refused", () => {
    const s = storage(true);
    keepSoundChoice(s, "a1", true);
    expect(soundChoice(s, "a1")).toBeNull();
  });

  it.each([
    ["CREATED", false, true],
    ["UPDATED", true, true],
    ["UPDATED", false, false],
    ["REMOVED", true, false],
  ])("a %s push (unread %s) wants a tone: %s", (kind, unread, tone) => {
    expect(wantsTone({ kind, ticket: { unread } })).toBe(tone);
  });
});

describe("<sigap-desk-awareness>", () => {
  it("has no attributes of its own: it reads the queue it is given", async () => {
    const { SigapDeskAwareness } = await import("./desk-awareness.component.js");
    expect(SigapDeskAwareness.observedAttributes).toEqual([]);
  });
});
