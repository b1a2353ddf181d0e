import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../queue-filters/queue-filters.rules.js";
import { countText, entryKey, filtersFor, type SavedView } from "./queue-views.rules.js";

describe("<sigap-queue-views>", () => {
  it.each([
    [{ view: "MINE" as const, savedViewId: null }, "MINE"],
    [{ view: null, savedViewId: "v1" }, "saved:v1"],
  ])("keys %j as the gateway remembers it: %s", (entry, key) => {
    expect(entryKey(entry)).toBe(key);
  });

  it.each([
    [{ count: 0, capped: false }, "0"],
    [{ count: 42, capped: false }, "42"],
    [{ count: 999, capped: true }, "999+"],
  ])("shows the count %j as %s", (entry, text) => {
    expect(countText(entry)).toBe(text);
  });

  const saved: SavedView[] = [
    {
      id: "v1",
      name: "Breached P1",
      filter: { view: "BREACHED", statuses: ["NEW"], priorities: ["P1", "P2"], types: ["SERVICE_REQUEST"], groupId: "g1", assigneeId: null, breached: null, fieldKey: "floor", fieldValue: "3", search: "lift" },
    },
  ];

  it("sets a built-in view alone, clearing the other filters", () => {
    expect(filtersFor("AT_RISK", saved)).toEqual({ ...NO_FILTERS, view: "AT_RISK" });
  });

  it("sets a saved view's filters as the filter form holds them", () => {
    expect(filtersFor("saved:v1", saved)).toEqual({
      view: "BREACHED",
      statuses: ["NEW"],
      priority: "P1",
      type: "SERVICE_REQUEST",
      groupId: "g1",
      assigneeId: "",
      breached: false,
      fieldKey: "floor",
      fieldValue: "3",
      search: "lift",
    });
  });

  it("refuses a saved view the gateway no longer lists", () => {
    expect(filtersFor("saved:gone", saved)).toBeNull();
  });
});
