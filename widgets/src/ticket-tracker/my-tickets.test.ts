import { describe, expect, it } from "vitest";
import { mergeFirstPage, type MyTicket } from "./my-tickets.js";

const t = (code: string, unreadReplies = 0): MyTicket => ({
  code,
  status: "NEW",
  priority: "P3",
  summary: `Ticket ${code}`,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  unreadReplies,
});
const codes = (items: MyTicket[]) => items.map((x) => `${x.code}:${x.unreadReplies}`);

describe("mergeFirstPage", () => {
  it.each([
    ["the first page on an empty list", [], [t("3"), t("2")], ["3:0", "2:0"]],
    ["a fresher first page over the same tickets", [t("3"), t("2")], [t("3", 1), t("2")], ["3:1", "2:0"]],
    ["a new ticket on top, keeping the later pages already shown", [t("3"), t("2"), t("1")], [t("4"), t("3")], ["4:0", "3:0", "2:0", "1:0"]],
    ["a first page that holds every shown ticket", [t("2"), t("1")], [t("3"), t("2"), t("1", 2)], ["3:0", "2:0", "1:2"]],
  ] as const)("%s", (_name, shown, first, expected) => {
    expect(codes(mergeFirstPage([...shown], [...first]))).toEqual(expected);
  });
});
