import { describe, expect, it } from "vitest";
import { paragraphs } from "./article-text.js";

describe("paragraphs", () => {
  it.each([
    ["one paragraph", "Restart the router.", [["Restart the router."]]],
    ["blank lines between paragraphs, lines within", "Symptom\nNo signal\n\nFix\nRestart.", [["Symptom", "No signal"], ["Fix", "Restart."]]],
    ["Windows line ends and stray blank lines", "A\r\n\r\n\r\n  B  \r\nC\n", [["A"], ["B", "C"]]],
    ["markup kept as text", "<script>alert(1)</script>", [["<script>alert(1)</script>"]]],
    ["nothing", "  \n\n ", []],
  ])("splits %s", (_, body, expected) => {
    expect(paragraphs(body)).toEqual(expected);
  });
});
