/**
 * The agent queue shows what the gateway allows and nothing else (issue 8): the same ticket, seen
 * by an AGENT, a SPECIALIST and a SUPERVISOR, offers each exactly the forms of their
 * `Ticket.allowedActions`. Needs the gateway side of the contract (allowedActions and friends).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { launchBrowser, shoot, startDemoGateway, type DemoGateway } from "./harness.js";

let demo: DemoGateway;
let browser: Browser;
let desk: BrowserContext;
beforeAll(async () => {
  demo = await startDemoGateway();
  browser = await launchBrowser();
  desk = await browser.newContext({ locale: "en-GB", timezoneId: "Asia/Makassar" });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** Calls the gateway with a bearer token or the demo site key. */
async function call<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${demo.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : { "x-sigap-site-key": "pk_demo_sigap" }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The panel's form for each gateway action, by its English summary. */
const FORM: Record<string, string> = {
  CLASSIFY: "Classify",
  ASSIGN: "Assign",
  CHANGE_STATUS: "Change status",
  REPLY: "Reply to the reporter",
  INTERNAL_NOTE: "Internal note",
  ESCALATE_FUNCTIONAL: "Escalate",
  ESCALATE_HIERARCHICAL: "Escalate",
  RESOLVE: "Resolve",
  CLOSE: "Close",
  REOPEN: "Reopen",
  CANCEL: "Cancel ticket",
};

const ROLES = [
  ["AGENT", "dewi@demo.sigap.local", "Dewi Lestari"],
  ["SPECIALIST", "budi@demo.sigap.local", "Budi Santoso"],
  ["SUPERVISOR", "rudi@demo.sigap.local", "Rudi Hartono"],
] as const;

describe("<sigap-agent-queue> and the gateway's permissions", () => {
  it("shows an AGENT, a SPECIALIST and a SUPERVISOR exactly the actions the gateway allows each on the same ticket; screenshots saved", async () => {
    const { reportIncident } = await call<{ reportIncident: { code: string } }>(
      `mutation { reportIncident(input: { reporterName: "Wati", description: "Loket 4 cannot print receipts", urgency: HIGH }) { code } }`,
      {},
    );
    const code = reportIncident.code;
    const agentToken = demo.tokens["AGENT"]!;
    const { ticket, deskDirectory } = await call<{ ticket: { id: string }; deskDirectory: { agents: Array<{ id: string; email: string }> } }>(
      `query($id: ID!) { ticket(id: $id) { id } deskDirectory { agents { id email } } }`,
      { id: code },
      agentToken,
    );
    // Handed to the specialist, so each role has something to do with it.
    const budi = deskDirectory.agents.find((a) => a.email === "budi@demo.sigap.local")!;
    await call(`mutation($id: ID!, $input: AssignTicketInput!) { assignTicket(id: $id, input: $input) { id } }`, { id: ticket.id, input: { assigneeId: budi.id } }, agentToken);

    for (const [role, email, name] of ROLES) {
      const { ticket: seen } = await call<{ ticket: { status: string; allowedActions: string[]; nextStatuses: string[] } }>(
        `query($id: ID!) { ticket(id: $id) { status allowedActions nextStatuses } }`,
        { id: ticket.id },
        demo.tokens[role],
      );
      // "Change status" shows only with a move of its own (resolve, close, cancel and reopen have their forms).
      const ownMoves = seen.nextStatuses.filter((s) => s !== seen.status && s !== "RESOLVED" && s !== "CLOSED" && s !== "CANCELLED" && !(s === "IN_PROGRESS" && seen.allowedActions.includes("REOPEN")));
      const expected = [...new Set(seen.allowedActions.filter((a) => a !== "CHANGE_STATUS" || ownMoves.length).map((a) => FORM[a]!))].sort();

      const portal = await desk.newPage();
      await portal.goto(`${demo.url}/demo/internal/queue.html`);
      await portal.evaluate(() => (document.documentElement.lang = "en"));
      await portal.locator("#who").selectOption(email);
      const queue = portal.locator("sigap-agent-queue");
      await queue.getByText(new RegExp(`Signed in as ${name}`)).waitFor();
      await queue.locator('[part="row"]').filter({ hasText: code }).click();
      await queue.locator('[part="detail"]').getByText(code).first().waitFor();
      await queue.locator('[part="action"]').first().waitFor();
      const shown = (await queue.locator('sigap-ticket-actions [part="action"], sigap-ticket-composer [part="action"] > summary').allInnerTexts()).map((s) => s.trim()).sort();
      expect(shown, role).toEqual(expected);
      await shoot(portal, "sigap-agent-queue", `agent-queue-actions-${role.toLowerCase()}`);
      await portal.close();
    }
  }, 90_000);
});
