import { describe, expect, it } from "vitest";
import { coalesced } from "./coalesce.js";

/** A job whose runs the test finishes by hand. */
function job() {
  const finish: Array<() => void> = [];
  let runs = 0;
  const run = () => {
    runs++;
    return new Promise<void>((resolve) => finish.push(resolve));
  };
  return { run, finish, runs: () => runs };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("coalesced", () => {
  it("folds calls made during a run into one more run", async () => {
    const j = job();
    const trigger = coalesced(j.run);
    trigger();
    trigger();
    trigger();
    expect(j.runs()).toBe(1);
    j.finish[0]!();
    await settle();
    expect(j.runs()).toBe(2);
    j.finish[1]!();
    await settle();
    expect(j.runs()).toBe(2);
  });

  it("runs again after a failed run", async () => {
    let runs = 0;
    const trigger = coalesced(() => {
      runs++;
      return Promise.reject(new Error("offline"));
    });
    trigger();
    await settle();
    trigger();
    await settle();
    expect(runs).toBe(2);
  });
});
