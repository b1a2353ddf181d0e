/**
 * The files attached to one reply box (the desk's composer, the tracker's reply): its Attach button,
 * drop and paste; on the first file the site's limits are read from the gateway (the desk's
 * `uploadLimits` with an agent token, else the widget site's `site`) and the upload code loads
 * (shared/evidence.ts checks each file and uploads it at once). Each file shows as a chip — name,
 * size, a thumbnail for an image, uploading or refused, a remove button. Uploaded ids sit in hidden
 * `attachmentIds` inputs, so the host form's data carries them. The hosts load this part on demand
 * (the composer with the ticket view, the tracker once a ticket shows).
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import { DeskUploadLimits, SiteUploadLimits } from "../client/attach.operations.js";
import { request, type Endpoint } from "../client/http.js";
import type { Evidence, EvidenceForm, EvidenceLimits } from "./evidence.js";
import { megabytes } from "./file-size.js";
import { LocaleController } from "./locale.js";
import { pickedFiles } from "./picked-files.js";
import { problemText } from "./problem-text.js";

/** What a {@link ReplyFiles} reads of its host. */
export interface ReplyFilesOptions {
  /** The gateway, with the agent's token or the site key. */
  target(): Endpoint;
  /** Files the ticket holds already (its per-ticket limit counts them). @default none counted here */
  taken?(): number;
}

const words = {
  en: { attach: "Attach files", remove: "Remove {name}", uploading: "Uploading…", files: "Attached files" },
  id: { attach: "Lampirkan berkas", remove: "Hapus {name}", uploading: "Mengunggah…", files: "Berkas terlampir" },
};

const chipStyles = css`
  /* In the host's button row (a wrapping flex row): the chips take a line of their own above it. */
  .chips {
    order: -1;
    flex: 1 0 100%;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0.4rem 0;
    padding: 0;
  }
  .chip {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    max-width: 100%;
    padding: 0.2rem 0.25rem 0.2rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.9em;
  }
  .chip.refused {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .chip img {
    width: 2rem;
    height: 2rem;
    object-fit: cover;
    border-radius: 3px;
  }
  .chip .name {
    overflow-wrap: anywhere;
  }
  .chip progress {
    width: 4rem;
  }
  .chip button {
    padding: 0.1rem 0.45rem;
    line-height: 1.2;
  }
`;

