import type { IncomingMessage } from "node:http";
import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from "node:zlib";

/** A request refused before GraphQL sees it; answered in the GraphQL error shape with `status`. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: "BAD_REQUEST" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE",
    message: string,
  ) {
    super(message);
    this.name = "HttpProblem";
  }
}

type Decoder = (buf: Buffer, options: ZlibOptions) => Promise<Buffer>;
const DECODERS: Record<string, Decoder> = {
  gzip: promisify<Buffer, ZlibOptions, Buffer>(gunzip),
  "x-gzip": promisify<Buffer, ZlibOptions, Buffer>(gunzip),
  deflate: promisify<Buffer, ZlibOptions, Buffer>(inflate),
  br: promisify<Buffer, ZlibOptions, Buffer>(brotliDecompress),
};
const JSON_TYPES = new Set(["application/json", "application/graphql-response+json"]);

/**
 * Reads a GraphQL POST body: at most `limit` bytes both as sent and once decompressed (so a small
 * gzip bomb is refused too), in UTF-8, parsed as JSON. A body that is not JSON by its
 * Content-Type comes back as undefined, for Apollo to refuse (it also guards against CSRF there).
 * Every client mistake is an {@link HttpProblem}: 413 too large, 415 an encoding or charset we do
 * not speak, 400 a body that is not what its headers say.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const tooLarge = () => new HttpProblem(413, "PAYLOAD_TOO_LARGE", `The request body is too large (at most ${Math.round(limit / 1024)} KB).`);
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) throw tooLarge();
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decode = encoding === "identity" || encoding === "" ? null : DECODERS[encoding];
  if (decode === undefined) {
    throw new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE", `Content-Encoding "${printable(encoding)}" is not supported; send the body as is, or in gzip, deflate or br.`);
  }
  const { mime, charset } = contentType(req.headers["content-type"]);
  if (charset !== null && charset !== "utf-8" && charset !== "utf8") {
    throw new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE", `charset "${printable(charset)}" is not supported; send UTF-8.`);
  }
  const raw = await readAll(req, limit, tooLarge);
  if (!JSON_TYPES.has(mime)) return undefined;
  let bytes = raw;
  if (decode) {
    try {
      bytes = await decode(raw, { maxOutputLength: limit });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
      throw new HttpProblem(400, "BAD_REQUEST", `The request body is not valid ${encoding} data, as its Content-Encoding says.`);
    }
  }
  const text = bytes.toString("utf8");
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new HttpProblem(400, "BAD_REQUEST", "The request body is not valid JSON.");
  }
}

function contentType(header: string | undefined): { mime: string; charset: string | null } {
  if (!header) return { mime: "", charset: null };
  const [mime = "", ...params] = header.split(";");
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";]*)"?\s*$/i.exec(p);
    if (m) charset = m[1]!.trim().toLowerCase();
  }
  return { mime: mime.trim().toLowerCase(), charset };
}

function readAll(req: IncomingMessage, limit: number, tooLarge: () => HttpProblem): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        // Stop buffering but let the rest drain, so the answer still reaches the client.
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    const early = () => reject(new HttpProblem(400, "BAD_REQUEST", "The request body ended early."));
    req.once("error", early);
    req.once("close", () => req.complete || early());
  });
}

/** A header value fit to quote back in a message: short and printable. */
function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, "?").slice(0, 40);
}
