import { describe, expect, it } from "vitest";
import { agentPatchProblems, changeRefusal, deactivationRefusal, mayManage, tagList, type AgentChanger, type AgentPatch, type AgentState } from "./agent-admin.rules.js";
import { Role } from "./role.js";

const CLI: AgentChanger = { id: null, role: null, groupId: null };
const ADMIN: AgentChanger = { id: "admin", role: Role.ADMIN, groupId: null };
const SUPERVISOR: AgentChanger = { id: "sup", role: Role.SUPERVISOR, groupId: "g1" };
const LONE_SUPERVISOR: AgentChanger = { id: "sup2", role: Role.SUPERVISOR, groupId: null };
const agent = (role: Role, groupId: string | null = "g1", id = "t", active = true): AgentState => ({ id, role, groupId, active });

describe("changeRefusal", () => {
  // [title, changer, target, patch, other active admins, expected code or null]
  it.each<[string, AgentChanger, AgentState, AgentPatch, number, "FORBIDDEN" | "CONFLICT" | null]>([
    ["an ADMIN renames an agent", ADMIN, agent(Role.AGENT), { name: "Siti" }, 1, null],
    ["an ADMIN promotes an agent to ADMIN", ADMIN, agent(Role.AGENT), { role: Role.ADMIN }, 1, null],
    ["an ADMIN demotes another ADMIN while a third remains", ADMIN, agent(Role.ADMIN), { role: Role.AGENT }, 1, null],
    ["an ADMIN changes their own role", ADMIN, agent(Role.ADMIN, null, "admin"), { role: Role.AGENT }, 3, "FORBIDDEN"],
    ["an ADMIN changes their own name", ADMIN, agent(Role.ADMIN, null, "admin"), { name: "Me" }, 0, null],
    ["an ADMIN gives an agent their own role again", ADMIN, agent(Role.ADMIN, null, "admin"), { role: Role.ADMIN }, 0, null],
    ["the CLI demotes the last active ADMIN", CLI, agent(Role.ADMIN), { role: Role.MANAGER }, 0, "CONFLICT"],
    ["the CLI demotes an inactive ADMIN", CLI, agent(Role.ADMIN, null, "t", false), { role: Role.MANAGER }, 0, null],
    ["the CLI promotes an agent to ADMIN", CLI, agent(Role.AGENT), { role: Role.ADMIN }, 0, null],
    ["a SUPERVISOR sets regions of their group's agent", SUPERVISOR, agent(Role.AGENT), { regions: ["Samarinda"], skills: ["jaringan"], language: "en" }, 1, null],
    ["a SUPERVISOR renames their group's agent", SUPERVISOR, agent(Role.AGENT), { name: "X" }, 1, "FORBIDDEN"],
    ["a SUPERVISOR changes a role in their group", SUPERVISOR, agent(Role.AGENT), { role: Role.SPECIALIST }, 1, "FORBIDDEN"],
    ["a SUPERVISOR moves an agent to another group", SUPERVISOR, agent(Role.AGENT), { groupId: "g2" }, 1, "FORBIDDEN"],
    ["a SUPERVISOR changes an agent of another group", SUPERVISOR, agent(Role.AGENT, "g2"), { regions: [] }, 1, "FORBIDDEN"],
    ["a SUPERVISOR without a group changes an agent without one", LONE_SUPERVISOR, agent(Role.AGENT, null), { regions: [] }, 1, "FORBIDDEN"],
  ])("%s", (_, changer, target, patch, others, expected) => {
    expect(changeRefusal(changer, target, patch, others)?.code ?? null).toBe(expected);
  });

  it("says why the last admin stays", () => {
    expect(changeRefusal(CLI, agent(Role.ADMIN), { role: Role.AGENT }, 0)?.message).toMatch(/last active ADMIN/);
  });
});

describe("deactivationRefusal", () => {
  it.each<[string, AgentState, number, "CONFLICT" | null]>([
    ["the last active ADMIN", agent(Role.ADMIN), 0, "CONFLICT"],
    ["an ADMIN while another is active", agent(Role.ADMIN), 1, null],
    ["an AGENT", agent(Role.AGENT), 0, null],
  ])("%s", (_, target, others, expected) => {
    expect(deactivationRefusal(target, others)?.code ?? null).toBe(expected);
  });
});

describe("mayManage", () => {
  it.each<[string, AgentChanger, string | null, boolean]>([
    ["an ADMIN, any agent", ADMIN, "g9", true],
    ["the CLI, any agent", CLI, null, true],
    ["a SUPERVISOR, their group", SUPERVISOR, "g1", true],
    ["a SUPERVISOR, another group", SUPERVISOR, "g2", false],
    ["a SUPERVISOR, no group", SUPERVISOR, null, false],
    ["an AGENT, anyone", { id: "a", role: Role.AGENT, groupId: "g1" }, "g1", false],
  ])("%s", (_, changer, groupId, expected) => {
    expect(mayManage(changer, { groupId })).toBe(expected);
  });
});

describe("tagList", () => {
  it.each<[string[], string[], number]>([
    [[" Samarinda ", "samarinda", "Balikpapan"], ["Samarinda", "Balikpapan"], 0],
    [["a".repeat(60)], ["a".repeat(60)], 0],
    [["a".repeat(61)], [], 1],
    // 60 emoji are 120 UTF-16 units but 60 characters to both databases.
    [["🛰".repeat(60)], ["🛰".repeat(60)], 0],
    [[""], [], 1],
    [Array.from({ length: 20 }, (_, i) => `r${i}`), Array.from({ length: 20 }, (_, i) => `r${i}`), 0],
    [Array.from({ length: 21 }, (_, i) => `r${i}`), Array.from({ length: 21 }, (_, i) => `r${i}`), 1],
  ])("keeps %j as %j with %i problems", (given, kept, problems) => {
    const result = tagList("regions", given);
    expect(result.value).toEqual(kept);
    expect(result.problems).toHaveLength(problems);
  });
});

describe("agentPatchProblems", () => {
  it("names every bad field", () => {
    const problems = agentPatchProblems({ name: " ", role: "BOSS" as Role, language: "fr", regions: [""], skills: ["x".repeat(61)] });
    expect(problems.map((p) => p.field)).toEqual(["name", "role", "language", "regions", "skills"]);
  });

  it("accepts a good change and an empty one", () => {
    expect(agentPatchProblems({ name: "Siti Aminah", role: Role.SPECIALIST, language: "en", regions: [], skills: ["printer"] })).toEqual([]);
    expect(agentPatchProblems({})).toEqual([]);
  });
});
