import { describe, expect, it } from "vitest";
import { allowedEdits, articleWords, correctWord, editDistance } from "./knowledge-typo.rules.js";

describe("knowledge-typo.rules", () => {
  it.each([
    ["printer", "printer", 0],
    ["pirnter", "printer", 1], // two neighbours swapped
    ["priter", "printer", 1], // a letter missing
    ["printter", "printer", 1], // a letter doubled
    ["prinzer", "printer", 1], // a letter wrong
    ["sandi", "sandy", 1],
    ["ca", "abc", 3],
    ["kata", "", 4],
  ])("counts %j → %j as %i edits", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ["vpn", 0],
    ["kata", 1],
    ["pasword", 1],
    ["kertasnya", 2],
  ])("allows %j %i edits", (word, n) => {
    expect(allowedEdits(word)).toBe(n);
  });

  const kept = ["pasang", "password", "pesan", "printer", "printernya", "proxy", "print"];
  it.each([
    ["pasword", "password"], // one letter missing
    ["pirnter", "printer"], // swapped, and "printernya" is too long to be meant
    ["printr", "print"], // "printer" is as near and as long; "print" comes first, and the search's prefix finds "printer" with it
    ["proxi", "proxy"],
    ["pesna", "pesan"],
    ["pxyzq", null], // nothing near enough
    ["pdf", null], // three letters: never corrected
  ])("reads %j as %j", (word, meant) => {
    expect(correctWord(word, kept)).toBe(meant);
  });

  it("breaks a tie by code-point order, so both databases correct alike", () => {
    expect(correctWord("kabel", ["kabar", "kabet", "kabek"])).toBe("kabek");
  });

  it("keeps an article's distinct words of 3 to 84 characters, lowercased", () => {
    expect(articleWords("Printer TIDAK mencetak", `Periksa kabel printer di PC.\n\nGanti ${"x".repeat(85)}`)).toEqual(["printer", "tidak", "mencetak", "periksa", "kabel", "ganti"]);
  });
});
