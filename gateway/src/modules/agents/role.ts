/** Desk roles, from the service desk to the administrator; owned by agents, used by every module that authorizes. */
export enum Role {
  AGENT = "AGENT",
  SPECIALIST = "SPECIALIST",
  SUPERVISOR = "SUPERVISOR",
  MANAGER = "MANAGER",
  ADMIN = "ADMIN",
}
