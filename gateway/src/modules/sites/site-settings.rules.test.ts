import { describe, expect, it } from "vitest";
import { Impact, TicketType } from "../tickets/ticket.enums.js";
import { DEFAULT_SITE_SETTINGS, offeredOnForm, QueueOrder, reportImpact, settingsProblems } from "./site-settings.rules.js";

describe("reportImpact", () => {
  it.each([
    [false, Impact.MEDIUM, Impact.HIGH, Impact.MEDIUM],
    [false, Impact.LOW, Impact.HIGH, Impact.LOW],
    [false, Impact.LOW, null, Impact.LOW],
    [true, Impact.MEDIUM, Impact.HIGH, Impact.HIGH],
    [true, Impact.MEDIUM, null, Impact.MEDIUM],
    [true, Impact.LOW, undefined, Impact.LOW],
  ])("reporterSetsImpact %s, default %s, stated %s: %s", (reporterSetsImpact, defaultImpact, stated, expected) => {
    expect(reportImpact({ reporterSetsImpact, defaultImpact }, stated)).toBe(expected);
  });
});

describe("offeredOnForm", () => {
  it.each([
    [TicketType.INCIDENT, false, true],
    [TicketType.WORK_ORDER, false, true],
    [TicketType.SERVICE_REQUEST, false, false],
    [TicketType.SERVICE_REQUEST, true, true],
    [TicketType.INCIDENT, true, true],
  ])("a %s service on a site whose offersRequests is %s: offered %s", (type, offersRequests, offered) => {
    expect(offeredOnForm(type, { offersRequests })).toBe(offered);
  });
});

describe("settingsProblems", () => {
  it("accepts the defaults", () => {
    expect(settingsProblems(DEFAULT_SITE_SETTINGS)).toEqual([]);
  });

  it.each([
    [{ reporterSetsImpact: "yes" }, "reporterSetsImpact"],
    [{ defaultImpact: "SEVERE" }, "defaultImpact"],
    [{ queueOrder: "LIFO" }, "queueOrder"],
    [{ reopenClosedWithinDays: -1 }, "reopenClosedWithinDays"],
    [{ reopenClosedWithinDays: 1.5 }, "reopenClosedWithinDays"],
    [{ reopenClosedWithinDays: 366 }, "reopenClosedWithinDays"],
    [{ autoCloseHours: 0 }, "autoCloseHours"],
    [{ deskEmail: "not an address" }, "deskEmail"],
    [{ deskEmail: "Helpdesk@Contoh.Example" }, "deskEmail"],
    [{ deskEmail: "" }, "deskEmail"],
    [{ offersRequests: "yes" }, "offersRequests"],
  ])("refuses %j naming %s", (patch, field) => {
    expect(settingsProblems(patch).map((p) => p.field)).toEqual([field]);
  });

  it.each([[{ queueOrder: QueueOrder.ARRIVAL }], [{ reopenClosedWithinDays: 0 }], [{ reopenClosedWithinDays: 30 }], [{ defaultImpact: Impact.LOW }], [{ deskEmail: "helpdesk@contoh.example" }], [{ deskEmail: null }]])("accepts %j", (patch) => {
    expect(settingsProblems(patch)).toEqual([]);
  });
});
