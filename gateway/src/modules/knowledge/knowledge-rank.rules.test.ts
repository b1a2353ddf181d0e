import { describe, expect, it } from "vitest";
import { coveredWords, mysqlAnyWord, queryWords, rankArticles, scoreArticle, sqliteAnyWord } from "./knowledge-rank.rules.js";

const A = { id: "a", title: "Printer tidak mencetak", body: "Periksa kabel dan kertas." };
const B = { id: "b", title: "Kertas macet", body: "Printer menarik dua lembar kertas sekaligus." };
const C = { id: "c", title: "VPN terputus", body: "Printer tidak terkait." };
const D = { id: "d", title: "Kata sandi", body: "Reset lewat portal." };

describe("queryWords", () => {
  it.each([
    ["Printer TIDAK mencetak!", ["printer", "mencetak"]],
    ["Saya tidak bisa login sejak pagi", ["login", "pagi"]],
    ["VPN cannot connect, please help", ["vpn", "connect", "help"]],
    ["is it the VPN", ["vpn"]],
    ["ab cd", []],
    ["one two three four five six seven eight nine ten eleven twelve thirteen", ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]],
  ])("reads %j as %j", (text, words) => {
    expect(queryWords(text)).toEqual(words);
  });
});

describe("scoreArticle", () => {
  it.each([
    [["printer", "kertas"], A, { coverage: 2, titleHits: 1, bodyHits: 1 }],
    [["print"], A, { coverage: 1, titleHits: 1, bodyHits: 0 }],
    [["rinter"], A, { coverage: 0, titleHits: 0, bodyHits: 0 }],
    [["vpn"], D, { coverage: 0, titleHits: 0, bodyHits: 0 }],
  ])("scores %j in %j", (words, article, score) => {
    expect(scoreArticle(words, article)).toEqual(score);
  });
});

describe("rankArticles", () => {
  it.each([
    ["title hits before body hits", ["printer"], [C, B, A], ["a", "b", "c"]],
    ["coverage, then title hits, then body hits", ["kertas", "printer"], [C, A, B], ["b", "a", "c"]],
    ["prefixes match word starts", ["cetak", "mencet"], [A, B], ["a"]],
    ["ties broken by id", ["printer"], [C, B], ["b", "c"]],
    ["no match is dropped", ["portal"], [A, B, C], []],
  ])("%s", (_, words, candidates, ids) => {
    expect(rankArticles(words, candidates).map((a) => a.id)).toEqual(ids);
  });
});

describe("coveredWords", () => {
  it.each([
    [["printer", "pirnter"], ["printer"]],
    [["kertas", "macet"], ["kertas", "macet"]],
    [["vpn"], []],
  ])("of %j, the articles cover %j", (words, covered) => {
    const articles = [{ id: "a", title: "Printer macet", body: "Tarik kertasnya." }, { id: "b", title: "Tinta", body: "Ganti kartrid." }];
    expect([...coveredWords(words, articles)].sort()).toEqual([...covered].sort());
  });
});

describe("the indexes' queries", () => {
  it("asks MariaDB for any word as a prefix", () => {
    expect(mysqlAnyWord(["printer", "macet"])).toBe("printer* macet*");
  });
  it("asks FTS5 for any quoted word as a prefix", () => {
    expect(sqliteAnyWord(["printer", "macet"])).toBe('"printer"* OR "macet"*');
  });
});
