import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEBOUNCE_MS, Suggestions, type SuggestionHost } from "./suggestions.js";

// A stand-in gateway over real HTTP: it records what the part asks and answers two articles.
const asked: Array<{ query: string; variables: Record<string, unknown> }> = [];
let server: Server;
let url = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const parsed = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      asked.push(parsed);
      const data = parsed.query.includes("suggestArticles")
        ? { suggestArticles: [{ id: "a1", title: "Printer macet", body: "Gejala\n\nPenyelesaian" }, { id: "a2", title: "Tinta habis", body: "Ganti." }] }
        : { articleSolvedMyProblem: true };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function host(): SuggestionHost & { updates: number; said: string[] } {
  const h = {
    client: { url, siteKey: "pk" },
    i18n: { lang: "id" as const },
    values: { service: "svc-1" },
    renderRoot: {} as DocumentFragment,
    updates: 0,
    said: [] as string[],
    requestUpdate: () => void h.updates++,
    announce: (t: string) => void h.said.push(t),
  };
  return h;
}

describe("the report form's suggestions", () => {
  it("asks once typing pauses, in the reader's language and for the chosen service", async () => {
    vi.useFakeTimers();
    asked.length = 0;
    const h = host();
    const s = new Suggestions(h);
    s.typed("Printer di lantai dua");
    s.typed("Printer di lantai dua macet");
    vi.advanceTimersByTime(DEBOUNCE_MS - 1);
    expect(asked).toHaveLength(0);
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await vi.waitUntil(() => s.articles.length > 0);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.variables).toEqual({ text: "Printer di lantai dua macet", language: "id", serviceId: "svc-1" });
    expect(s.articles.map((a) => a.id)).toEqual(["a1", "a2"]);
    expect(h.said).toEqual(["2 artikel mungkin menyelesaikan masalah anda; lihat di atas tombol kirim."]);
  });

  it("counts 'this solved it' and shows thanks until the reader still needs help", async () => {
    asked.length = 0;
    const h = host();
    const s = new Suggestions(h);
    await (s as unknown as { handleSolved(id: string): Promise<void> }).handleSolved("a1");
    expect(asked.map((a) => a.variables)).toEqual([{ id: "a1" }]);
    expect(s.solved).toBe(true);
    (s as unknown as { handleBack(): void }).handleBack();
    expect(s.solved).toBe(false);
  });
});
