import { describe, expect, it } from "vitest";
import { sharedWhileInFlight } from "./shared-reads.js";

describe("sharedWhileInFlight", () => {
  it("shares a read in flight per key, and reads afresh once it settled", async () => {
    let reads = 0;
    const read = sharedWhileInFlight(async (key: string) => `${key}${++reads}`);
    const [a, b, c] = await Promise.all([read("x"), read("x"), read("y")]);
    expect([a, b, c]).toEqual(["x1", "x1", "y2"]);
    expect(await read("x")).toBe("x3");
  });

  it("forgets a failed read, so the next caller tries again", async () => {
    let calls = 0;
    const read = sharedWhileInFlight(async (key: string) => {
      if (++calls === 1) throw new Error("down");
      return key;
    });
    await expect(read("x")).rejects.toThrow("down");
    expect(await read("x")).toBe("x");
  });
});
