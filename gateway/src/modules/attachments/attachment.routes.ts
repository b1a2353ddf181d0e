import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { Router, type Request, type Response } from "express";
import type { Logger } from "pino";
import { bearerOf } from "../../context.js";
import { badField, notFound, SigapError, type ErrorCode } from "../../errors.js";
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../../http/availability.js";
import type { Services } from "../../services.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { ActorKind } from "../tickets/ticket.enums.js";
import type { AttachmentEntity } from "./attachment.entity.js";
import { contentDisposition, type AttachmentReader } from "./attachment.rules.js";
import { payloadTooLarge, type IncomingFile } from "./attachment.service.js";
import { BlobNotFoundError, isStorageFault, storageUnavailable } from "./blob-store.js";

/** Where widgets and the desk upload evidence files. */
export const UPLOAD_PATH = "/uploads";

/** Where evidence files are downloaded, as `/attachments/<id>`; the `url` of an AttachmentInfo. */
export const ATTACHMENT_PATH = "/attachments";

/** What the upload endpoint answers with 201. */
export interface UploadReceipt {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

// Partial: a code added elsewhere answers 400 until it is given its own status here.
const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
  SERVICE_UNAVAILABLE: 503,
};

// Room for the multipart boundaries and part headers around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

// One answer for "no such file" and "not yours", so ids cannot be probed.
const NOT_YOURS = "No such attachment, or it is not yours to see.";

/**
 * The evidence-file endpoints, outside GraphQL because they carry bytes: `POST /uploads`
 * (multipart, one `file` field; site key or agent token) and `GET /attachments/:id` (an agent of
 * the site, or the reporter with the ticket's code and token). Errors answer in the GraphQL
 * error shape.
 */
export function attachmentRoutes(services: Services, log: Logger, guard?: UploadGuard): Router {
  const router = Router();
  router.post(UPLOAD_PATH, (req, res) => void upload(services, log, req, res, guard));
  router.get(`${ATTACHMENT_PATH}/:id`, (req, res) => void download(services, log, req, res));
  // Anything else under these paths (no id, a nested path, another method) is still our API:
  // it answers in the error shape with a code, not with the framework's HTML page.
  router.all(UPLOAD_PATH, (_req, res) => sendError(res, notFound("Files are uploaded with POST /uploads, as multipart/form-data."), log));
  router.all([ATTACHMENT_PATH, `${ATTACHMENT_PATH}/*rest`], (_req, res) => sendError(res, notFound(NOT_YOURS), log));
  return router;
}

/** Called once the uploader is known, before the body is read: the rate limits' hook. */
export type UploadGuard = (req: Request, res: Response, site: SiteEntity, byReporter: boolean) => Promise<void>;

async function upload(services: Services, log: Logger, req: Request, res: Response, guard?: UploadGuard): Promise<void> {
  try {
    const { site, by } = await uploader(services, req);
    await guard?.(req, res, site, by === ActorKind.REPORTER);
    if (!/^multipart\/form-data\s*;/i.test(req.headers["content-type"] ?? "")) {
      throw badField("file", "Send the file as multipart/form-data, in one field named file.");
    }
    // A declared body far over the limit is refused before a byte of it is read.
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > site.maxUploadBytes + MULTIPART_OVERHEAD) throw payloadTooLarge(site.maxUploadBytes);
    const attachment = await receiveOne(req, site, (file) => services.attachments.upload(site, by, file), (a) => discard(services, log, a));
    const receipt: UploadReceipt = {
      id: attachment.id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
    };
    res.status(201).json(receipt);
  } catch (error) {
    // Whatever the client is still sending is read and thrown away, never kept.
    req.resume();
    sendError(res, error, log);
  }
}

