/**
 * The baselines, in a process of their own: a bare node:http server on mysql2 that writes and
 * reads the same rows as the gateway with the same statements in the same transactions, and a
 * bare `ws` server that broadcasts one pre-serialized message. No framework, no ORM, no GraphQL.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import mysql, { type Pool, type RowDataPacket } from "mysql2/promise";
import { WebSocketServer, type WebSocket } from "ws";
import { serve, settledMemory } from "./ipc.js";

const POLICY: Record<string, [number, number]> = { P1: [10, 60], P2: [30, 180], P3: [60, 480], P4: [240, 720], P5: [480, 1440] };
const MATRIX: Record<string, string> = {
  "HIGH/HIGH": "P1", "HIGH/MEDIUM": "P2", "HIGH/LOW": "P3",
  "MEDIUM/HIGH": "P2", "MEDIUM/MEDIUM": "P3", "MEDIUM/LOW": "P4",
  "LOW/HIGH": "P3", "LOW/MEDIUM": "P4", "LOW/LOW": "P5",
};
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" });

let pool: Pool;
let site: { id: string; unitCode: string };
let broadcastMessage = "";
const sockets = new Set<WebSocket>();

/** A time-ordered UUID (v7), as the gateway's ids are: both sides append to the clustered index. */
function uuidv7(): string {
  const b = randomBytes(16);
  const ms = Date.now();
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The gateway's report transaction, statement for statement (see TicketService.report). */
async function report(input: { reporterName: string; reporterEmail?: string; description: string; urgency?: string; impact?: string }) {
  const now = new Date();
  const urgency = input.urgency ?? "MEDIUM";
  const impact = input.impact ?? "MEDIUM";
  const priority = MATRIX[`${urgency}/${impact}`]!;
  const [resp, resol] = POLICY[priority]!;
  const responseDueAt = new Date(now.getTime() + resp * 60_000);
  const resolutionDueAt = new Date(now.getTime() + resol * 60_000);
  const token = randomBytes(18).toString("base64url");
  const id = uuidv7();
  const day = dayFormat.format(now).replaceAll("-", "");
  const conn = await pool.getConnection();
  try {
    await conn.query("START TRANSACTION");
    await conn.execute(
      "INSERT INTO `ticket_event`(`ticket_id`, `site_id`, `at`, `kind`, `visibility`, `actor_kind`, `actor_id`, `actor_name`, `from_status`, `to_status`, `body`, `data`) VALUES (?, ?, ?, 'REPORTED', 'PUBLIC', 'REPORTER', NULL, ?, NULL, 'NEW', NULL, NULL)",
      [id, site.id, now, input.reporterName],
    );
    const [ok] = await conn.execute<mysql.ResultSetHeader>(
      "INSERT INTO ticket_sequence (site_id, day, last) VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)",
      [site.id, day],
    );
    const code = `${site.unitCode}.${day.slice(6, 8)}${day.slice(4, 6)}${day.slice(0, 4)}.${String(ok.insertId).padStart(3, "0")}`;
    await conn.execute(
      "INSERT INTO `ticket`(`id`, `site_id`, `code`, `tracking_token_hash`, `idempotency_key`, `request_fingerprint`, `status`, `is_open`, `channel`, `reporter_name`, `reporter_phone`, `reporter_email`, `location`, `kelurahan`, `kecamatan`, `occurred_at`, `service_id`, `problem_type`, `description`, `system_state`, `steps_tried`, `urgency`, `impact`, `priority`, `priority_rank`, `category_id`, `group_id`, `assignee_id`, `support_level`, `hierarchy_level`, `pending_reason`, `created_at`, `updated_at`, `first_responded_at`, `response_due_at`, `resolution_due_at`, `queue_due_at`, `paused_at`, `paused_ms`, `response_escalated_at`, `resolution_escalated_at`, `resolved_at`, `closed_at`, `resolution`, `closure_code`, `knowledge_base`, `version`) " +
        "VALUES (?, ?, ?, ?, NULL, NULL, 'NEW', 1, 'WEB', ?, NULL, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?, NULL, NULL, ?, ?, ?, ?, NULL, NULL, NULL, 1, 0, NULL, ?, ?, NULL, ?, ?, ?, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1)",
      [id, site.id, code, sha256(token), input.reporterName, input.reporterEmail?.toLowerCase() ?? null, input.description, urgency, impact, priority, Number(priority.slice(1)), now, now, responseDueAt, resolutionDueAt, responseDueAt],
    );
    await conn.query("COMMIT");
    return { code, trackingToken: token, status: "NEW", priority, createdAt: now, responseDueAt, resolutionDueAt };
  } catch (e) {
    await conn.query("ROLLBACK");
    throw e;
  } finally {
    conn.release();
  }
}

const REDACTED = new Set(["ESCALATED", "AUTO_ESCALATED", "ASSIGNED", "CLASSIFIED"]);

/** The reads behind the reporter's view (see TicketViewService.reporterView), by key, with prepared statements. */
async function track(code: string, token: string) {
  const [rows] = await pool.execute<RowDataPacket[]>("SELECT * FROM `ticket` WHERE `site_id` = ? AND `code` = ?", [site.id, code]);
  const t = rows[0];
  if (!t || t["tracking_token_hash"] !== sha256(token)) return null;
  const [[events], [feedback], [files], [policy], service] = await Promise.all([
    pool.execute<RowDataPacket[]>("SELECT * FROM `ticket_event` WHERE `ticket_id` = ? AND `visibility` = 'PUBLIC' ORDER BY `id` ASC", [t["id"]]),
    pool.execute<RowDataPacket[]>("SELECT * FROM `feedback` WHERE `ticket_id` = ?", [t["id"]]),
    pool.execute<RowDataPacket[]>("SELECT * FROM `attachment` WHERE `ticket_id` = ? ORDER BY `created_at` ASC", [t["id"]]),
    pool.execute<RowDataPacket[]>("SELECT * FROM `sla_policy` WHERE `site_id` = ?", [t["site_id"]]),
    t["service_id"] ? pool.execute<RowDataPacket[]>("SELECT `name` FROM `it_service` WHERE `id` = ?", [t["service_id"]]) : null,
  ]);
  const target = policy.find((p) => p["priority"] === t["priority"]);
  const now = Date.now();
  const f = feedback[0];
  return {
    code: t["code"],
    status: t["status"],
    pendingReason: t["pending_reason"],
    priority: t["priority"],
    urgency: t["urgency"],
    impact: t["impact"],
    serviceName: service?.[0][0]?.["name"] ?? null,
    description: t["description"],
    createdAt: t["created_at"],
    responseDueAt: t["response_due_at"],
    resolutionDueAt: t["resolution_due_at"],
    firstRespondedAt: t["first_responded_at"],
    resolvedAt: t["resolved_at"],
    closedAt: t["closed_at"],
    resolution: t["resolution"],
    sla: {
      responseBreached: !t["first_responded_at"] && now > t["response_due_at"].getTime(),
      resolutionBreached: !t["resolved_at"] && !t["paused_at"] && now > t["resolution_due_at"].getTime(),
      paused: !!t["paused_at"],
      atRisk: !!target && now > t["resolution_due_at"].getTime() - target["resolution_minutes"] * 15_000,
      responseRemainingMs: t["first_responded_at"] ? null : t["response_due_at"].getTime() - now,
      resolutionRemainingMs: t["resolved_at"] ? null : t["resolution_due_at"].getTime() - now,
    },
    timeline: events.map((e) => {
      const redact = REDACTED.has(e["kind"]);
      return { id: String(e["id"]), kind: e["kind"], visibility: e["visibility"], actorKind: e["actor_kind"], actorName: redact ? null : e["actor_name"], fromStatus: e["from_status"], toStatus: e["to_status"], message: redact ? null : e["body"] };
    }),
    attachments: files.map((a) => ({ id: a["id"], filename: a["filename"], contentType: a["content_type"], size: a["size"] })),
    feedbackOpen: (t["status"] === "RESOLVED" || t["status"] === "CLOSED") && !f,
    feedback: f ? { serviceRating: f["service_rating"], restoredRating: f["restored_rating"], informationRating: f["information_rating"], suggestion: f["suggestion"] } : null,
  };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const out = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(out) });
  res.end(out);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "POST") return json(res, 404, { error: "not found" });
  const text = await body(req);
  if (req.url === "/report") {
    const { input } = JSON.parse(text) as { input: Parameters<typeof report>[0] };
    return json(res, 200, { data: { reportIncident: await report(input) } });
  }
  if (req.url === "/track") {
    const { c, t } = JSON.parse(text) as { c: string; t: string };
    return json(res, 200, { data: { trackTicket: await track(c, t) } });
  }
  if (req.url === "/broadcast") {
    for (const ws of sockets) ws.send(broadcastMessage);
    return json(res, 200, { data: { sent: sockets.size } });
  }
  json(res, 404, { error: "not found" });
}

serve({
  async start(args) {
    pool = mysql.createPool({ uri: String(args["databaseUrl"]), connectionLimit: 10, timezone: "Z" });
    const [rows] = await pool.query<RowDataPacket[]>("SELECT `id`, `unit_code` FROM `site` WHERE `site_key` = ?", [args["siteKey"]]);
    site = { id: rows[0]!["id"], unitCode: rows[0]!["unit_code"] };
    const http = createServer((req, res) => {
      handle(req, res).catch((e: unknown) => json(res, 500, { error: String(e) }));
    });
    const wss = new WebSocketServer({ server: http, path: "/ws" });
    wss.on("connection", (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
  },
  broadcastMessage(args) {
    broadcastMessage = String(args["message"]);
    return true;
  },
  sockets: () => sockets.size,
  memory: () => settledMemory(),
});
