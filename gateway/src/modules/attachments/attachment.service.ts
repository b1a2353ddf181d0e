import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import { systemClock, type Clock } from "../../clock.js";
import { selectRows } from "../../db/rows.js";
import { badField, badInput, notFound, SigapError } from "../../errors.js";
import type { SiteEntity } from "../sites/site.entity.js";
import type { ActorKind, Visibility } from "../tickets/ticket.enums.js";
import { AttachmentEntity } from "./attachment.entity.js";
import { mayRead, megabytes, sanitizeFilename, type AttachmentReader } from "./attachment.rules.js";
import { isStorageFault, type AttachmentStorage } from "./blob-store.js";
import { ContentSniffer } from "./sniff.js";

/** One file as it arrives in an upload request. */
export interface IncomingFile {
  /** The name the client gave; it is sanitised, never trusted for the type. */
  filename: string;
  stream: Readable;
}

/** Evidence files: receiving uploads, linking them to tickets, listing and serving them. */
export class AttachmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: AttachmentStorage | null = null,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Links uploaded files to a ticket inside the caller's transaction, with the visibility of
   * the timeline entry that introduces them (visibility.rules: the reporter reads only files of
   * PUBLIC entries). Each id must be an upload of this site not yet linked elsewhere, and the
   * ticket must stay within the site's per-ticket limit.
   */
  async link(em: EntityManager, site: SiteEntity, ticketId: string, ids: readonly string[], visibility: Visibility, field = "attachmentIds"): Promise<void> {
    if (!ids.length) return;
    const unique = [...new Set(ids)];
    const rows = await em.findBy(AttachmentEntity, { id: In(unique), siteId: site.id });
    const usable = rows.filter((r) => r.ticketId === null || r.ticketId === ticketId);
    if (usable.length !== unique.length) {
      throw badField(field, "Some attachments are unknown or already belong to another ticket; upload them again.");
    }
    const already = await em.countBy(AttachmentEntity, { ticketId });
    const adding = usable.filter((r) => r.ticketId === null).length;
    if (already + adding > site.maxAttachmentsPerTicket) {
      throw badInput([{ field, message: `A ticket can have at most ${site.maxAttachmentsPerTicket} attachments.` }]);
    }
    await em.update(AttachmentEntity, { id: In(unique), ticketId: IsNull() }, { ticketId, visibility });
  }

  /** Attachments of a ticket, oldest first. */
  forTicket(ticketId: string): Promise<AttachmentEntity[]> {
    // On every tracker load: a statement built once (db/rows.ts), not TypeORM's query builder.
    return selectRows(this.ds.manager, AttachmentEntity, { ticketId }, { orderBy: [["createdAt", "ASC"], ["id", "ASC"]] });
  }

  /**
   * Receives one file for a site, not yet linked to a ticket. The bytes are counted, hashed and
   * sniffed as they stream to a staging file; the upload stops at the first byte over the site's
   * limit (PAYLOAD_TOO_LARGE) and a sniffed type the site does not accept is refused
   * (UNSUPPORTED_MEDIA_TYPE), a stream that stops short is BAD_USER_INPUT, and file-system faults
   * are rethrown as they are (see `isStorageFault`). Nothing is left behind when it fails.
   */
  async upload(site: SiteEntity, uploadedBy: ActorKind, file: IncomingFile): Promise<AttachmentEntity> {
    // The stream may fail while staging is prepared (a truncated body): that failure surfaces
    // through the pipeline below, and an 'error' nobody listens to would end the process.
    file.stream.on("error", () => undefined);
    const { blobs, stagingDir } = this.requireStorage();
    const id = randomUUID();
    await mkdir(stagingDir, { recursive: true });
    const staged = join(stagingDir, `${id}.upload`);
    const meter = new UploadMeter(site.maxUploadBytes);
    try {
      await pipeline(file.stream, meter, createWriteStream(staged, { flags: "wx", mode: 0o600 })).catch((error: unknown) => {
        // Our own refusals and storage faults keep their meaning; anything else is the incoming bytes stopping short.
        throw error instanceof SigapError || isStorageFault(error) ? error : badField("file", "The upload ended before the file was complete; send it again.");
      });
      if (meter.size === 0) throw badField("file", "The file is empty.");
      const contentType = await meter.sniffer.contentType();
      if (!site.allowedUploadTypes.includes(contentType)) {
        throw new SigapError(
          "UNSUPPORTED_MEDIA_TYPE",
          `This file's contents are ${contentType}, which this site does not accept; allowed: ${site.allowedUploadTypes.join(", ")}.`,
          { contentType, allowed: site.allowedUploadTypes },
        );
      }
      const attachment = Object.assign(new AttachmentEntity(), {
        id,
        siteId: site.id,
        ticketId: null,
        visibility: null,
        filename: sanitizeFilename(file.filename),
        contentType,
        size: meter.size,
        sha256: meter.sha256(),
        uploadedBy,
        createdAt: this.clock.now(),
      });
      await blobs.put(id, staged);
      try {
        await this.ds.getRepository(AttachmentEntity).insert(attachment);
      } catch (error) {
        await blobs.remove(id);
        throw error;
      }
      return attachment;
    } finally {
      // After a successful put the staged file has moved and this is a no-op.
      await rm(staged, { force: true });
    }
  }

  /** Deletes an upload that was never linked (e.g. the request it came in turned out invalid). */
  async discard(attachment: AttachmentEntity): Promise<void> {
    const { blobs } = this.requireStorage();
    const { affected } = await this.ds.getRepository(AttachmentEntity).delete({ id: attachment.id, ticketId: IsNull() });
    if (affected) await blobs.remove(attachment.id);
  }

  /** The attachment a reader may download; NOT_FOUND alike when it is missing or not theirs. */
  async readable(id: string, reader: AttachmentReader): Promise<AttachmentEntity> {
    const attachment = UUID.test(id) ? await this.ds.getRepository(AttachmentEntity).findOneBy({ id }) : null;
    if (!attachment || !mayRead(attachment, reader)) throw notFound("No such attachment, or it is not yours to see.");
    return attachment;
  }

  /** The stored bytes of an attachment. */
  open(attachment: AttachmentEntity): Promise<Readable> {
    return this.requireStorage().blobs.open(attachment.id);
  }

  private requireStorage(): AttachmentStorage {
    // Services built without storage (some tests, tools) can link and list but not hold bytes.
    if (!this.storage) throw new Error("AttachmentService was created without storage; pass an AttachmentStorage to accept files.");
    return this.storage;
  }
}

/** PAYLOAD_TOO_LARGE naming the site's limit in megabytes. */
export function payloadTooLarge(maxBytes: number): SigapError {
  return new SigapError("PAYLOAD_TOO_LARGE", `The file is larger than this site's limit of ${megabytes(maxBytes)}.`, { maxBytes });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Counts, hashes and sniffs bytes on their way to disk, failing at the first byte over the limit. */
class UploadMeter extends Transform {
  size = 0;
  readonly sniffer = new ContentSniffer();
  private readonly hash = createHash("sha256");

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(payloadTooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    this.sniffer.push(chunk);
    callback(null, chunk);
  }

  sha256(): string {
    return this.hash.digest("hex");
  }
}
