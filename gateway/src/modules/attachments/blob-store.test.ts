import { mkdtemp, readFile, rm, writeFile, access } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SigapError } from "../../errors.js";
import { BlobNotFoundError, isStorageFault, LocalDiskBlobStore } from "./blob-store.js";

describe("LocalDiskBlobStore", () => {
  let root: string;
  let store: LocalDiskBlobStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "sigap-blobs-"));
    store = new LocalDiskBlobStore(join(root, "uploads"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("moves a staged file in and reads it back", async () => {
    const staged = join(root, "staged");
    await writeFile(staged, "bukti");
    await store.put("0b7c2a2e-1f4e-4c53-9d1e-2f8f5c1e9a10", staged);
    expect(await text(await store.open("0b7c2a2e-1f4e-4c53-9d1e-2f8f5c1e9a10"))).toBe("bukti");
    await expect(access(staged)).rejects.toThrow();
  });

  it("stores a stream", async () => {
    await store.put("abc", Readable.from([Buffer.from("a"), Buffer.from("b")]));
    expect(await readFile(join(root, "uploads", "ab", "abc"), "utf8")).toBe("ab");
  });

  it("reports a missing key as BlobNotFoundError", async () => {
    await expect(store.open("missing")).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("removes bytes, and removing twice is fine", async () => {
    await store.put("gone", Readable.from([Buffer.from("x")]));
    await store.remove("gone");
    await store.remove("gone");
    await expect(store.open("gone")).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it.each([["../escape"], ["a/b"], [".staging"], [""], ["x\\y"]])("refuses the key %j", async (key) => {
    await expect(store.open(key)).rejects.toThrow(/Refusing blob key/);
  });
});

const errno = (code: string, syscall?: string) => Object.assign(new Error(code), { code, ...(syscall ? { syscall } : {}) });

describe("isStorageFault", () => {
  it.each([
    ["EACCES from mkdir", true, errno("EACCES", "mkdir")],
    ["EROFS from open", true, errno("EROFS", "open")],
    ["ENOSPC from write", true, errno("ENOSPC", "write")],
    ["ENOTDIR from mkdir", true, errno("ENOTDIR", "mkdir")],
    ["a client reset", false, errno("ECONNRESET", "read")],
    ["the database refusing connections", false, errno("ECONNREFUSED", "connect")],
    ["a premature close (no syscall)", false, errno("ERR_STREAM_PREMATURE_CLOSE")],
    ["a parser error", false, new Error("Unexpected end of form")],
    ["our own refusal", false, new SigapError("PAYLOAD_TOO_LARGE", "too large")],
    ["not an error", false, "EACCES"],
  ])("%s → %s", (_what, fault, error) => {
    expect(isStorageFault(error)).toBe(fault);
  });
});