/** Who is uploading, checked before any of the body is read. */
async function uploader(services: Services, req: Request): Promise<{ site: SiteEntity; by: ActorKind }> {
  const bearer = bearerOf(header(req, "authorization"));
  if (bearer) {
    const agent = await services.agents.authenticate(bearer);
    return { site: await services.sites.get(agent.siteId), by: ActorKind.AGENT };
  }
  const { site } = await services.sites.resolvePublic(header(req, "x-sigap-site-key"), header(req, "origin"));
  return { site, by: ActorKind.REPORTER };
}

/** What busboy may take from one upload request; past any of these the request is refused. */
const LIMITS = { files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25, headerPairs: 50 } as const;

/**
 * Streams the one file of a multipart body into `store`. Fails on a second file, a file in
 * another field, too many parts or fields, a malformed or truncated body or a client that goes
 * away; an upload already stored by then is handed to `discard`. Every way it can fail settles
 * the promise once and leaves no listener-less stream behind, because an `error` event nobody
 * listens to ends the whole process, not just this request.
 */
function receiveOne(
  req: Request,
  site: SiteEntity,
  store: (file: IncomingFile) => Promise<AttachmentEntity>,
  discard: (attachment: AttachmentEntity) => void,
): Promise<AttachmentEntity> {
  return new Promise((resolve, reject) => {
    // The client may have gone while its credentials were checked: its 'close' has already fired.
    if (req.destroyed && !req.complete) {
      reject(interrupted());
      return;
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send UTF-8 filenames; busboy would read them as Latin-1.
        defParamCharset: "utf8",
        // One byte over the limit is enough to know the file is too large.
        limits: { ...LIMITS, fileSize: site.maxUploadBytes + 1 },
      });
    } catch {
      reject(badField("file", "The multipart/form-data header has no boundary."));
      return;
    }
    let stored: Promise<AttachmentEntity> | null = null;
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.destroy();
      // Answer once the file in flight has settled (its stream is torn down with the parser), so
      // its staging file is gone before the client hears back; one already stored is discarded.
      const inFlight = stored ? stored.then(discard, () => undefined) : Promise.resolve();
      void inFlight.then(() => reject(error));
    };
    // busboy calls these from inside its write(), itself inside the request's 'data' event: a
    // throw there would escape every handler of this request, so it fails the request instead.
    const guarded =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A): void => {
        try {
          handler(...args);
        } catch (error) {
          fail(error);
        }
      };
    parser.on(
      "file",
      guarded((name: string | undefined, stream: Readable, info: busboy.FileInfo) => {
        // First, before anything can fail: tearing the parser down (or a truncated body) errors this stream.
        stream.on("error", () => undefined);
        if (name !== "file") {
          stream.resume();
          const which = name === undefined ? "a part without a name" : `a form field named ${JSON.stringify(name.slice(0, 40))}`;
          fail(badField("file", `Send the file in a form field named file, not in ${which}.`));
          return;
        }
        stored = store({ filename: info.filename ?? "", stream });
        stored.catch(fail);
      }),
    );
    parser.on("filesLimit", () => fail(badField("file", "Send one file per upload.")));
    parser.on("partsLimit", () => fail(badField("file", `The form has too many parts; send one file and at most ${LIMITS.fields} fields.`)));
    parser.on("fieldsLimit", () => fail(badField("file", `The form has too many fields; send one file and at most ${LIMITS.fields} fields.`)));
    parser.on("error", (error: Error) => fail(badField("file", `The multipart body is malformed (${error.message}).`)));
    parser.on(
      "finish",
      guarded(() => {
        if (!stored) return fail(badField("file", "No file was sent: put it in a form field named file."));
        stored.then((attachment) => {
          if (settled) return discard(attachment);
          settled = true;
          resolve(attachment);
        }, fail);
      }),
    );
    // With a listener, an aborted request reports 'error' ("aborted") as well as 'close'.
    req.on("error", () => fail(interrupted()));
    req.on("close", () => {
      if (!req.complete) fail(interrupted());
    });
    req.pipe(parser);
  });
}

