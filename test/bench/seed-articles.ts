/** Fast seeding of published knowledge-base articles for the search benchmark: multi-row INSERTs straight into MariaDB. */
import { randomUUID } from "node:crypto";
import type { Pool } from "mysql2/promise";

const COLUMNS =
  "`id`, `site_id`, `language`, `title`, `body`, `service_id`, `category_id`, `visibility`, `status`, `version`, `source_ticket_id`, `helpful_yes`, `helpful_no`, `deflections`, `created_at`, `updated_at`, `updated_by`, `published_at`";

// Words of three syllables (16³ = 4,096 of them, all six letters), so no word is a prefix of
// another and a `term*` search matches only that word, as a real vocabulary mostly does.
const SYLLABLES = ["ba", "ci", "du", "fe", "go", "hu", "ji", "ko", "lu", "ma", "ne", "pi", "ro", "sa", "tu", "wi"];

/** The n-th word of the benchmark's vocabulary. */
export function benchWord(n: number): string {
  const i = n % 4096;
  return SYLLABLES[i >> 8]! + SYLLABLES[(i >> 4) & 15]! + SYLLABLES[i & 15]!;
}

/**
 * Inserts `count` published, public Indonesian articles for a site: a four-word title and a
 * thirty-word body drawn from the vocabulary, so a word is in about 0.8% of the articles.
 */
export async function seedArticles(pool: Pool, siteId: string, count: number, batch = 2_000): Promise<void> {
  const now = new Date();
  for (let from = 0; from < count; from += batch) {
    const rows: unknown[][] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      const word = (k: number) => benchWord((i * 7_919 + k * 104_729) % 4_096);
      const title = [0, 1, 2, 3].map(word).join(" ");
      const body = Array.from({ length: 30 }, (_, k) => word(k + 4)).join(" ");
      rows.push([randomUUID(), siteId, "id", title, body, null, null, "PUBLIC", "PUBLISHED", 1, null, 0, 0, 0, now, now, "bench", now]);
    }
    await pool.query(`INSERT INTO \`article\` (${COLUMNS}) VALUES ?`, [rows]);
  }
}
