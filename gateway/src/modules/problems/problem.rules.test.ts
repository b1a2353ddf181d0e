import { describe, expect, it } from "vitest";
import { Role } from "../agents/role.js";
import { TicketStatus } from "../tickets/ticket.enums.js";
import {
  acceptsIncidents,
  canMoveProblem,
  daysIssue,
  formatProblemCode,
  pathToResolved,
  PROBLEM_TRANSITIONS,
  ProblemAction,
  ProblemResolveMode,
  ProblemStatus,
  deskNote,
  problemActionRefusal,
  problemActions,
  problemNextStatuses,
  fixReply,
  problemTextIssues,
  resolveModes,
  resolveRefusal,
  similarWords,
  statusAfterEdit,
  statusChangeRefusal,
} from "./problem.rules.js";

const { NEW, INVESTIGATING, KNOWN_ERROR, RESOLVED, CLOSED } = ProblemStatus;
const ALL = [NEW, INVESTIGATING, KNOWN_ERROR, RESOLVED, CLOSED] as const;
const Y = true;
const N = false;

// Written out by hand so that a change to the graph fails here first.
// prettier-ignore
const GRAPH: ReadonlyArray<readonly [ProblemStatus, boolean, boolean, boolean, boolean, boolean]> = [
  //  from            NEW INVESTIGATING KNOWN_ERROR RESOLVED CLOSED
  [NEW,               N,  Y,            Y,          N,       Y],
  [INVESTIGATING,     N,  N,            Y,          Y,       Y],
  [KNOWN_ERROR,       N,  Y,            N,          Y,       N],
  [RESOLVED,          N,  Y,            N,          N,       Y],
  [CLOSED,            N,  N,            N,          N,       N],
];

describe("the problem lifecycle", () => {
  it("covers every status", () => {
    expect(GRAPH.map(([s]) => s)).toEqual(Object.keys(PROBLEM_TRANSITIONS));
  });

  it.each(GRAPH.flatMap(([from, ...to]) => ALL.map((target, i) => [from, target, to[i]!] as const)))("moves %s to %s: %s", (from, to, allowed) => {
    expect(canMoveProblem(from, to)).toBe(allowed);
  });

  it.each([
    [INVESTIGATING, RESOLVED, "some", "BAD_USER_INPUT"],
    [NEW, RESOLVED, "some", "BAD_USER_INPUT"],
    [CLOSED, NEW, null, "CONFLICT"],
    [KNOWN_ERROR, CLOSED, "some", "CONFLICT"],
    [INVESTIGATING, KNOWN_ERROR, null, "BAD_USER_INPUT"],
    [INVESTIGATING, KNOWN_ERROR, "  ", "BAD_USER_INPUT"],
    [INVESTIGATING, KNOWN_ERROR, "Restart the spooler", null],
    [NEW, INVESTIGATING, null, null],
    [RESOLVED, CLOSED, null, null],
  ] as const)("changeProblemStatus %s → %s with workaround %j: %s", (from, to, workaround, code) => {
    expect(statusChangeRefusal(from, to, workaround)?.code ?? null).toBe(code);
  });

  it.each([
    [NEW, true],
    [INVESTIGATING, true],
    [KNOWN_ERROR, true],
    [RESOLVED, false],
    [CLOSED, false],
  ] as const)("a %s problem accepts incidents: %s", (status, accepts) => {
    expect(acceptsIncidents(status)).toBe(accepts);
  });

  it.each([
    [NEW, "CONFLICT"],
    [INVESTIGATING, null],
    [KNOWN_ERROR, null],
    [RESOLVED, "CONFLICT"],
    [CLOSED, "CONFLICT"],
  ] as const)("resolveProblem from %s: %s", (from, code) => {
    expect(resolveRefusal(from)?.code ?? null).toBe(code);
  });

  it.each([
    [NEW, "Restart it", KNOWN_ERROR],
    [INVESTIGATING, "Restart it", KNOWN_ERROR],
    [KNOWN_ERROR, "Restart it", KNOWN_ERROR],
    [KNOWN_ERROR, null, INVESTIGATING],
    [KNOWN_ERROR, " ", INVESTIGATING],
    [NEW, null, NEW],
    [RESOLVED, "Restart it", RESOLVED],
    [RESOLVED, null, RESOLVED],
    [CLOSED, null, CLOSED],
  ] as const)("an edit of a %s problem with workaround %j leaves it %s", (status, workaround, after) => {
    expect(statusAfterEdit(status, workaround)).toBe(after);
  });
});

