/**
 * What a recap reads beside the seeded tickets (bench `recap`): satisfaction answers for about a
 * fifth of the closed tickets, and escalations and reopenings on a few percent, written with
 * INSERT … SELECT over the site's tickets so they cost seconds, not minutes.
 */
import type { Pool } from "mysql2/promise";

/** Adds feedback and timeline entries (ESCALATED functional and hierarchical, REOPENED) to a seeded site's tickets. */
export async function seedRecapExtras(pool: Pool, siteId: string): Promise<{ feedback: number; events: number }> {
  // The code's last digit spreads the choices evenly over time, priority and status.
  const [fb] = (await pool.query(
    `INSERT INTO \`feedback\` (\`ticket_id\`, \`site_id\`, \`service_rating\`, \`restored_rating\`, \`information_rating\`, \`suggestion\`, \`created_at\`)
     SELECT t.id, t.site_id, 1 + (ORD(RIGHT(t.code, 1)) % 5), 1 + (ORD(RIGHT(t.code, 2)) % 5), 5, CASE WHEN RIGHT(t.code, 1) = '1' THEN 'Lebih cepat lagi' ELSE NULL END, t.closed_at
     FROM \`ticket\` t WHERE t.site_id = ? AND t.status = 'CLOSED' AND RIGHT(t.code, 1) IN ('1', '6')`,
    [siteId],
  )) as unknown as [{ affectedRows: number }];
  let events = 0;
  for (const [digits, kind, toStatus, data] of [
    ["'3'", "ESCALATED", null, '{"escalationKind":"FUNCTIONAL"}'],
    ["'7'", "ESCALATED", null, '{"escalationKind":"HIERARCHICAL"}'],
    ["'9'", "REOPENED", "IN_PROGRESS", null],
  ] as const) {
    // A tenth of the tickets ending in the digit (the second-last digit 0): 1% each.
    const [r] = (await pool.query(
      `INSERT INTO \`ticket_event\` (\`ticket_id\`, \`site_id\`, \`at\`, \`kind\`, \`visibility\`, \`actor_kind\`, \`actor_name\`, \`from_status\`, \`to_status\`, \`body\`, \`data\`)
       SELECT t.id, t.site_id, t.created_at + INTERVAL 20 MINUTE, ?, 'INTERNAL', 'AGENT', 'Bench Agent', NULL, ?, NULL, ?
       FROM \`ticket\` t WHERE t.site_id = ? AND RIGHT(t.code, 1) IN (${digits}) AND SUBSTRING(t.code, -2, 1) = '0'`,
      [kind, toStatus, data, siteId],
    )) as unknown as [{ affectedRows: number }];
    events += r.affectedRows;
  }
  return { feedback: fb.affectedRows, events };
}
