import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { megabytes } from "../file-size.js";
import { LocaleController } from "../locale.js";
import { attachmentStyles } from "./attachment.styles.js";

/** The fields of an AttachmentInfo this element shows. */
export interface AttachmentFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** This element's words, in both languages: it loads on demand, so they travel with it. */
const words = {
  en: { preview: "Preview {name}", close: "Close", failed: "{name} could not be loaded." },
  id: { preview: "Pratinjau {name}", close: "Tutup", failed: "{name} tidak dapat dimuat." },
};
const BUILT_IN = { ready: true, load: async () => undefined };

/**
 * One attachment of a thread: an image as a thumbnail that opens a preview (a modal `<dialog>`:
 * Esc or Close shuts it and focus goes back to the thumbnail), any other file as a download link
 * with its name and size. Files are read with the agent's `token` (a bearer header, so through a
 * blob: URL, revoked when the element goes) or, without one, from `href` as it is (the reporter's
 * link carries the ticket's code and tracking token). A strict CSP needs `img-src blob:`.
 *
 * @summary An attachment as a thumbnail with preview, or a download link.
 * @tagname sigap-attachment
 *
 * @csspart thumbnail - The thumbnail button of an image.
 * @csspart link - The download link (or button) of a file.
 * @csspart size - The file's size.
 * @csspart preview - The preview dialog.
 * @csspart error - Why the file could not be read.
 */
export class SigapAttachment extends LitElement {
  static override styles = attachmentStyles;

  static override properties: PropertyDeclarations = {
    blobUrl: { state: true, attribute: false },
    failed: { state: true, attribute: false },
    file: { attribute: false },
    href: {},
    token: {},
  };

  private readonly lc = new LocaleController(this, BUILT_IN);
  private blobUrl = "";
  private failed = false;
  private loadedId = "";

  /** The attachment (an AttachmentInfo of the gateway). */
  file: AttachmentFile | null = null;
  /** The absolute download URL (for a reporter, with code, token and site key in its query). */
  href = "";
  /** The agent's bearer token; the file is then read with it. @default "" */
  token = "";

  private get image(): boolean {
    return /^image\/(png|jpeg|gif|webp)$/.test(this.file?.contentType ?? "");
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forget();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: read again what disconnecting let go.
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const f = this.file;
    if (f && this.image && this.isConnected && this.loadedId !== f.id) void this.read(f.id);
  }

  private forget(): void {
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = "";
    this.loadedId = "";
  }

  /** The file's bytes as a blob: URL (revoked by the caller or with the element). */
  private async fetchUrl(): Promise<string> {
    const response = await fetch(this.href, this.token ? { headers: { authorization: `Bearer ${this.token}` } } : {});
    if (!response.ok) throw new Error(String(response.status));
    return URL.createObjectURL(await response.blob());
  }

  private async read(id: string): Promise<void> {
    this.forget();
    this.loadedId = id;
    this.failed = false;
    try {
      const url = await this.fetchUrl();
      if (this.loadedId !== id) return URL.revokeObjectURL(url);
      this.blobUrl = url;
    } catch {
      if (this.loadedId === id) this.failed = true;
    }
  }

  private async handleDownload(): Promise<void> {
    try {
      const url = await this.fetchUrl();
      const link = document.createElement("a");
      link.href = url;
      link.download = this.file?.filename ?? "";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  private handleOpen(): void {
    this.renderRoot.querySelector("dialog")?.showModal();
  }

  private handleClosed(): void {
    // Focus goes back to the thumbnail whichever way the preview was closed.
    this.renderRoot.querySelector<HTMLElement>("[part=thumbnail]")?.focus();
  }

  override render(): TemplateResult | typeof nothing {
    const f = this.file;
    if (!f) return nothing;
    const t = (k: keyof typeof words.en): string => this.lc.t(words, k, { name: f.filename });
    // A document drawn on request (a ticket report) has no size until it is made.
    const size = f.size ? html`<span part="size" class="size">(${megabytes(f.size)})</span>` : nothing;
    const error = this.failed ? html`<span part="error" class="error" role="alert">${t("failed")}</span>` : nothing;
    if (!this.image || this.failed) {
      const link = this.token
        ? html`<button type="button" part="link" class="link" @click=${this.handleDownload}>${f.filename}</button>`
        : html`<a part="link" href=${this.href} download=${f.filename} rel="noopener noreferrer">${f.filename}</a>`;
      return html`${link} ${size} ${error}`;
    }
    return html`<button type="button" part="thumbnail" class="thumb" aria-label=${t("preview")} @click=${this.handleOpen}>
        ${this.blobUrl ? html`<img src=${this.blobUrl} alt="" />` : html`<img alt="" />`}
      </button>
      <span>${f.filename} ${size}</span>
      <dialog part="preview" aria-label=${f.filename} @close=${this.handleClosed}>
        <div class="bar">
          <p>${f.filename} ${size}</p>
          <button type="button" class="close" @click=${() => this.renderRoot.querySelector("dialog")?.close()}>${t("close")}</button>
        </div>
        ${this.blobUrl ? html`<img src=${this.blobUrl} alt=${f.filename} />` : nothing}
      </dialog>`;
  }
}
