import { fileTypeFromBuffer } from "file-type";

/** How many leading bytes file-type needs to recognise every format it knows. */
export const SNIFF_BYTES = 4100;

/** The type of bytes that are neither a format file-type knows nor text. */
export const UNKNOWN_TYPE = "application/octet-stream";

/** Decides, chunk by chunk, whether bytes are UTF-8 text with no NUL in them. */
export class TextDetector {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private text = true;

  /** Feeds the next chunk; a character may straddle two chunks. */
  push(chunk: Uint8Array): void {
    if (!this.text) return;
    if (chunk.includes(0)) {
      this.text = false;
      return;
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.text = false;
    }
  }

  /** Whether everything fed was text; a character cut off at the very end makes it not text. */
  end(): boolean {
    if (!this.text) return false;
    try {
      this.decoder.decode();
    } catch {
      this.text = false;
    }
    return this.text;
  }
}

/** Watches an upload's bytes go by and names their type from the content alone, never from the name. */
export class ContentSniffer {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private readonly text = new TextDetector();

  /** Feeds the next chunk; only the first {@link SNIFF_BYTES} are kept. */
  push(chunk: Buffer): void {
    if (this.headBytes < SNIFF_BYTES) {
      const part = chunk.subarray(0, SNIFF_BYTES - this.headBytes);
      this.head.push(part);
      this.headBytes += part.length;
    }
    this.text.push(chunk);
  }

  /** The sniffed MIME type: a known format, else `text/plain` for UTF-8 text, else {@link UNKNOWN_TYPE}. */
  async contentType(): Promise<string> {
    // file-type parses whatever a stranger sent; a parser tripping on crafted bytes means "not a
    // format we know", never a failed request.
    const found = await fileTypeFromBuffer(Buffer.concat(this.head, this.headBytes)).catch(() => undefined);
    if (found) return found.mime;
    return this.text.end() ? "text/plain" : UNKNOWN_TYPE;
  }
}
