/**
 * The report form's draft: the report kept in sessionStorage, under the site's key, while it may
 * have reached the gateway. A reload (or another site key) brings it back, so resending reuses its
 * idempotency key and cannot make a second ticket.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { ReportIncidentInput } from "../client/generated.js";
import type { Evidence } from "../shared/evidence.js";
import type { ReportFieldName } from "./report-form.component.js";

/** What survives a reload while a report may have reached the gateway. */
export interface Draft {
  key: string;
  values: Partial<Record<ReportFieldName, string>>;
  files: Evidence[];
  /** The payload of an attempt whose outcome is unknown: it may have made a ticket under `key`. */
  sent?: ReportIncidentInput;
}

/** What a {@link DraftController} reads and fills of its form. */
export interface DraftHost extends ReactiveControllerHost {
  siteKey: string;
  values: Partial<Record<ReportFieldName, string>>;
  files: Evidence[];
  fileCount: number;
}

// randomUUID needs a secure context; a plain-http intranet page still deserves a key.
const newKey = (): string =>
  crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** Keeps the report being sent across a reload, and brings it back before the form renders for a site key. */
export class DraftController implements ReactiveController {
  /** The report on its way, or null. */
  draft: Draft | null = null;
  /** The site key whose draft was read (none yet: the first update reads it). */
  private read?: string;

  constructor(private readonly host: DraftHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const h = this.host;
    if (this.read === h.siteKey) return;
    this.read = h.siteKey;
    let saved: Draft | null;
    try {
      saved = JSON.parse(sessionStorage.getItem(this.slot()) ?? "null") as Draft | null;
    } catch {
      saved = null;
    }
    // Anything else in that slot (another version, a hand edit) is not ours to trust.
    this.draft = saved && /^[\w-]{8,64}$/.test(saved.key) && Array.isArray(saved.files) ? saved : null;
    if (this.draft) {
      h.values = { ...this.draft.values };
      h.files = this.draft.files;
      h.fileCount = Math.max(0, ...h.files.map((x) => x.n));
    }
  }

  /** The draft for an attempt (a new key for a new report), holding the form's values and uploaded files. */
  hold(): Draft {
    const d = (this.draft ??= { key: newKey(), values: {}, files: [] });
    d.values = { ...this.host.values };
    d.files = this.host.files.filter((x) => x.id);
    return d;
  }

  /** Writes the draft to storage (or removes it when there is none). */
  save(): void {
    try {
      if (this.draft) sessionStorage.setItem(this.slot(), JSON.stringify(this.draft));
      else sessionStorage.removeItem(this.slot());
    } catch {
      // Storage may be off (private mode, policy); the key still lives for this page view.
    }
  }

  /** Forgets the draft: the report arrived, or its key cannot be used again. */
  clear(): void {
    this.draft = null;
    this.save();
  }

  private slot(): string {
    return `sigap-report:${this.host.siteKey}`;
  }
}
