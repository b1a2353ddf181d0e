import { describe, expect, it } from "vitest";
import { TestHost } from "../../shared/test-host.js";
import { ProblemDataController, type ProblemState, type SimilarList } from "./problem-data.controller.js";

const state = (id: string, count: number): ProblemState => ({ ticket: { id, problem: null, similarIncidentCount: count }, myDeskActions: ["RAISE_PROBLEM"], problems: { edges: [] } });
const settle = () => new Promise((r) => setTimeout(r, 0));

function part(answers: Record<string, ProblemState | Error>) {
  const loads: string[] = [];
  const c = new ProblemDataController(new TestHost(), {
    load: async (id) => {
      loads.push(id);
      const a = answers[id];
      if (a instanceof Error || !a) throw a ?? new Error("none");
      return a;
    },
    similar: async (id): Promise<SimilarList> => ({ count: 1, tickets: [{ id: `${id}-2`, code: "X", problemType: null, status: "NEW" }] }),
    failed: (e) => `failed: ${(e as Error).message}`,
  });
  return { c, loads };
}

describe("ProblemDataController", () => {
  it("reads the ticket's problem side when it opens and again when it changes", async () => {
    const { c, loads } = part({ a: state("a", 2) });
    c.follow("a");
    await settle();
    expect(c.state?.ticket.similarIncidentCount).toBe(2);
    c.follow("a");
    await settle();
    expect(loads).toEqual(["a", "a"]);
  });

  it("forgets the last ticket's state and list when another opens", async () => {
    const { c } = part({ a: state("a", 2), b: state("b", 0) });
    c.follow("a");
    await settle();
    await c.listSimilar();
    expect(c.list?.count).toBe(1);
    c.follow("b");
    expect(c.state).toBeNull();
    expect(c.list).toBeNull();
    await settle();
    expect(c.state?.ticket.id).toBe("b");
  });

  it("says what failed", async () => {
    const { c } = part({ a: new Error("offline") });
    c.follow("a");
    await settle();
    expect(c.problem).toBe("failed: offline");
  });
});
