import { describe, expect, it } from "vitest";
import { filterCount, filtersFrom, NO_FILTERS, queueFilter } from "./queue-filters.rules.js";

describe("<sigap-queue-filters>", () => {
  it("reads a filter form", () => {
    const form = new FormData();
    form.append("status", "NEW");
    form.append("status", "PENDING");
    form.append("priority", "P1");
    form.append("groupId", "");
    form.append("assigneeId", "me");
    form.append("breached", "on");
    expect(filtersFrom(form)).toEqual({ statuses: ["NEW", "PENDING"], priority: "P1", groupId: "", assigneeId: "me", breached: true });
  });

  it.each([
    [NO_FILTERS, { statuses: null, priorities: null, groupId: null, assigneeId: null, breached: null }, 0],
    [
      { statuses: ["NEW"], priority: "P2", groupId: "g1", assigneeId: "", breached: false },
      { statuses: ["NEW"], priorities: ["P2"], groupId: "g1", assigneeId: null, breached: null },
      2,
    ],
    [{ ...NO_FILTERS, breached: true }, { statuses: null, priorities: null, groupId: null, assigneeId: null, breached: true }, 1],
  ] as const)("sends %j as %j (%i set besides statuses)", (filters, expected, count) => {
    const f = { ...filters, statuses: [...filters.statuses] };
    expect(queueFilter(f)).toEqual(expected);
    expect(filterCount(f)).toBe(count);
  });
});
