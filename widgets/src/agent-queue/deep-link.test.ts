import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocaleController, Messages } from "../shared/locale.js";
import { openLinked, type LinkedQueue } from "./deep-link.js";
import type { Row } from "./desk-parts.js";

// A gateway stand-in over real HTTP: it knows one ticket and answers NOT_FOUND for any other, as the gateway's `ticket` does.
let server: Server;
let url = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const { variables } = JSON.parse(body) as { variables: { id: string } };
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify(
          variables.id === "01.30112026.004"
            ? { data: { ticket: { id: "t-4", code: "01.30112026.004", version: 1 } } }
            : { data: null, errors: [{ message: `No ticket ${variables.id} on this desk.`, extensions: { code: "NOT_FOUND" } }] },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A queue as deep-link.ts sees it, in English, recording the ticket it shows. */
function queue(ticket: string): LinkedQueue & { shown: Row[] } {
  const lc = { t: <K extends string>(m: Messages<K>, k: K, v: Record<string, string> = {}) => m.en[k].replace(/\{(\w+)\}/g, (_, n: string) => v[n] ?? "") };
  const shown: Row[] = [];
  return { ticket, target: { url }, lc: lc as unknown as LocaleController, linkProblem: "stale", shown, show: async (row) => void shown.push(row) };
}

describe("<sigap-agent-queue> deep link", () => {
  it("opens the linked ticket in the view", async () => {
    const q = queue(" 01.30112026.004 ");
    await openLinked(q);
    expect(q.shown.map((r) => r.code)).toEqual(["01.30112026.004"]);
    expect(q.linkProblem).toBe("");
  });

  it("says in words that a code the desk does not know is not there", async () => {
    const q = queue("01.01011999.999");
    await openLinked(q);
    expect(q.shown).toEqual([]);
    expect(q.linkProblem).toBe("Ticket 01.01011999.999 is not on this desk. Check the code in the link.");
  });

  it("does nothing without a code", async () => {
    const q = queue("  ");
    await openLinked(q);
    expect(q.shown).toEqual([]);
    expect(q.linkProblem).toBe("");
  });
});
