import { Role } from "./role.js";

/** Something a desk member can do to one ticket; the schema's TicketAction, and what the gateway enforces. */
export enum TicketAction {
  CLASSIFY = "CLASSIFY",
  ASSIGN = "ASSIGN",
  /** changeTicketStatus to a status that is not a resolve, close, reopen or cancel: work on it, hold, resume. */
  CHANGE_STATUS = "CHANGE_STATUS",
  REPLY = "REPLY",
  INTERNAL_NOTE = "INTERNAL_NOTE",
  ESCALATE_FUNCTIONAL = "ESCALATE_FUNCTIONAL",
  ESCALATE_HIERARCHICAL = "ESCALATE_HIERARCHICAL",
  RESOLVE = "RESOLVE",
  CLOSE = "CLOSE",
  REOPEN = "REOPEN",
  CANCEL = "CANCEL",
  /** A work order's findings and extra cost, sent to the customer to accept or decline (seed 003). */
  PROPOSE_COST = "PROPOSE_COST",
  /** A work order's payment status, method and amount. */
  RECORD_PAYMENT = "RECORD_PAYMENT",
}

/** Things a desk member may do that concern the desk rather than one ticket. */
export enum SiteAction {
  VIEW_QUEUE = "VIEW_QUEUE",
  VIEW_TICKET = "VIEW_TICKET",
  VIEW_RECAP = "VIEW_RECAP",
  ADMINISTER = "ADMINISTER",
  /** Webhook endpoints, their secrets, deliveries and replay. */
  MANAGE_WEBHOOKS = "MANAGE_WEBHOOKS",
  /** Listing and changing agents: an ADMIN every agent, a SUPERVISOR their own group's (agent-admin.rules). */
  MANAGE_AGENTS = "MANAGE_AGENTS",
  /** Creating, changing and deleting the site's canned responses (every group's). */
  MANAGE_CANNED_RESPONSES = "MANAGE_CANNED_RESPONSES",
  /** Logging a ticket for a caller: a phone, e-mail or walk-in report (logTicket). */
  LOG_TICKET = "LOG_TICKET",
  /** Drafting and editing knowledge-base articles and sending them for review (knowledge/article.rules). */
  WRITE_ARTICLES = "WRITE_ARTICLES",
  /** Reviewing, publishing and archiving knowledge-base articles, and editing published ones. */
  PUBLISH_ARTICLES = "PUBLISH_ARTICLES",
  /** Reading the site's problem records and a ticket's similar incidents. */
  VIEW_PROBLEMS = "VIEW_PROBLEMS",
  /** Proposing a problem from incidents (raiseProblem) and linking an incident to an open one. */
  RAISE_PROBLEM = "RAISE_PROBLEM",
  /** Editing, moving, resolving problems and unlinking their incidents (ITIL problem management). */
  MANAGE_PROBLEMS = "MANAGE_PROBLEMS",
}

/** Every action the permissions table knows: the ticket actions and the site-wide ones. */
export const DeskAction = { ...SiteAction, ...TicketAction } as const;
/** One action of {@link DeskAction}. */
export type DeskAction = TicketAction | SiteAction;

const A = DeskAction;

/** The order actions are listed in, here and in the table test. */
export const ALL_DESK_ACTIONS: readonly DeskAction[] = Object.freeze([
  A.VIEW_QUEUE, A.VIEW_TICKET, A.CLASSIFY, A.ASSIGN, A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE,
  A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL, A.RESOLVE, A.CLOSE, A.REOPEN, A.CANCEL, A.PROPOSE_COST, A.RECORD_PAYMENT, A.VIEW_RECAP, A.ADMINISTER,
  A.MANAGE_WEBHOOKS, A.MANAGE_AGENTS, A.MANAGE_CANNED_RESPONSES, A.LOG_TICKET,
  A.WRITE_ARTICLES, A.PUBLISH_ARTICLES, A.VIEW_PROBLEMS, A.RAISE_PROBLEM, A.MANAGE_PROBLEMS,
]);

