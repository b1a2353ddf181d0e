import { Readable } from "node:stream";
import type { Attachment } from "mailparser";
import { SigapError } from "../../errors.js";
import type { AttachmentService } from "../attachments/attachment.service.js";
import type { AttachmentEntity } from "../attachments/attachment.entity.js";
import type { SiteEntity } from "../sites/site.entity.js";
import { ActorKind } from "../tickets/ticket.enums.js";
import type { BounceReason } from "./inbound-mail.rules.js";

/** A mail's files as stored uploads, or the reason they were refused (then none is kept). */
export type StoredFiles = { ok: true; files: AttachmentEntity[] } | { ok: false; reason: BounceReason; detail: string };

/**
 * The files a person attached: parts sent as attachments, not the images an HTML body embeds by
 * content id (logos and signature pictures, `multipart/related`).
 */
export function attachedFiles(attachments: readonly Attachment[]): Attachment[] {
  return attachments.filter((a) => !a.related);
}

/**
 * Stores a mail's files through the same upload path and limits as the widgets' (the site's size
 * limit, sniffed types, files per ticket). All or nothing: at the first refusal the files already
 * stored are discarded.
 */
export async function storeMailFiles(attachments: AttachmentService, site: SiteEntity, files: readonly Attachment[], maxCount: number): Promise<StoredFiles> {
  if (files.length > maxCount) return { ok: false, reason: "TOO_MANY_FILES", detail: `${files.length} attachments, at most ${maxCount}` };
  const stored: AttachmentEntity[] = [];
  try {
    for (const [i, file] of files.entries()) {
      stored.push(await attachments.upload(site, ActorKind.REPORTER, { filename: file.filename ?? `attachment-${i + 1}`, stream: Readable.from([file.content]) }));
    }
    return { ok: true, files: stored };
  } catch (error) {
    await discardAll(attachments, stored);
    if (!(error instanceof SigapError)) throw error;
    const reason: BounceReason = error.code === "PAYLOAD_TOO_LARGE" ? "FILE_TOO_LARGE" : error.code === "UNSUPPORTED_MEDIA_TYPE" ? "FILE_TYPE" : "REFUSED";
    return { ok: false, reason, detail: error.message };
  }
}

/** Deletes stored uploads that never reached a ticket. */
export async function discardAll(attachments: AttachmentService, files: readonly AttachmentEntity[]): Promise<void> {
  for (const f of files) await attachments.discard(f);
}
