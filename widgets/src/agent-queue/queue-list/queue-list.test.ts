import { describe, expect, it } from "vitest";
import { QUEUE_COLUMNS, rowHolder } from "./queue-list.component.js";

describe("<sigap-queue-list>", () => {
  const names = new Map([
    ["a1", "Dewi"],
    ["g1", "Service desk"],
  ]);
  it.each([
    [{ assigneeId: "a1", groupId: "g1" }, "Dewi"],
    [{ assigneeId: null, groupId: "g1" }, "Service desk"],
    [{ assigneeId: "gone", groupId: "g1" }, "Service desk"],
    [{ assigneeId: null, groupId: null }, ""],
  ])("names who holds %j as %j", (row, expected) => {
    expect(rowHolder(row, names)).toBe(expected);
  });

  it("keeps the SLA as the last column and the code first, so a narrow list drops only the middle ones", () => {
    expect(QUEUE_COLUMNS[0]).toBe("code");
    expect(QUEUE_COLUMNS.at(-1)).toBe("sla");
  });
});
