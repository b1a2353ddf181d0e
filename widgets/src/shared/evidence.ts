/**
 * Evidence files once the reader picks some, for the report form and the reply boxes of the desk
 * and the tracker: the site's limits (count, size, type) checked before sending anything, then each
 * accepted file uploaded. Loaded on the first pick, with the upload code: most messages carry no
 * file, so no widget's first load carries it.
 */
import type { LocaleController } from "./locale.js";
import { megabytes } from "./file-size.js";
import { problemText } from "./problem-text.js";
import { asRequestError } from "./request-error.js";
import { uploadFile, type UploadedFile } from "./upload.js";

/** One picked evidence file: uploading (no id, no error), uploaded (id) or refused (error). */
export interface Evidence {
  n: number;
  name: string;
  id?: string;
  error?: string;
}

/** The site's upload limits, as the schema gives them (PublicSite, or the desk's uploadLimits). */
export interface EvidenceLimits {
  maxAttachmentsPerTicket: number;
  maxUploadBytes: number;
  allowedUploadTypes: readonly string[];
}

/** What this part reads and sets of the form that holds it (its own code, so its private fields). */
export interface EvidenceForm {
  i18n: LocaleController;
  site: EvidenceLimits | null;
  endpoint: string;
  siteKey: string;
  files: Evidence[];
  fileCount: number;
  announce(text: string): void;
  /** Sends one file; by default to `endpoint` with the site key. */
  send?: (file: File) => Promise<UploadedFile>;
  /** Files the ticket holds already, counted against the site's per-ticket limit. @default 0 */
  taken?: number;
}

/** This part's own words, in both languages: they travel with it rather than weigh on the form. */
const words = {
  en: {
    fileBig: "{name} is larger than {size}.",
    fileType: "{name}: this type of file is not accepted.",
    fileMax: "{name}: at most {n} files.",
    uploaded: "{name} uploaded.",
  },
  id: {
    fileBig: "{name} lebih besar dari {size}.",
    fileType: "{name}: jenis berkas ini tidak diterima.",
    fileMax: "{name}: maksimal {n} berkas.",
    uploaded: "{name} terunggah.",
  },
};

async function upload(form: EvidenceForm, item: Evidence, file: File): Promise<void> {
  let done: Evidence;
  try {
    const sent = await (form.send ?? ((f: File) => uploadFile(form.endpoint, { "x-sigap-site-key": form.siteKey }, f)))(file);
    done = { ...item, id: sent.id };
    form.announce(form.i18n.t(words, "uploaded", { name: item.name }));
  } catch (error) {
    done = { ...item, error: `${item.name}: ${problemText(form.i18n, asRequestError(error))}` };
    form.announce(done.error ?? "");
  }
  // The file may have been removed while it uploaded.
  form.files = form.files.map((x) => (x.n === item.n ? done : x));
}

/** Adds the picked files to the form: each refused at once with the limit it breaks, or uploaded. Returns the items added, in the order picked. */
export function pick(form: EvidenceForm, picked: readonly File[]): Evidence[] {
  const site = form.site;
  if (!site) return [];
  const t = (key: keyof typeof words.en, values: Record<string, string | number>): string => form.i18n.t(words, key, values);
  return picked.map((file) => {
    const item: Evidence = { n: ++form.fileCount, name: file.name };
    const types = site.allowedUploadTypes;
    if ((form.taken ?? 0) + form.files.filter((x) => !x.error).length >= site.maxAttachmentsPerTicket) item.error = t("fileMax", { name: file.name, n: site.maxAttachmentsPerTicket });
    else if (file.size > site.maxUploadBytes) item.error = t("fileBig", { name: file.name, size: megabytes(site.maxUploadBytes) });
    else if (types.length && !types.includes(file.type)) item.error = t("fileType", { name: file.name });
    form.files = [...form.files, item];
    if (item.error) form.announce(item.error);
    else void upload(form, item, file);
    return item;
  });
}
