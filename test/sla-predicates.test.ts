import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SLA_POLICY, isBreached, Role, slaStatus, TicketType, type SlaClock } from "@sigap/gateway";
import { desk, report, startTestGateway, type TestGateway } from "./harness.js";

/**
 * "Breached" is defined once in sla.rules; the queue's `breached` filter runs SQL derived from the
 * same definition. This proves the SQL and the pure function agree on this database, for tickets
 * in every clock state; likewise "at risk" (the AT_RISK queue view), from the same targets. (The ladder's due steps are read off `nextLadderAt`, which ladder.rules
 * computes in code; nothing else derives SQL from the SLA clock.)
 */
let gw: TestGateway;
let agent: string;
beforeAll(async () => {
  gw = await startTestGateway();
  agent = await gw.agentToken(Role.AGENT);
});
afterAll(() => gw?.close());

const MIN = 60_000;

interface Case {
  code: string;
  clock: SlaClock;
  escalated: { response: boolean; resolution: boolean };
}

/** Every combination of stop instants (none, before the due time, after it) and due times (past, future) around `now`. */
function states(now: Date): Array<Omit<Case, "code">> {
  const at = (m: number) => new Date(now.getTime() + m * MIN);
  const out: Array<Omit<Case, "code">> = [];
  let i = 0;
  for (const responseDue of [-30, 30]) {
    for (const resolutionDue of [-20, 40]) {
      for (const responded of [null, "early", "late"] as const) {
        for (const resolved of [null, "early", "late"] as const) {
          for (const paused of [null, "early", "late"] as const) {
            const instant = (kind: "early" | "late" | null, due: number) => (kind === null ? null : at(kind === "early" ? due - 5 : due + 5));
            const clock: SlaClock = {
              responseDueAt: at(responseDue),
              resolutionDueAt: at(resolutionDue),
              firstRespondedAt: instant(responded, responseDue),
              resolvedAt: instant(resolved, resolutionDue),
              pausedAt: instant(paused, resolutionDue),
              pausedMs: 0,
            };
            out.push({ clock, escalated: { response: i % 2 === 1, resolution: i % 4 >= 2 } });
            i++;
          }
        }
      }
    }
  }
  return out;
}

describe("the SLA predicates", () => {
  it("select in SQL exactly the tickets the pure functions call breached", async () => {
    const now = gw.clock.now();
    const cases: Case[] = [];
    const tickets = gw.services.ds.getRepository("TicketEntity");
    for (const s of states(now)) {
      const { code } = await report(gw);
      await tickets.update(
        { siteId: gw.site.id, code },
        {
          ...s.clock,
          queueDueAt: s.clock.firstRespondedAt ? s.clock.resolutionDueAt : s.clock.responseDueAt,
          responseEscalatedAt: s.escalated.response ? now : null,
          resolutionEscalatedAt: s.escalated.resolution ? now : null,
        },
      );
      cases.push({ code, ...s });
    }
    expect(cases).toHaveLength(108);

    const QUEUE = `query($b: Boolean) { queue(filter: { breached: $b }, first: 200) { edges { node { code } } } }`;
    type Q = { queue: { edges: Array<{ node: { code: string } }> } };
    const breached = new Set((await desk<Q>(gw, agent, QUEUE, { b: true })).queue.edges.map((e) => e.node.code));
    const within = new Set((await desk<Q>(gw, agent, QUEUE, { b: false })).queue.edges.map((e) => e.node.code));

    const disagreements: string[] = [];
    for (const c of cases) {
      const pure = isBreached(c.clock, now);
      if (breached.has(c.code) !== pure || within.has(c.code) === pure) disagreements.push(`breached ${pure} in code, not in SQL: ${JSON.stringify(c)}`);
    }
    expect(disagreements).toEqual([]);
    expect(breached.size).toBeGreaterThan(0);
    expect(within.size).toBeGreaterThan(0);
  });

  it("select in SQL exactly the open tickets the pure functions call at risk and not breached (the AT_RISK view)", async () => {
    const now = gw.clock.now();
    const at = (m: number) => new Date(now.getTime() + m * MIN);
    const tickets = gw.services.ds.getRepository("TicketEntity");
    const cases: Array<{ code: string; clock: SlaClock; priority: string; ticketType: TicketType }> = [];
    // Every other ticket a service request, held to its own policy: the SQL reads each ticket's type.
    await gw.services.sites.setPolicy(gw.site.id, { ...DEFAULT_SLA_POLICY, P3: { responseMinutes: 120, resolutionMinutes: 600 } }, undefined, TicketType.SERVICE_REQUEST);
    // P3 (the reports' default): at risk in the last 15 minutes of the response window, the last 120 of resolution
    // (a request: the last 30 and 150).
    for (const responseDue of [-5, 10, 20]) {
      for (const resolutionDue of [-5, 100, 200]) {
        for (const responded of [null, -30] as const) {
          for (const resolved of [null, -1] as const) {
            for (const pausedBefore of [null, 60, 150] as const) {
              const { code, priority } = await report(gw);
              const clock: SlaClock = {
                responseDueAt: at(responseDue),
                resolutionDueAt: at(resolutionDue),
                firstRespondedAt: responded === null ? null : at(responded),
                resolvedAt: resolved === null ? null : at(resolved),
                pausedAt: pausedBefore === null ? null : at(resolutionDue - pausedBefore),
                pausedMs: 0,
              };
              const ticketType = cases.length % 2 ? TicketType.SERVICE_REQUEST : TicketType.INCIDENT;
              await tickets.update({ siteId: gw.site.id, code }, { ...clock, ticketType, queueDueAt: clock.firstRespondedAt ? clock.resolutionDueAt : clock.responseDueAt });
              cases.push({ code, clock, priority, ticketType });
            }
          }
        }
      }
    }
    const QUEUE = `{ queue(filter: { view: AT_RISK }, first: 200) { edges { node { code } } } }`;
    type Q = { queue: { edges: Array<{ node: { code: string } }> } };
    const atRisk = new Set((await desk<Q>(gw, agent, QUEUE)).queue.edges.map((e) => e.node.code));

    const { byType } = await gw.services.sites.policies(gw.site.id);
    const disagreements: string[] = [];
    for (const c of cases) {
      const target = byType[c.ticketType][c.priority as keyof typeof DEFAULT_SLA_POLICY];
      const pure = !isBreached(c.clock, now) && slaStatus(c.clock, now, target).atRisk;
      if (atRisk.has(c.code) !== pure) disagreements.push(`at risk ${pure} in code, not in SQL: ${JSON.stringify(c)}`);
    }
    expect(disagreements).toEqual([]);
    expect(atRisk.size).toBeGreaterThan(0);
    expect(atRisk.size).toBeLessThan(cases.length);
  });
});
