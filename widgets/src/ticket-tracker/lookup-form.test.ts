import { describe, expect, it } from "vitest";
import { readLookup } from "./lookup-form.js";

const form = (code: string | null, token: string | null): FormData => {
  const data = new FormData();
  if (code !== null) data.set("code", code);
  if (token !== null) data.set("token", token);
  return data;
};

describe("readLookup", () => {
  it.each([
    ["both, trimmed", form(" 01.30112026.001 ", "\ttok\n"), { code: "01.30112026.001", token: "tok" }],
    ["a code without a token", form("01.30112026.001", " "), null],
    ["a token without a code", form("", "tok"), null],
    ["neither field", form(null, null), null],
  ])("%s", (_name, data, expected) => {
    expect(readLookup(data)).toEqual(expected);
  });
});