function interrupted(): SigapError {
  return badField("file", "The upload was interrupted before the file was complete.");
}

function discard(services: Services, log: Logger, attachment: AttachmentEntity): void {
  services.attachments.discard(attachment).catch((err: unknown) => log.error({ err, attachmentId: attachment.id }, "could not discard a refused upload"));
}

async function download(services: Services, log: Logger, req: Request, res: Response): Promise<void> {
  try {
    const reader = await downloader(services, req);
    const attachment = await services.attachments.readable(String(req.params["id"]), reader);
    const body = await services.attachments.open(attachment).catch((error: unknown) => {
      if (!(error instanceof BlobNotFoundError)) throw error;
      log.error({ attachmentId: attachment.id }, "attachment row has no stored bytes");
      throw notFound(NOT_YOURS);
    });
    res.status(200);
    res.setHeader("Content-Type", attachment.contentType === "text/plain" ? "text/plain; charset=utf-8" : attachment.contentType);
    res.setHeader("Content-Length", String(attachment.size));
    res.setHeader("Content-Disposition", contentDisposition(attachment.filename));
    // Evidence is whatever a stranger uploaded: never let a browser run or render it as a page of ours.
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    res.setHeader("Cache-Control", "private, no-store");
    // The reporter's token may be in the URL; keep it out of Referer headers.
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Access-Control-Expose-Headers", "Content-Disposition");
    if (req.method === "HEAD") {
      body.destroy();
      res.end();
      return;
    }
    await pipeline(body, res);
  } catch (error) {
    sendError(res, error, log);
  }
}

/** Who is downloading: an agent by token, or a reporter by site key, ticket code and tracking token. */
async function downloader(services: Services, req: Request): Promise<AttachmentReader> {
  const bearer = bearerOf(header(req, "authorization"));
  if (bearer) {
    const agent = await services.agents.authenticate(bearer);
    return { kind: "agent", siteId: agent.siteId };
  }
  const code = query(req, "code");
  const token = query(req, "token");
  const siteKey = header(req, "x-sigap-site-key") ?? query(req, "siteKey");
  if (!code || !token || !siteKey) throw notFound(NOT_YOURS);
  const { site } = await services.sites.resolvePublic(siteKey, header(req, "origin"));
  const ticket = await services.tickets.findForReporter(site, code, token).catch((error: unknown) => {
    throw error instanceof SigapError && error.code === "NOT_FOUND" ? notFound(NOT_YOURS) : error;
  });
  return { kind: "reporter", siteId: site.id, ticketId: ticket.id };
}

/** Answers in the GraphQL error shape; only our own errors say what went wrong (also the documents' routes). */
export function sendError(res: Response, failure: unknown, log: Logger): void {
  let error = failure;
  if (res.headersSent) {
    // Mid-download (usually the client went away): nothing sensible can follow the bytes already sent.
    res.destroy();
    return;
  }
  if (isStorageFault(error)) {
    log.error({ err: error }, "attachment storage refused the work");
    error = storageUnavailable();
  } else if (isDatabaseUnavailable(error)) {
    log.error({ err: error }, "the database is unreachable for an attachment endpoint");
    error = new SigapError("SERVICE_UNAVAILABLE", "The desk is briefly unavailable; try again in a moment.", { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS });
  }
  if (error instanceof SigapError) {
    const retryAfter = error.extensions["retryAfter"];
    if (typeof retryAfter === "number") res.setHeader("Retry-After", String(retryAfter));
    res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions: { ...error.extensions } }] });
    return;
  }
  log.error({ err: error }, "unexpected error on an attachment endpoint");
  res.status(500).json({ errors: [{ message: "Something went wrong on our side; it has been logged.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
}

function header(req: Request, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" && v ? v : null;
}

function query(req: Request, name: string): string | null {
  const v: unknown = req.query[name];
  return typeof v === "string" && v ? v : null;
}
