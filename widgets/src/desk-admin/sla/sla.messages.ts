import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  ladder: "Escalation ladder",
  ladderHint: "At a share of a target's window (100 % is the due time) a step escalates one level and/or notifies people. Open tickets follow a change from the next sweep.",
  RESPONSE: "Response target",
  RESOLUTION: "Resolution target",
  share: "Share of the window (%)",
  escalate: "Escalate",
  notify: "Notify",
  "who.ASSIGNEE": "Assignee",
  "who.GROUP": "Group",
  "who.SUPERVISOR": "Supervisor",
  "who.MANAGER": "Manager",
  step: "Step {n}",
  addStep: "Add a step",
  removeStep: "Remove step {n}",
  remove: "Remove",
  noSteps: "No steps: nothing happens before or after the due time.",
  saveLadder: "Save the ladder",
  defaultLadder: "Back to the default ladder",
  ladderSaved: "Ladder saved.",
  hours: "Business hours",
  hoursHint: "Days then shifts, groups joined by “;”, e.g. MON-FRI 08:00-12:00,13:00-17:00; SAT 08:00-12:00. Empty: no hours, every clock runs 24×7.",
  timeZone: "Time zone: {zone}",
  weeklyHours: "Weekly hours",
  roundTheClock: "Priorities whose clock runs 24×7",
  saveHours: "Save the hours",
  hoursSaved: "Business hours saved.",
  holidays: "Holidays",
  holidayDay: "Date",
  holidayName: "Name",
  noHolidays: "No holidays.",
  addHoliday: "Add the holiday",
  removeHoliday: "Remove {name} ({day})",
  holidaysSaved: "Holidays saved.",
  policy: "SLA targets per priority",
  policyHint: "Whole minutes. New tickets get the new targets at once; open tickets keep the targets they were given.",
  priority: "Priority",
  responseMinutes: "Response (minutes)",
  resolutionMinutes: "Resolution (minutes)",
  savePolicy: "Save the targets",
  policySaved: "SLA targets saved.",
  matrix: "Priority matrix",
  matrixHint: "The priority each urgency and impact give a ticket.",
  urgency: "Urgency",
  impact: "Impact",
  cell: "Priority for urgency {u} and impact {i}",
  saveMatrix: "Save the matrix",
  defaultMatrix: "Back to the default matrix",
  matrixSaved: "Priority matrix saved.",
  saving: "Saving…",
  loading: "Loading…",
  retry: "Try again",
};

/** A key of the SLA section's words. */
export type SlaKey = keyof typeof en;

/** The SLA section's words; Indonesian in sla.messages.id.ts. */
export const slaMessages: Messages<SlaKey> = { en };

/** The section's Indonesian words, with the shared ticket words (priority and level names). */
export const indonesian = lazyWords(() => import("./sla.messages.id.js"));
