import { describe, expect, it } from "vitest";
import { Role } from "../agents/role.js";
import { recapScope, type RecapNarrowing } from "./recap-scope.rules.js";

const me = (role: Role, groupId: string | null = "g1") => ({ id: "me", role, groupId });

describe("recapScope", () => {
  it.each<[Role, string | null, RecapNarrowing, unknown]>([
    [Role.AGENT, "g1", {}, { kind: "AGENT", agentId: "me" }],
    [Role.SPECIALIST, "g1", {}, { kind: "AGENT", agentId: "me" }],
    [Role.AGENT, "g1", { agentId: "me" }, { kind: "AGENT", agentId: "me" }],
    [Role.AGENT, "g1", { agentId: "other" }, "refused"],
    [Role.AGENT, "g1", { groupId: "g1" }, "refused"],
    [Role.SUPERVISOR, "g1", {}, { kind: "GROUP", groupId: "g1" }],
    [Role.SUPERVISOR, "g1", { groupId: "g1" }, { kind: "GROUP", groupId: "g1" }],
    [Role.SUPERVISOR, "g1", { groupId: "g2" }, "refused"],
    [Role.SUPERVISOR, "g1", { agentId: "other" }, "refused"],
    [Role.SUPERVISOR, null, {}, "refused"],
    [Role.MANAGER, null, {}, { kind: "SITE" }],
    [Role.MANAGER, null, { groupId: "g2" }, { kind: "GROUP", groupId: "g2" }],
    [Role.ADMIN, null, { agentId: "other" }, { kind: "AGENT", agentId: "other" }],
    [Role.ADMIN, null, {}, { kind: "SITE" }],
  ])("a %s of group %s asking %o sees %o", (role, groupId, narrow, expected) => {
    const scope = recapScope(me(role, groupId), narrow);
    if (expected === "refused") expect(scope).toHaveProperty("refused");
    else expect(scope).toEqual(expected);
  });
});
