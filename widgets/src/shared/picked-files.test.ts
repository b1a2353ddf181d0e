import { describe, expect, it } from "vitest";
import { pickedFiles } from "./picked-files.js";

const file = new File(["x"], "screen.png", { type: "image/png" });

/** An event of `type` carrying `files` the way the browser gives them. */
function event(type: string, files: File[]): Event {
  const e = new Event(type, { cancelable: true });
  // Node has no DataTransfer; its `files` is read as a list.
  const transfer = { files };
  if (type === "drop") Object.defineProperty(e, "dataTransfer", { value: transfer });
  if (type === "paste") Object.defineProperty(e, "clipboardData", { value: transfer });
  return e;
}

describe("pickedFiles", () => {
  it.each([
    ["drop", [file], 1, true],
    ["drop", [], 0, true],
    ["paste", [file], 1, true],
    ["paste", [], 0, false],
  ] as const)("a %s with %# files gives %s and takes the event over: %s", (type, files, n, taken) => {
    const e = event(type, [...files]);
    expect(pickedFiles(e)).toHaveLength(n);
    expect(e.defaultPrevented).toBe(taken);
  });
});
