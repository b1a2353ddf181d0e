import { describe, expect, it } from "vitest";
import { LocaleController } from "../../shared/locale.js";
import { indonesian } from "../agent-queue.messages.js";
import { ActionFormController } from "./action-form.controller.js";
import { TestHost } from "../../shared/test-host.js";

/** A controller on a host that is not on a page: its forms are submitted in Chromium (test/browser). */
function forms() {
  const host = Object.assign(new TestHost(), { closest: () => null }) as unknown as TestHost & HTMLElement;
  const c = new ActionFormController(host, { lc: new LocaleController(host, indonesian), target: () => ({ url: "", token: "" }), ticket: () => null });
  return { host, c };
}

describe("ActionFormController", () => {
  it("remembers a choice per form and field, so dependent fields follow it", () => {
    const { c, host } = forms();
    c.handleDraft({ target: { name: "status", value: "PENDING", form: { dataset: { action: "status" } } } } as unknown as Event);
    c.handleDraft({ target: { name: "kind", value: "HIERARCHICAL", form: { dataset: { action: "escalate" } } } } as unknown as Event);
    expect(c.draft).toEqual({ "status.status": "PENDING", "escalate.kind": "HIERARCHICAL" });
    expect(host.updates).toBe(2);
  });

  it("ignores a change outside an action form", () => {
    const { c } = forms();
    c.handleDraft({ target: { name: "q", value: "x", form: null } } as unknown as Event);
    expect(c.draft).toEqual({});
  });

  it("starts over for another ticket", () => {
    const { c } = forms();
    c.acts = { assign: { error: "Check the marked fields.", fields: { assigneeId: "Required." } } };
    c.done = "Assign: saved.";
    expect(c.errors("assign")).toEqual({ assigneeId: "Required." });
    c.reset();
    expect([c.acts, c.done, c.draft, c.errors("assign")]).toEqual([{}, "", {}, {}]);
  });
});

describe("ActionFormController confirmation", () => {
  it("clears what it saved when a sibling part (bar or composer) saves another action, not for its own", () => {
    const { c, host } = forms();
    c.done = "Assign: saved.";
    c.handleSibling({ target: host } as unknown as Event);
    expect(c.done).toBe("Assign: saved.");
    c.handleSibling({ target: {} } as unknown as Event);
    expect(c.done).toBe("");
  });
});
