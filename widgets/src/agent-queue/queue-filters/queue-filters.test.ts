import { describe, expect, it } from "vitest";
import { fieldValueControl, filterCount, filtersFrom, NO_FILTERS, queueFilter, withKnownField } from "./queue-filters.rules.js";

const none = { fieldKey: null, fieldValue: null, search: null };

describe("<sigap-queue-filters>", () => {
  it("reads a filter form", () => {
    const form = new FormData();
    form.append("status", "NEW");
    form.append("status", "PENDING");
    form.append("priority", "P1");
    form.append("type", "WORK_ORDER");
    form.append("groupId", "");
    form.append("assigneeId", "me");
    form.append("breached", "on");
    form.append("fieldKey", "floor");
    form.append("fieldValue", " 3 ");
    // The view is the views part's to set: a submitted form keeps it.
    expect(filtersFrom(form, { ...NO_FILTERS, view: "MINE", fieldKey: "floor" })).toEqual({
      view: "MINE",
      statuses: ["NEW", "PENDING"],
      priority: "P1",
      type: "WORK_ORDER",
      groupId: "",
      assigneeId: "me",
      breached: true,
      fieldKey: "floor",
      fieldValue: "3",
      search: "",
    });
  });

  it.each([
    ["floor", "", "3", ""],
    ["floor", "floor", "3", "3"],
    ["building", "floor", "3", ""],
    ["", "floor", "3", ""],
  ])("drops the value when the field changes (picked %j, before %j, value %j → %j)", (picked, before, value, expected) => {
    const form = new FormData();
    form.append("fieldKey", picked);
    form.append("fieldValue", value);
    expect(filtersFrom(form, { ...NO_FILTERS, fieldKey: before, fieldValue: value }).fieldValue).toBe(expected);
  });

  it.each([
    [NO_FILTERS, { view: null, statuses: null, priorities: null, types: null, groupId: null, assigneeId: null, breached: null, ...none }, 0],
    [
      { ...NO_FILTERS, statuses: ["NEW"], priority: "P2", groupId: "g1" },
      { view: null, statuses: ["NEW"], priorities: ["P2"], types: null, groupId: "g1", assigneeId: null, breached: null, ...none },
      2,
    ],
    [{ ...NO_FILTERS, breached: true }, { view: null, statuses: null, priorities: null, types: null, groupId: null, assigneeId: null, breached: true, ...none }, 1],
    [
      { ...NO_FILTERS, fieldKey: "building", fieldValue: "b2" },
      { view: null, statuses: null, priorities: null, types: null, groupId: null, assigneeId: null, breached: null, fieldKey: "building", fieldValue: "b2", search: null },
      1,
    ],
    // A search spans every status: the status boxes are left out while it is on.
    [
      { ...NO_FILTERS, statuses: ["NEW"], priority: "P1", search: "budi" },
      { view: null, statuses: null, priorities: ["P1"], types: null, groupId: null, assigneeId: null, breached: null, fieldKey: null, fieldValue: null, search: "budi" },
      1,
    ],
    [
      { ...NO_FILTERS, view: "CLOSED", priority: "P1" },
      { view: "CLOSED", statuses: null, priorities: ["P1"], types: null, groupId: null, assigneeId: null, breached: null, ...none },
      1,
    ],
    [
      { ...NO_FILTERS, type: "SERVICE_REQUEST" },
      { view: null, statuses: null, priorities: null, types: ["SERVICE_REQUEST"], groupId: null, assigneeId: null, breached: null, ...none },
      1,
    ],
    [{ ...NO_FILTERS, fieldKey: "building" }, { view: null, statuses: null, priorities: null, types: null, groupId: null, assigneeId: null, breached: null, ...none }, 0],
  ] as const)("sends %j as %j (%i set besides statuses)", (filters, expected, count) => {
    const f = { ...filters, statuses: [...filters.statuses] };
    expect(queueFilter(f)).toEqual(expected);
    expect(filterCount(f)).toBe(count);
  });

  it.each([
    ["CHOICE", "select"],
    ["MULTI_CHOICE", "select"],
    ["YES_NO", "select"],
    ["DATE", "date"],
    ["NUMBER", "text"],
    ["TEXT", "text"],
  ] as const)("picks a %s field's value with a %s control", (type, control) => {
    expect(fieldValueControl(type)).toBe(control);
  });

  it.each([
    ["place", ["place", "floor"], "place", "loket"],
    ["place", ["floor"], "", ""],
    ["", [], "", ""],
  ])("keeps a filter on %j only while the site lists it (%j)", (key, keys, expectedKey, expectedValue) => {
    const f = withKnownField({ ...NO_FILTERS, fieldKey: key, fieldValue: key ? "loket" : "" }, keys);
    expect([f.fieldKey, f.fieldValue]).toEqual([expectedKey, expectedValue]);
  });
});
