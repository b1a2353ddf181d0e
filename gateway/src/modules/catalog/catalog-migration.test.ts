import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { DataSource } from "typeorm";
import { afterEach, describe, expect, it } from "vitest";
import { dataSourceOptions } from "../../db/data-source.js";
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from "../../db/migrations/index.js";

const MINE = 1796700000000;
const stamp = (m: { name: string }) => Number(/(\d+)$/.exec(m.name)?.[1] ?? 0);

/** A database at the migrations before CatalogLanguages, then at all of them: what an upgrade does to a live site. */
async function upgrade(db: { kind: "sqlite"; file: string } | { kind: "mysql"; url: string }, seed: (ds: DataSource) => Promise<void>): Promise<DataSource> {
  const all = db.kind === "mysql" ? MYSQL_MIGRATIONS : SQLITE_MIGRATIONS;
  const before = new DataSource({ ...dataSourceOptions(db), migrations: all.filter((m) => stamp(m) < MINE) });
  await before.initialize();
  await before.runMigrations();
  await seed(before);
  await before.destroy();
  const after = new DataSource(dataSourceOptions(db));
  await after.initialize();
  await after.runMigrations();
  return after;
}

/** MariaDB too when the suite runs on it (`SIGAP_TEST_DB=mysql`, root without password on 127.0.0.1). */
const KINDS: Array<"sqlite" | "mysql"> = process.env["SIGAP_TEST_DB"] === "mysql" ? ["sqlite", "mysql"] : ["sqlite"];
const MYSQL_ROOT = "mysql://root@127.0.0.1:3306";

describe.each(KINDS)("the CatalogLanguages migration on %s", (kind) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  async function freshDatabase(): Promise<{ kind: "sqlite"; file: string } | { kind: "mysql"; url: string }> {
    if (kind === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), "sigap-mig-"));
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
      return { kind, file: join(dir, "db.sqlite") };
    }
    const name = `sigap_mig_${randomBytes(6).toString("hex")}`;
    const admin = await mysql.createConnection(MYSQL_ROOT);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    cleanup = async () => {
      const c = await mysql.createConnection(MYSQL_ROOT);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    };
    return { kind, url: `${MYSQL_ROOT}/${name}` };
  }

  it("keeps every service and category, its name in its site's language, in the old alphabetical order", async () => {
    const ds = await upgrade(await freshDatabase(), async (old) => {
      const site = (id: string, language: string) =>
        old.query(
          `INSERT INTO site (id, name, site_key, unit_code, time_zone, allowed_origins, max_upload_bytes, max_attachments_per_ticket, allowed_upload_types, auto_close_hours, created_at, language)
           VALUES (?, ?, ?, '01', 'Asia/Jakarta', '[]', 1000, 5, '[]', 72, '2026-01-01 00:00:00.000', ?)`,
          [id, id, `pk_${id}`, language],
        );
      await site("s-id", "id");
      await site("s-en", "en");
      await old.query(`INSERT INTO it_service (id, site_id, name, description) VALUES ('a', 's-id', 'PosPay', 'Bayar tagihan'), ('b', 's-id', 'Ipos', NULL), ('c', 's-en', 'Email', 'Mail')`);
      await old.query(`INSERT INTO category (id, site_id, name, parent_id) VALUES ('h', 's-id', 'Perangkat Keras', NULL), ('k', 's-id', 'Kabel', 'h'), ('c2', 's-id', 'Komputer', 'h')`);
      await old.query(`INSERT INTO support_group (id, site_id, name, level) VALUES ('g', 's-id', 'Service Desk', 1)`);
    });
    try {
      expect(await ds.query(`SELECT item_id, language, kind, name, help FROM catalog_text ORDER BY item_id`)).toEqual([
        { item_id: "a", language: "id", kind: "service", name: "PosPay", help: "Bayar tagihan" },
        { item_id: "b", language: "id", kind: "service", name: "Ipos", help: null },
        { item_id: "c", language: "en", kind: "service", name: "Email", help: "Mail" },
        { item_id: "c2", language: "id", kind: "category", name: "Komputer", help: null },
        { item_id: "h", language: "id", kind: "category", name: "Perangkat Keras", help: null },
        { item_id: "k", language: "id", kind: "category", name: "Kabel", help: null },
      ]);
      expect(await ds.query(`SELECT id, position, retired_at FROM it_service ORDER BY id`)).toEqual([
        { id: "a", position: 1, retired_at: null },
        { id: "b", position: 0, retired_at: null },
        { id: "c", position: 0, retired_at: null },
      ]);
      expect(await ds.query(`SELECT id, parent_id, position FROM category ORDER BY id`)).toEqual([
        { id: "c2", parent_id: "h", position: 1 },
        { id: "h", parent_id: null, position: 0 },
        { id: "k", parent_id: "h", position: 0 },
      ]);
      expect(await ds.query(`SELECT id, retired_at FROM support_group`)).toEqual([{ id: "g", retired_at: null }]);
    } finally {
      await ds.destroy();
    }
  });
});