const { EDIT, CHANGE_STATUS, RESOLVE, LINK_INCIDENT, UNLINK_INCIDENT } = ProblemAction;

describe("problemActions", () => {
  it.each([
    [Role.AGENT, NEW, [LINK_INCIDENT]],
    [Role.AGENT, KNOWN_ERROR, [LINK_INCIDENT]],
    [Role.AGENT, RESOLVED, []],
    [Role.SPECIALIST, INVESTIGATING, [LINK_INCIDENT]],
    [Role.SUPERVISOR, NEW, [EDIT, CHANGE_STATUS, LINK_INCIDENT, UNLINK_INCIDENT]],
    [Role.SUPERVISOR, INVESTIGATING, [EDIT, CHANGE_STATUS, RESOLVE, LINK_INCIDENT, UNLINK_INCIDENT]],
    [Role.MANAGER, KNOWN_ERROR, [EDIT, CHANGE_STATUS, RESOLVE, LINK_INCIDENT, UNLINK_INCIDENT]],
    [Role.ADMIN, RESOLVED, [EDIT, CHANGE_STATUS, UNLINK_INCIDENT]],
    [Role.ADMIN, CLOSED, []],
  ] as const)("a %s may do this to a %s problem: %j", (role, status, actions) => {
    expect(problemActions(role, status)).toEqual(actions);
  });

  it.each([
    [Role.AGENT, INVESTIGATING, []],
    [Role.SUPERVISOR, NEW, [INVESTIGATING, KNOWN_ERROR, CLOSED]],
    [Role.MANAGER, INVESTIGATING, [KNOWN_ERROR, CLOSED]],
    [Role.ADMIN, KNOWN_ERROR, [INVESTIGATING]],
    [Role.ADMIN, RESOLVED, [INVESTIGATING, CLOSED]],
    [Role.SUPERVISOR, CLOSED, []],
  ] as const)("a %s may move a %s problem to %j", (role, status, next) => {
    expect(problemNextStatuses(role, status)).toEqual(next);
  });

  it.each([
    [Role.AGENT, NEW, LINK_INCIDENT, null],
    [Role.AGENT, NEW, EDIT, "FORBIDDEN"],
    [Role.SPECIALIST, INVESTIGATING, RESOLVE, "FORBIDDEN"],
    [Role.AGENT, CLOSED, LINK_INCIDENT, "CONFLICT"],
    [Role.SUPERVISOR, NEW, RESOLVE, "CONFLICT"],
    [Role.SUPERVISOR, CLOSED, EDIT, "CONFLICT"],
    [Role.MANAGER, KNOWN_ERROR, RESOLVE, null],
  ] as const)("a %s facing a %s problem asking to %s: %s", (role, status, action, code) => {
    expect(problemActionRefusal(role, status, action)?.code ?? null).toBe(code);
  });

  it("words the refusals for people", () => {
    expect(problemActionRefusal(Role.AGENT, NEW, EDIT)?.message).toBe("An AGENT may not manage problems.");
    expect(problemActionRefusal(Role.AGENT, CLOSED, LINK_INCIDENT)?.message).toBe("A CLOSED problem cannot be given more incidents.");
  });

  it.each([
    ["id", " Driver printer diperbarui. ", "Penyebab gangguan ini sudah ditemukan dan diperbaiki: Driver printer diperbarui."],
    ["en", "Printer driver updated.", "The cause of this incident has been found and fixed: Printer driver updated."],
  ])("tells a reporter in %s of the fix", (language, resolution, reply) => {
    expect(fixReply(language, resolution)).toBe(reply);
  });

  it.each([
    ["resolvedWith", "en", "", "Resolved with problem PRB-01-1."],
    ["resolvedWith", "id", "", "Diselesaikan melalui masalah PRB-01-1."],
    ["problemResolved", "en", " Rollers replaced ", "Problem PRB-01-1 is resolved: Rollers replaced"],
    ["knownError", "id", "Kipas kertas", "Kesalahan diketahui PRB-01-1. Solusi sementara: Kipas kertas"],
  ] as const)("notes %s in %s", (kind, language, text, note) => {
    expect(deskNote(kind, language, "PRB-01-1", text)).toBe(note);
  });

  it.each([
    [Role.AGENT, [ProblemResolveMode.RESOLVE_LINKED, ProblemResolveMode.NOTIFY_LINKED]],
    [Role.SPECIALIST, [ProblemResolveMode.RESOLVE_LINKED, ProblemResolveMode.NOTIFY_LINKED]],
    [Role.SUPERVISOR, [ProblemResolveMode.RESOLVE_LINKED, ProblemResolveMode.NOTIFY_LINKED]],
    // A manager does not work tickets: a problem with open incidents is resolved by a supervisor.
    [Role.MANAGER, []],
    [Role.ADMIN, [ProblemResolveMode.RESOLVE_LINKED, ProblemResolveMode.NOTIFY_LINKED]],
  ] as const)("a %s may resolve with modes %j", (role, modes) => {
    expect(resolveModes(role)).toEqual(modes);
  });
});

