/** Fast seeding for the benchmarks: ticket rows straight into MariaDB with multi-row INSERTs. */
import { createHash, randomBytes } from "node:crypto";
import type { Pool } from "mysql2/promise";

const COLUMNS =
  "`id`, `site_id`, `code`, `code_key`, `tracking_token_hash`, `idempotency_key`, `request_fingerprint`, `status`, `is_open`, `channel`, `reporter_name`, `reporter_phone`, `reporter_email`, `location`, `kelurahan`, `kecamatan`, `occurred_at`, `service_id`, `problem_type`, `description`, `system_state`, `steps_tried`, `urgency`, `impact`, `priority`, `priority_rank`, `category_id`, `group_id`, `assignee_id`, `support_level`, `hierarchy_level`, `pending_reason`, `created_at`, `updated_at`, `first_responded_at`, `response_due_at`, `resolution_due_at`, `queue_due_at`, `paused_at`, `paused_ms`, `response_escalated_at`, `resolution_escalated_at`, `resolved_at`, `closed_at`, `resolution`, `closure_code`, `knowledge_base`, `version`";

const OPEN = ["NEW", "ASSIGNED", "IN_PROGRESS", "PENDING"];
const URGENCY = ["HIGH", "MEDIUM", "LOW"];
const MATRIX: Record<string, [string, number, number]> = {
  "HIGH/HIGH": ["P1", 10, 60], "HIGH/MEDIUM": ["P2", 30, 180], "HIGH/LOW": ["P3", 60, 480],
  "MEDIUM/HIGH": ["P2", 30, 180], "MEDIUM/MEDIUM": ["P3", 60, 480], "MEDIUM/LOW": ["P4", 240, 720],
  "LOW/HIGH": ["P3", 60, 480], "LOW/MEDIUM": ["P4", 240, 720], "LOW/LOW": ["P5", 480, 1440],
};

/** A time-ordered UUID (v7) for a given time, so seeded rows append to the clustered index in order. */
function uuidv7(ms: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What a seeded ticket is opened with. */
export interface SeededTicket {
  code: string;
  token: string;
}

/**
 * Inserts `count` tickets for a site over the last `spanDays`, oldest first; `openShare` of them
 * open (the rest closed), as a desk's history looks. Tokens are `tok-<unit>-<i>` so trackers can
 * open any of them. Runs `parallel` INSERTs of `batch` rows at a time.
 */
export async function seedTickets(
  pool: Pool,
  site: { id: string; unitCode: string },
  count: number,
  opts: { openShare: number; spanDays: number; batch?: number; parallel?: number; now?: number },
): Promise<void> {
  const batch = opts.batch ?? 2_000;
  const parallel = opts.parallel ?? 2;
  const now = opts.now ?? Date.now();
  const start = now - opts.spanDays * 86_400_000;
  const step = (now - start) / count;
  let next = 0;
  const row = (i: number): unknown[] => {
    const open = (i * 7919) % 1000 < opts.openShare * 1000;
    // Open tickets are recent (within 20 days, as on a working desk); closed ones span the history.
    const created = new Date(open && opts.spanDays > 20 ? now - ((i * 104_729) % (20 * 86_400_000)) : Math.floor(start + i * step));
    const urgency = URGENCY[i % 3]!;
    const impact = URGENCY[Math.floor(i / 3) % 3]!;
    const [priority, resp, resol] = MATRIX[`${urgency}/${impact}`]!;
    const status = open ? OPEN[i % OPEN.length]! : i % 10 === 0 ? "CANCELLED" : "CLOSED";
    const responseDue = new Date(created.getTime() + resp * 60_000);
    const resolutionDue = new Date(created.getTime() + resol * 60_000);
    const responded = status !== "NEW" ? new Date(created.getTime() + 5 * 60_000) : null;
    const closed = open ? null : new Date(created.getTime() + resol * 30_000);
    // code_key: the desk search's reversed code (search-query.rules' ticketCodeKey).
    const code = seeded(site.unitCode, i, created).code;
    return [
      uuidv7(created.getTime()), site.id, code, [...code.replaceAll(".", "")].reverse().join(""), createHash("sha256").update(`tok-${site.unitCode}-${i}`).digest("hex"), null, null,
      status, open ? 1 : 0, "WEB", `Pelapor ${i}`, null, `pelapor${i}@contoh.example`, null, null, null, null, null, null,
      `Gangguan layanan nomor ${String(i).padStart(7, "0")}: aplikasi tidak bisa diakses dari loket`, null, null, urgency, impact, priority, Number(priority.slice(1)),
      null, null, null, 1, 0, status === "PENDING" ? "REPORTER" : null, created, closed ?? created, responded,
      responseDue, resolutionDue, responded ? resolutionDue : responseDue, status === "PENDING" ? created : null, 0,
      null, null, closed, closed, closed ? "Selesai" : null, closed ? "FIXED" : null, 0, 1,
    ];
  };
  const worker = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + batch);
      const rows: unknown[][] = [];
      for (let i = from; i < next; i++) rows.push(row(i));
      await pool.query(`INSERT INTO \`ticket\` (${COLUMNS}) VALUES ?`, [rows]);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** The code and token of the i-th seeded ticket of a site (the code's day is its creation day, in UTC). */
export function seeded(unitCode: string, i: number, created: Date): SeededTicket {
  const d = created.toISOString();
  return { code: `${unitCode}.${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(0, 4)}.${String(i + 1).padStart(3, "0")}`, token: `tok-${unitCode}-${i}` };
}
