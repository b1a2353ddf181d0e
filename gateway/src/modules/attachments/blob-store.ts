import { createWriteStream } from "node:fs";
import { copyFile, mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SigapError } from "../../errors.js";

/** Where evidence bytes live; keys are attachment ids, never anything a client chose. */
export interface BlobStore {
  /** Stores bytes under `key`, taking over a staged file (moved, not copied, when it can be) or reading a stream. */
  put(key: string, source: string | Readable): Promise<void>;
  /** The stored bytes; rejects with {@link BlobNotFoundError} when there are none. */
  open(key: string): Promise<Readable>;
  /** Deletes the bytes; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

/** Where uploaded bytes go: a store for keeps and a local folder to stage them in while they arrive. */
export interface AttachmentStorage {
  blobs: BlobStore;
  /** Partial uploads; on the store's file system, so moving a finished file in is a rename. */
  stagingDir: string;
}

/** Evidence kept on local disk under `<dataDir>/uploads`, the default storage. */
export function localDiskStorage(dataDir: string): AttachmentStorage {
  const root = join(dataDir, "uploads");
  // Keys start with a letter or digit, so the dot folder can never clash with a stored file.
  return { blobs: new LocalDiskBlobStore(root), stagingDir: join(root, ".staging") };
}

/** A key with no stored bytes. */
export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored blob under key ${key}`);
    this.name = "BlobNotFoundError";
  }
}

// Keys become path segments, so anything that could climb out of the root is refused outright.
const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Files under one folder, fanned out by the key's first two characters so no folder grows huge. */
export class LocalDiskBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  async put(key: string, source: string | Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    if (typeof source === "string") {
      await moveFile(source, target);
      return;
    }
    // Write beside the target and rename, so a reader never sees half a file.
    const partial = `${target}.partial`;
    try {
      await pipeline(source, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    // Open the descriptor first so a missing file fails here, before any response header is sent.
    const handle = await open(this.pathOf(key), "r").catch((error: unknown) => {
      throw isErrno(error, "ENOENT") ? new BlobNotFoundError(key) : error;
    });
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Refusing blob key ${JSON.stringify(key)}: keys are ids of letters, digits, - and _`);
    return join(this.root, key.slice(0, 2).toLowerCase(), key);
  }
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    // The staging folder may sit on another file system (a tmpfs, another volume).
    if (!isErrno(error, "EXDEV")) throw error;
    const partial = `${to}.partial`;
    try {
      await copyFile(from, partial);
      await rename(partial, to);
    } finally {
      await rm(partial, { force: true });
    }
    await rm(from, { force: true });
  }
}

/** How long a client should wait before retrying an upload the storage could not take. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

// What the file system says when it cannot do the work, whatever the request: no permission, a
// read-only or full volume, a path that is a file (or gone), too many open files, a failing disk.
const STORAGE_CODES = new Set(["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "ENOTDIR", "EISDIR", "ENOENT", "EMFILE", "ENFILE", "EIO", "ELOOP", "ENAMETOOLONG", "EBUSY"]);

/**
 * Whether an error is the file system refusing work: a fault of the server's storage, not of
 * the request. Node marks those with the failing `syscall`; stream and parser errors carry none,
 * and network errors (a database connection) have other codes.
 */
export function isStorageFault(error: unknown): boolean {
  if (typeof error !== "object" || error === null || error instanceof SigapError) return false;
  const { code, syscall } = error as NodeJS.ErrnoException;
  return typeof syscall === "string" && typeof code === "string" && STORAGE_CODES.has(code);
}

/** SERVICE_UNAVAILABLE for a storage fault: retryable, with `retryAfter` in seconds. */
export function storageUnavailable(): SigapError {
  return new SigapError("SERVICE_UNAVAILABLE", "Files cannot be stored right now; try again in a moment.", {
    retryAfter: STORAGE_RETRY_AFTER_SECONDS,
  });
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as NodeJS.ErrnoException).code === code;
}
