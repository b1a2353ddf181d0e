import { Role } from "../tickets/ticket.enums.js";

/** Things a desk user can try to do, each checked against their role. */
export enum DeskAction {
  VIEW_QUEUE = "VIEW_QUEUE",
  VIEW_TICKET = "VIEW_TICKET",
  CLASSIFY = "CLASSIFY",
  ASSIGN = "ASSIGN",
  CHANGE_STATUS = "CHANGE_STATUS",
  REPLY = "REPLY",
  INTERNAL_NOTE = "INTERNAL_NOTE",
  ESCALATE = "ESCALATE",
  RESOLVE = "RESOLVE",
  CLOSE = "CLOSE",
  REOPEN = "REOPEN",
  CANCEL = "CANCEL",
  VIEW_RECAP = "VIEW_RECAP",
  ADMINISTER = "ADMINISTER",
}

const {
  VIEW_QUEUE,
  VIEW_TICKET,
  CLASSIFY,
  ASSIGN,
  CHANGE_STATUS,
  REPLY,
  INTERNAL_NOTE,
  ESCALATE,
  RESOLVE,
  CLOSE,
  REOPEN,
  CANCEL,
  VIEW_RECAP,
  ADMINISTER,
} = DeskAction;

const ALLOWED: Readonly<Record<Role, ReadonlySet<DeskAction>>> = {
  // The level-1 desk is the single point of contact: it logs, works and closes tickets.
  [Role.AGENT]: new Set([
    VIEW_QUEUE, VIEW_TICKET, CLASSIFY, ASSIGN, CHANGE_STATUS, REPLY, INTERNAL_NOTE,
    ESCALATE, RESOLVE, CLOSE, REOPEN, CANCEL,
  ]),
  // Levels 2-3 investigate and resolve what is escalated to them; logging and closure stay
  // with the level-1 desk, as the seeds' SOPs say.
  [Role.SPECIALIST]: new Set([VIEW_QUEUE, VIEW_TICKET, CHANGE_STATUS, REPLY, INTERNAL_NOTE, ESCALATE, RESOLVE]),
  [Role.SUPERVISOR]: new Set([
    VIEW_QUEUE, VIEW_TICKET, CLASSIFY, ASSIGN, CHANGE_STATUS, REPLY, INTERNAL_NOTE,
    ESCALATE, RESOLVE, CLOSE, REOPEN, CANCEL, VIEW_RECAP,
  ]),
  // Managers recap and receive hierarchical escalations; they do not work tickets.
  [Role.MANAGER]: new Set([VIEW_QUEUE, VIEW_TICKET, INTERNAL_NOTE, ESCALATE, VIEW_RECAP]),
  [Role.ADMIN]: new Set(Object.values(DeskAction)),
};

/** Whether a role may perform an action. */
export function can(role: Role, action: DeskAction): boolean {
  return ALLOWED[role].has(action);
}

const ACTION_PHRASE: Readonly<Record<DeskAction, string>> = {
  [VIEW_QUEUE]: "view the ticket queue",
  [VIEW_TICKET]: "view tickets",
  [CLASSIFY]: "classify tickets",
  [ASSIGN]: "assign tickets",
  [CHANGE_STATUS]: "change the status of tickets",
  [REPLY]: "reply to reporters",
  [INTERNAL_NOTE]: "add internal notes",
  [ESCALATE]: "escalate tickets",
  [RESOLVE]: "resolve tickets",
  [CLOSE]: "close tickets",
  [REOPEN]: "reopen tickets",
  [CANCEL]: "cancel tickets",
  [VIEW_RECAP]: "view recaps",
  [ADMINISTER]: "administer the desk",
};

/** The sentence shown when a role is refused an action, e.g. "A SPECIALIST may not cancel tickets." */
export function deniedMessage(role: Role, action: DeskAction): string {
  const article = /^[AEIOU]/.test(role) ? "An" : "A";
  return `${article} ${role} may not ${ACTION_PHRASE[action]}.`;
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
