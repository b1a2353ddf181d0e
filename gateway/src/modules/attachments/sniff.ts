import { fileTypeFromBuffer, supportedMimeTypes } from "file-type";

/** How many leading bytes file-type needs to recognise every format it knows. */
export const SNIFF_BYTES = 4100;

/** The type of bytes that are neither a format file-type knows nor text. */
export const UNKNOWN_TYPE = "application/octet-stream";

/**
 * Types the sniffer names that are programs or installers: evidence of an incident never needs
 * one, and a desk member opening it would run it. They are never offered as upload types.
 */
const EXECUTABLE_TYPES: ReadonlySet<string> = new Set([
  "application/x-msdownload", "application/x-elf", "application/x-mach-binary", "application/x-shockwave-flash",
  "application/wasm", "application/x-deb", "application/x-rpm", "application/vnd.android.package-archive",
  "application/java-vm", "application/java-archive", "application/x-xpinstall", "application/x-google-chrome-extension",
  "application/x-ms-regedit", "application/x.ms.shortcut", "application/x.apple.alias", "application/x-apple-diskimage",
  "application/x-asar", "application/x-nintendo-nes-rom",
]);

/** The types a site may accept for evidence: every type {@link ContentSniffer} can name (text included), less programs; sorted. */
export const UPLOAD_TYPE_CHOICES: readonly string[] = Object.freeze(
  [...new Set([...supportedMimeTypes, "text/plain"])].filter((t) => !EXECUTABLE_TYPES.has(t)).sort(),
);

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