describe("codes, paths and limits", () => {
  it.each([
    ["01", 1, "PRB-01-1"],
    ["JKT", 42, "PRB-JKT-42"],
  ])("codes unit %s number %i as %s", (unit, n, code) => {
    expect(formatProblemCode(unit, n)).toBe(code);
  });

  it("refuses a number below 1", () => {
    expect(() => formatProblemCode("01", 0)).toThrow(RangeError);
  });

  it.each([
    [TicketStatus.NEW, [TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED]],
    [TicketStatus.ASSIGNED, [TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED]],
    [TicketStatus.PENDING, [TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED]],
    [TicketStatus.IN_PROGRESS, [TicketStatus.RESOLVED]],
    [TicketStatus.RESOLVED, []],
    [TicketStatus.CLOSED, []],
    [TicketStatus.CANCELLED, []],
  ])("takes a %s incident to RESOLVED through %j", (from, path) => {
    expect(pathToResolved(from)).toEqual(path);
  });

  it.each([
    [{ title: "Printer" }, ["title"], []],
    [{ title: " " }, ["title"], ["title is required"]],
    [{ title: null }, ["title"], ["title is required"]],
    [{ title: "x".repeat(201) }, ["title"], ["title is too long: at most 200 characters"]],
    [{ title: "😀".repeat(200) }, ["title"], []],
    [{ workaround: "x".repeat(5001) }, [], ["workaround is too long: at most 5000 characters"]],
    [{ rootCause: null }, [], []],
  ])("checks %j (required %j): %j", (fields, required, messages) => {
    expect(problemTextIssues(fields, required).map((i) => i.message)).toEqual(messages);
  });

  it.each([
    [7, null],
    [1, null],
    [90, null],
    [0, "days must be a whole number from 1 to 90, got 0"],
    [91, "days must be a whole number from 1 to 90, got 91"],
    [1.5, "days must be a whole number from 1 to 90, got 1.5"],
  ])("looks back %s days: %j", (days, message) => {
    expect(daysIssue(days)?.message ?? null).toBe(message);
  });
});

describe("similarWords", () => {
  it.each([
    ["Printer tidak bisa mencetak", "…", ["mencetak", "printer"]],
    ["VPN kantor putus", "…", ["kantor", "putus"]],
    ["Email tidak terkirim ke luar kantor sejak pagi", "…", ["terkirim", "kantor", "email"]],
    [null, "Aplikasi SIMPEG error 500 saat login", ["aplikasi", "simpeg", "error"]],
    ["di ke", "Server mati", ["server", "mati"]],
    [null, "ok", []],
  ])("reads type %j and description %j as %j", (type, description, words) => {
    expect(similarWords(type, description)).toEqual(words);
  });
});
