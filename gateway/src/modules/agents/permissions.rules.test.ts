import { describe, expect, it } from "vitest";
import { Role } from "./role.js";
import { ALL_DESK_ACTIONS, DeskAction, can, deniedMessage, roleRank, siteActionsOf } from "./permissions.rules.js";

const Y = true;
const N = false;

// Written out by hand so that any change to who may do what fails here first.
// prettier-ignore
const TABLE: ReadonlyArray<readonly [DeskAction, boolean, boolean, boolean, boolean, boolean]> = [
  //                            AGENT SPECIALIST SUPERVISOR MANAGER ADMIN
  [DeskAction.VIEW_QUEUE,       Y,    Y,         Y,         Y,      Y],
  [DeskAction.VIEW_TICKET,      Y,    Y,         Y,         Y,      Y],
  [DeskAction.CLASSIFY,         Y,    N,         Y,         N,      Y],
  [DeskAction.ASSIGN,           Y,    N,         Y,         N,      Y],
  [DeskAction.CHANGE_STATUS,    Y,    Y,         Y,         N,      Y],
  [DeskAction.REPLY,            Y,    Y,         Y,         N,      Y],
  [DeskAction.INTERNAL_NOTE,    Y,    Y,         Y,         Y,      Y],
  [DeskAction.ESCALATE_FUNCTIONAL,   Y, Y,      Y,         Y,      Y],
  [DeskAction.ESCALATE_HIERARCHICAL, Y, Y,      Y,         Y,      Y],
  [DeskAction.RESOLVE,          Y,    Y,         Y,         N,      Y],
  [DeskAction.CLOSE,            Y,    N,         Y,         N,      Y],
  [DeskAction.REOPEN,           Y,    N,         Y,         N,      Y],
  [DeskAction.CANCEL,           Y,    N,         Y,         N,      Y],
  [DeskAction.PROPOSE_COST,     Y,    Y,         Y,         N,      Y],
  [DeskAction.RECORD_PAYMENT,   Y,    N,         Y,         N,      Y],
  [DeskAction.VIEW_RECAP,       N,    N,         Y,         Y,      Y],
  [DeskAction.ADMINISTER,       N,    N,         N,         N,      Y],
  [DeskAction.MANAGE_WEBHOOKS,  N,    N,         N,         N,      Y],
  [DeskAction.MANAGE_AGENTS,    N,    N,         Y,         N,      Y],
  [DeskAction.MANAGE_CANNED_RESPONSES, N, N,      Y,         Y,      Y],
  [DeskAction.LOG_TICKET,       Y,    Y,         Y,         Y,      Y],
  [DeskAction.WRITE_ARTICLES,   Y,    Y,         Y,         Y,      Y],
  [DeskAction.PUBLISH_ARTICLES, N,    N,         Y,         Y,      Y],
  [DeskAction.VIEW_PROBLEMS,    Y,    Y,         Y,         Y,      Y],
  [DeskAction.RAISE_PROBLEM,    Y,    Y,         Y,         Y,      Y],
  [DeskAction.MANAGE_PROBLEMS,  N,    N,         Y,         Y,      Y],
];

const COLUMNS = [Role.AGENT, Role.SPECIALIST, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN] as const;

const CASES = TABLE.flatMap(([action, ...allowed]) =>
  COLUMNS.map((role, i) => {
    const may = allowed[i] === true;
    const title = `${role === Role.AGENT || role === Role.ADMIN ? "an" : "a"} ${role} ${may ? "may" : "may not"} ${action}`;
    return [title, role, action, may] as const;
  }),
);

describe("can", () => {
  it("covers every role and every action", () => {
    expect(TABLE.map(([action]) => action)).toEqual([...ALL_DESK_ACTIONS]);
    expect(new Set(Object.values(DeskAction))).toEqual(new Set(ALL_DESK_ACTIONS));
    expect(COLUMNS).toEqual(Object.values(Role));
    expect(CASES).toHaveLength(5 * 26);
  });

  it.each(CASES)("says %s", (_, role, action, expected) => {
    expect(can(role, action)).toBe(expected);
  });
});

