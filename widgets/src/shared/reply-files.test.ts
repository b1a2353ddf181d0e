import type { ReactiveController } from "lit";
import { describe, expect, it } from "vitest";
import { ReplyFiles } from "./reply-files.js";

/** A host with what the part touches before it is connected: controllers and updates. */
function host() {
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const el = {
    shadowRoot: null,
    addController: (c: ReactiveController) => controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
  return { el: el as unknown as ConstructorParameters<typeof ReplyFiles>[0], controllers, updates: () => updates };
}

describe("ReplyFiles", () => {
  it("sends the ids of the uploaded files only, holds the send while one uploads, and empties on clear", () => {
    const h = host();
    const box = new ReplyFiles(h.el, { target: () => ({ url: "http://desk.test/graphql", token: "t" }) });
    box.files = [
      { n: 1, name: "a.png", id: "id-a" },
      { n: 2, name: "b.png" },
      { n: 3, name: "c.exe", error: "c.exe: this type of file is not accepted." },
    ];
    expect(box.ids).toEqual(["id-a"]);
    expect(box.busy).toBe(true);
    box.remove(2);
    expect(box.busy).toBe(false);
    box.clear();
    expect(box.files).toEqual([]);
    expect(h.updates()).toBeGreaterThan(0);
  });

  it.each([
    [undefined, 0],
    [() => 4, 4],
  ])("counts the ticket's files already held (%s → %i)", (taken, n) => {
    const box = new ReplyFiles(host().el, { target: () => ({ url: "http://desk.test/graphql" }), ...(taken ? { taken } : {}) });
    expect(box.taken).toBe(n);
  });

  it("takes a dragover so a drop is allowed", () => {
    const box = new ReplyFiles(host().el, { target: () => ({ url: "http://desk.test/graphql" }) });
    const e = new Event("dragover", { cancelable: true });
    box.handle(e);
    expect(e.defaultPrevented).toBe(true);
  });
});