/** One reply box's attached files; see the module's comment. */
export class ReplyFiles implements ReactiveController, EvidenceForm {
  /** The chips, in the order picked. */
  files: Evidence[] = [];
  /** Numbers the chips. */
  fileCount = 0;
  /** The site's limits, once read. */
  site: EvidenceLimits | null = null;
  /** What the last change said, for the live region. */
  said = "";
  readonly endpoint = "";
  readonly siteKey = "";
  private readonly sizes = new Map<number, number>();
  private readonly thumbs = new Map<number, string>();
  /** The host's language; this part's words are its own, in both languages. */
  readonly i18n: LocaleController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ReplyFilesOptions,
  ) {
    host.addController(this);
    this.i18n = new LocaleController(host, { ready: true, load: async () => undefined });
    // The chips' styles join the host's own sheets (adoptedStyleSheets: no inline <style> for a strict CSP).
    const root = host.shadowRoot;
    const sheet = chipStyles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    // Loaded after the host's first paint: show the Attach button now.
    host.requestUpdate();
  }

  get taken(): number {
    return this.options.taken?.() ?? 0;
  }

  /** The ids of the uploaded files. */
  get ids(): string[] {
    return this.files.flatMap((x) => (x.id ? [x.id] : []));
  }

  /** Whether a file is still uploading (the host holds its send button meanwhile). */
  get busy(): boolean {
    return this.files.some((x) => !x.id && !x.error);
  }

  /** Sends one file with the host's credentials. */
  readonly send = async (file: File) => {
    const t = this.options.target();
    const { uploadFile } = await import("./upload.js");
    return uploadFile(t.url, t.token ? { authorization: `Bearer ${t.token}` } : { "x-sigap-site-key": t.siteKey ?? "" }, file);
  };

  /** The drop, dragover and paste handler of the reply box (or of a whole widget, see {@link listen}). */
  readonly handle = (e: Event): void => {
    if (e.type === "dragover") e.preventDefault();
    else void this.add(pickedFiles(e));
  };

  /** Takes files dropped or pasted anywhere on `target` (the tracker: its one reply box). */
  listen(target: EventTarget): void {
    for (const type of ["dragover", "drop", "paste"]) target.addEventListener(type, this.handle);
  }

  announce(text: string): void {
    this.said = text;
    this.host.requestUpdate();
  }

  /** Attaches files: the limits are read once, then each file is refused in words or uploaded. */
  async add(picked: readonly File[]): Promise<void> {
    if (!picked.length) return;
    let evidence: typeof import("./evidence.js");
    try {
      const t = this.options.target();
      evidence = await import("./evidence.js");
      this.site ??= t.token ? (await request(t, DeskUploadLimits, {})).uploadLimits : (await request(t, SiteUploadLimits, {})).site;
    } catch (error) {
      return this.announce(problemText(this.i18n, error));
    }
    evidence.pick(this, picked).forEach((item, i) => {
      const file = picked[i] as File;
      this.sizes.set(item.n, file.size);
      if (!item.error && /^image\//.test(file.type)) this.thumbs.set(item.n, URL.createObjectURL(file));
    });
    this.host.requestUpdate();
  }

  /** Takes one chip away (an upload in flight is forgotten; the gateway drops unlinked uploads itself). */
  remove(n: number): void {
    const thumb = this.thumbs.get(n);
    if (thumb) URL.revokeObjectURL(thumb);
    this.thumbs.delete(n);
    this.files = this.files.filter((x) => x.n !== n);
    this.said = "";
    this.host.requestUpdate();
  }

  /** Empties the box (the message was sent). */
  clear(): void {
    for (const x of this.files) this.remove(x.n);
  }

  hostDisconnected(): void {
    for (const url of this.thumbs.values()) URL.revokeObjectURL(url);
    this.thumbs.clear();
  }

  /** The picker: a detached file input, so the host's form holds no control without a label. */
  private readonly handleAttach = (): void => {
    const input = Object.assign(document.createElement("input"), { type: "file", multiple: true });
    input.addEventListener("change", () => void this.add([...(input.files ?? [])]));
    input.click();
  };

  /**
   * For the host's button row (a wrapping flex row): the chips on a line of their own above it,
   * with a hidden `attachmentIds` input per uploaded file, the live region, and the Attach button.
   */
  render(disabled = false): TemplateResult {
    const t = (k: keyof typeof words.en, name = ""): string => this.i18n.t(words, k, { name });
    return html`${this.files.length
        ? html`<ul part="chips" class="chips" aria-label=${t("files")}>
            ${this.files.map((x) => {
              const thumb = this.thumbs.get(x.n);
              const size = this.sizes.get(x.n);
              return html`<li part="chip" class=${x.error ? "chip refused" : "chip"}>
                ${thumb && !x.error ? html`<img src=${thumb} alt="" />` : nothing}
                <span class="name">${x.error ?? x.name}</span>
                ${!x.error && size !== undefined ? html`<span class="muted">${megabytes(size)}</span>` : nothing}
                ${x.id || x.error ? nothing : html`<progress aria-label=${t("uploading")}></progress>`}
                ${x.id ? html`<input type="hidden" name="attachmentIds" .value=${x.id} />` : nothing}
                <button type="button" class="secondary" aria-label=${t("remove", x.name)} @click=${() => this.remove(x.n)}>×</button>
              </li>`;
            })}
          </ul>`
        : nothing}
      <p class="visually-hidden" role="status">${this.said}</p>
      <button type="button" part="attach" class="secondary" ?disabled=${disabled} @click=${this.handleAttach}>${t("attach")}</button>`;
  }
}
