import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DatabaseConfig } from "./config.js";

/**
 * What is wrong with the folders the gateway writes to (the data folder, its uploads, the SQLite
 * file's folder), one sentence each, for the start-up configuration message. Each folder is
 * created if missing and written to once: permission bits alone do not tell (root ignores them,
 * a read-only mount does not show in them).
 */
export function folderProblems(dataDir: string, database: DatabaseConfig): string[] {
  const folders: Array<{ dir: string; what: string }> = [
    { dir: dataDir, what: "SIGAP_DATA_DIR" },
    { dir: join(dataDir, "uploads"), what: "the uploads folder inside SIGAP_DATA_DIR" },
  ];
  if (database.kind === "sqlite" && database.file !== ":memory:" && dirname(database.file) !== dataDir) {
    folders.push({ dir: dirname(database.file), what: "the folder of the DATABASE_URL file" });
  }
  const problems: string[] = [];
  for (const { dir, what } of folders) {
    const reason = unwritable(dir);
    if (reason) {
      problems.push(`${what} (${dir}) must be a folder Sigap can write to, but ${reason}`);
      // The uploads folder lives inside the data folder: one sentence is enough for both.
      if (what === "SIGAP_DATA_DIR") break;
    }
  }
  return problems;
}

function unwritable(dir: string): string | null {
  const probe = join(dir, `.sigap-write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      EACCES: "this user may not write there (EACCES)",
      EPERM: "this user may not write there (EPERM)",
      EROFS: "it is on a read-only file system (EROFS)",
      ENOTDIR: "part of its path is a file, not a folder (ENOTDIR)",
      ENOSPC: "the disk is full (ENOSPC)",
    };
    return why[code ?? ""] ?? `writing there failed (${code ?? (error as Error).message})`;
  }
}