const ALLOWED: Readonly<Record<Role, ReadonlySet<DeskAction>>> = {
  // The level-1 desk is the single point of contact: it logs, works and closes tickets.
  [Role.AGENT]: new Set<DeskAction>([
    A.VIEW_QUEUE, A.VIEW_TICKET, A.CLASSIFY, A.ASSIGN, A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE,
    A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL, A.RESOLVE, A.CLOSE, A.REOPEN, A.CANCEL, A.LOG_TICKET,
    // The desk takes the customer's payment; technicians (often agents) propose the extra cost they find.
    A.PROPOSE_COST, A.RECORD_PAYMENT,
    // Any desk member turns a resolution into a draft article; a supervisor reviews it.
    A.WRITE_ARTICLES,
    // The desk sees repeats first: it may propose a problem and link incidents to one, not run it.
    A.VIEW_PROBLEMS, A.RAISE_PROBLEM,
  ]),
  // Levels 2-3 investigate and resolve what is escalated to them; classification and closure
  // stay with the level-1 desk, as the seeds' SOPs say. Anyone at the desk may take a call and
  // log it, though: a caller who reaches a specialist or a manager is not sent away.
  [Role.SPECIALIST]: new Set<DeskAction>([
    A.VIEW_QUEUE, A.VIEW_TICKET, A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE, A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL, A.RESOLVE, A.LOG_TICKET, A.WRITE_ARTICLES,
    // A specialist technician finds the extra work and prices it; the payment is the desk's to record.
    A.PROPOSE_COST,
    A.VIEW_PROBLEMS, A.RAISE_PROBLEM,
  ]),
  [Role.SUPERVISOR]: new Set<DeskAction>([
    A.VIEW_QUEUE, A.VIEW_TICKET, A.CLASSIFY, A.ASSIGN, A.CHANGE_STATUS, A.REPLY, A.INTERNAL_NOTE,
    A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL, A.RESOLVE, A.CLOSE, A.REOPEN, A.CANCEL, A.VIEW_RECAP,
    // A supervisor looks after their group's people: its routing (regions, skills) and their mail language.
    A.MANAGE_AGENTS, A.LOG_TICKET,
    // The desk's stock replies are the supervisor's to keep, as are the people who send them.
    A.MANAGE_CANNED_RESPONSES,
    A.PROPOSE_COST, A.RECORD_PAYMENT,
    // What the knowledge base tells reporters is reviewed and published by a supervisor and up.
    A.WRITE_ARTICLES, A.PUBLISH_ARTICLES,
    // Problem management (root cause, known errors, the fix) is run from supervisor up.
    A.VIEW_PROBLEMS, A.RAISE_PROBLEM, A.MANAGE_PROBLEMS,
  ]),
  // Managers recap and receive hierarchical escalations; they do not work tickets.
  // Canned responses are managed "by a supervisor and up": a manager may keep them too.
  [Role.MANAGER]: new Set<DeskAction>([
    A.VIEW_QUEUE, A.VIEW_TICKET, A.INTERNAL_NOTE, A.ESCALATE_FUNCTIONAL, A.ESCALATE_HIERARCHICAL, A.VIEW_RECAP, A.MANAGE_CANNED_RESPONSES, A.LOG_TICKET,
    A.WRITE_ARTICLES, A.PUBLISH_ARTICLES, A.VIEW_PROBLEMS, A.RAISE_PROBLEM, A.MANAGE_PROBLEMS,
  ]),
  [Role.ADMIN]: new Set<DeskAction>(ALL_DESK_ACTIONS),
};

/** Whether a role may perform an action (the role × action table; the ticket's state is checked elsewhere). */
export function can(role: Role, action: DeskAction): boolean {
  return ALLOWED[role].has(action);
}

/** The desk-wide actions a role may perform, in table order: what an administration UI offers it. */
export function siteActionsOf(role: Role): SiteAction[] {
  return ALL_DESK_ACTIONS.filter((a): a is SiteAction => (Object.values(SiteAction) as string[]).includes(a) && can(role, a));
}

const ACTION_PHRASE: Readonly<Record<DeskAction, string>> = {
  [A.VIEW_QUEUE]: "view the ticket queue",
  [A.VIEW_TICKET]: "view tickets",
  [A.CLASSIFY]: "classify tickets",
  [A.ASSIGN]: "assign tickets",
  [A.CHANGE_STATUS]: "change the status of tickets",
  [A.REPLY]: "reply to reporters",
  [A.INTERNAL_NOTE]: "add internal notes",
  [A.ESCALATE_FUNCTIONAL]: "escalate tickets to another support level",
  [A.ESCALATE_HIERARCHICAL]: "escalate tickets to management",
  [A.RESOLVE]: "resolve tickets",
  [A.CLOSE]: "close tickets",
  [A.REOPEN]: "reopen tickets",
  [A.CANCEL]: "cancel tickets",
  [A.PROPOSE_COST]: "propose work order costs",
  [A.RECORD_PAYMENT]: "record work order payments",
  [A.VIEW_RECAP]: "view recaps",
  [A.ADMINISTER]: "administer the desk",
  [A.MANAGE_WEBHOOKS]: "manage webhooks",
  [A.MANAGE_AGENTS]: "manage agents",
  [A.MANAGE_CANNED_RESPONSES]: "manage canned responses",
  [A.LOG_TICKET]: "log tickets for callers",
  [A.WRITE_ARTICLES]: "write knowledge base articles",
  [A.PUBLISH_ARTICLES]: "review or publish knowledge base articles",
  [A.VIEW_PROBLEMS]: "view problems",
  [A.RAISE_PROBLEM]: "raise problems or link incidents to them",
  [A.MANAGE_PROBLEMS]: "manage problems",
};

/** The sentence shown when a role is refused an action, e.g. "A SPECIALIST may not cancel tickets." */
export function deniedMessage(role: Role, action: DeskAction): string {
  const article = /^[AEIOU]/.test(role) ? "An" : "A";
  return `${article} ${role} may not ${ACTION_PHRASE[action]}.`;
}

/** Whether a string names a {@link DeskAction}; the auth checker reads actions out of decorator metadata. */
export function isDeskAction(value: string): value is DeskAction {
  return (ALL_DESK_ACTIONS as readonly string[]).includes(value);
}

const ROLE_RANK: Readonly<Record<Role, number>> = {
  [Role.AGENT]: 1,
  [Role.SPECIALIST]: 2,
  [Role.SUPERVISOR]: 3,
  [Role.MANAGER]: 4,
  [Role.ADMIN]: 5,
};

/** Seniority of a role, 1 for AGENT … 5 for ADMIN; hierarchical escalation climbs it. */
export function roleRank(role: Role): number {
  return ROLE_RANK[role];
}