describe("deniedMessage", () => {
  it.each([
    [Role.SPECIALIST, DeskAction.CANCEL, "A SPECIALIST may not cancel tickets."],
    [Role.AGENT, DeskAction.VIEW_RECAP, "An AGENT may not view recaps."],
    [Role.AGENT, DeskAction.ADMINISTER, "An AGENT may not administer the desk."],
    [Role.SUPERVISOR, DeskAction.MANAGE_WEBHOOKS, "A SUPERVISOR may not manage webhooks."],
    [Role.MANAGER, DeskAction.REPLY, "A MANAGER may not reply to reporters."],
    [Role.MANAGER, DeskAction.CHANGE_STATUS, "A MANAGER may not change the status of tickets."],
    [Role.SUPERVISOR, DeskAction.ADMINISTER, "A SUPERVISOR may not administer the desk."],
    [Role.SPECIALIST, DeskAction.CLASSIFY, "A SPECIALIST may not classify tickets."],
    [Role.AGENT, DeskAction.MANAGE_CANNED_RESPONSES, "An AGENT may not manage canned responses."],
    [Role.SPECIALIST, DeskAction.PUBLISH_ARTICLES, "A SPECIALIST may not review or publish knowledge base articles."],
    [Role.SPECIALIST, DeskAction.MANAGE_PROBLEMS, "A SPECIALIST may not manage problems."],
  ])("tells a %s it may not %s", (role, action, message) => {
    expect(deniedMessage(role, action)).toBe(message);
  });

  it.each(CASES.filter(([, , , may]) => !may))("words the refusal when %s", (_, role, action) => {
    expect(deniedMessage(role, action)).toMatch(new RegExp(`^An? ${role} may not [a-z][a-z ]+\\.$`));
  });
});

describe("roleRank", () => {
  it.each([
    [Role.AGENT, 1],
    [Role.SPECIALIST, 2],
    [Role.SUPERVISOR, 3],
    [Role.MANAGER, 4],
    [Role.ADMIN, 5],
  ])("ranks %s at %i", (role, rank) => {
    expect(roleRank(role)).toBe(rank);
  });

  it("puts the supervisor before the manager on the hierarchical escalation path", () => {
    expect(roleRank(Role.SUPERVISOR)).toBeLessThan(roleRank(Role.MANAGER));
  });
});

describe("siteActionsOf", () => {
  it.each([
    [Role.AGENT, ["VIEW_QUEUE", "VIEW_TICKET", "LOG_TICKET", "WRITE_ARTICLES", "VIEW_PROBLEMS", "RAISE_PROBLEM"]],
    [Role.SPECIALIST, ["VIEW_QUEUE", "VIEW_TICKET", "LOG_TICKET", "WRITE_ARTICLES", "VIEW_PROBLEMS", "RAISE_PROBLEM"]],
    [Role.SUPERVISOR, ["VIEW_QUEUE", "VIEW_TICKET", "VIEW_RECAP", "MANAGE_AGENTS", "MANAGE_CANNED_RESPONSES", "LOG_TICKET", "WRITE_ARTICLES", "PUBLISH_ARTICLES", "VIEW_PROBLEMS", "RAISE_PROBLEM", "MANAGE_PROBLEMS"]],
    [Role.MANAGER, ["VIEW_QUEUE", "VIEW_TICKET", "VIEW_RECAP", "MANAGE_CANNED_RESPONSES", "LOG_TICKET", "WRITE_ARTICLES", "PUBLISH_ARTICLES", "VIEW_PROBLEMS", "RAISE_PROBLEM", "MANAGE_PROBLEMS"]],
    [Role.ADMIN, ["VIEW_QUEUE", "VIEW_TICKET", "VIEW_RECAP", "ADMINISTER", "MANAGE_WEBHOOKS", "MANAGE_AGENTS", "MANAGE_CANNED_RESPONSES", "LOG_TICKET", "WRITE_ARTICLES", "PUBLISH_ARTICLES", "VIEW_PROBLEMS", "RAISE_PROBLEM", "MANAGE_PROBLEMS"]],
  ])("lists what a %s may do beyond tickets", (role, actions) => {
    expect(siteActionsOf(role)).toEqual(actions);
  });
});
