import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Evidence } from "../shared/evidence.js";
import { TestHost } from "../shared/test-host.js";
import { DraftController, type DraftHost } from "./draft.controller.js";
import type { ReportFieldName } from "./report-form.component.js";

/** The page's sessionStorage, as Chromium keeps it (Node has none); `off` refuses every write, as private mode may. */
class PageStorage extends Map<string, string> {
  off = false;
  getItem(k: string): string | null {
    return this.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.off) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.set(k, v);
  }
  removeItem(k: string): void {
    this.delete(k);
  }
}

let storage: PageStorage;
beforeEach(() => void vi.stubGlobal("sessionStorage", (storage = new PageStorage())));
afterEach(() => void vi.unstubAllGlobals());

/** A form host on site `key`, with what the reader typed and picked. */
function form(siteKey = "site-a") {
  const host = Object.assign(new TestHost(), {
    siteKey,
    values: {} as Partial<Record<ReportFieldName, string>>,
    files: [] as Evidence[],
    fileCount: 0,
  }) satisfies DraftHost;
  return { host, drafts: new DraftController(host) };
}

describe("DraftController", () => {
  it("keeps a report being sent across a reload, under its site's key, with its key and uploaded files only", () => {
    const before = form();
    before.host.values = { description: "Printer on fire" };
    before.host.files = [
      { n: 1, name: "a.png", id: "att-1" },
      { n: 2, name: "b.png" },
    ];
    const d = before.drafts.hold();
    d.sent = { idempotencyKey: d.key, reporterName: "Ana", description: "Printer on fire" };
    before.drafts.save();
    expect([...storage.keys()]).toEqual(["sigap-report:site-a"]);

    const after = form();
    after.drafts.hostUpdate();
    expect(after.drafts.draft).toEqual(d);
    expect([after.host.values, after.host.files, after.host.fileCount]).toEqual([{ description: "Printer on fire" }, [{ n: 1, name: "a.png", id: "att-1" }], 1]);
  });

  it("holds one key per report: a second attempt reuses it, a new report after clear gets another", () => {
    const { drafts } = form();
    const first = drafts.hold().key;
    expect(first).toMatch(/^[\w-]{8,64}$/);
    expect(drafts.hold().key).toBe(first);
    drafts.clear();
    expect([drafts.draft, storage.size]).toEqual([null, 0]);
    expect(drafts.hold().key).not.toBe(first);
  });

  it("reads the draft again only when the site key changes", () => {
    const { host, drafts } = form();
    drafts.hostUpdate();
    storage.setItem("sigap-report:site-b", JSON.stringify({ key: "key-of-site-b", values: { description: "B" }, files: [] }));
    drafts.hostUpdate();
    expect(drafts.draft).toBeNull();
    host.siteKey = "site-b";
    drafts.hostUpdate();
    expect([drafts.draft?.key, host.values]).toEqual(["key-of-site-b", { description: "B" }]);
  });

  it.each([
    ["not JSON", "{"],
    ["a key too short", JSON.stringify({ key: "abc", values: {}, files: [] })],
    ["no file list", JSON.stringify({ key: "key-12345", values: {} })],
  ])("does not trust a slot holding %s", (_, text) => {
    storage.setItem("sigap-report:site-a", text);
    const { host, drafts } = form();
    drafts.hostUpdate();
    expect([drafts.draft, host.values]).toEqual([null, {}]);
  });

  it("keeps the key for this page view when storage refuses it", () => {
    storage.off = true;
    const { drafts } = form();
    const key = drafts.hold().key;
    drafts.save();
    expect([drafts.hold().key, storage.size]).toEqual([key, 0]);
  });
});
