import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit.js";

describe("groupCommit", () => {
  it("writes the first item at once and what arrives meanwhile in one next write", async () => {
    const writes: number[][] = [];
    const add = groupCommit(async (batch: number[]) => {
      writes.push(batch);
      await new Promise((r) => setTimeout(r, 5));
    });
    await Promise.all([1, 2, 3, 4].map((n) => add(n)));
    expect(writes).toEqual([[1], [2, 3, 4]]);
    await add(5);
    expect(writes.at(-1)).toEqual([5]);
  });

  it("rejects the callers of a failed write, and writes on for the next ones", async () => {
    let fail = true;
    const add = groupCommit(async () => {
      if (fail) throw new Error("down");
    });
    await expect(add(1)).rejects.toThrow("down");
    fail = false;
    await expect(add(2)).resolves.toBeUndefined();
  });
});
