/**
 * The report form's checks before sending: every shown field against the gateway's rule for it
 * (field-rule.ts), in the reader's words. Loaded when the reader first types (or submits): the
 * first paint needs none of it. Only "too long" is said while typing, so that stays in the form.
 * The mutation that sends the report comes with them.
 */
import type { LocaleController } from "../shared/locale.js";
import type { Evidence } from "../shared/evidence.js";
import { fieldProblem, type FieldRule } from "./field-rule.js";
import type { ReportFieldName } from "./report-form.component.js";
import { messages } from "./report-form.messages.js";

// The mutation travels with the checks: the form never sends a report before they are here.
export { ReportIncident } from "../client/report-incident.operations.js";

/** What the checks read of the form that holds them (its own code, so its private members). */
export interface CheckForm {
  i18n: LocaleController;
  shown: ReportFieldName[];
  files: Evidence[];
  value(f: ReportFieldName): string;
  isRequired(f: ReportFieldName): boolean;
  rule(f: ReportFieldName): FieldRule | undefined;
}

/** These checks' own words, in both languages: they travel with them rather than weigh on the form. */
const words = {
  en: {
    errShort: "Too short: use at least {min} characters.",
    errFormat: "Check the format of this field.",
    errEmail: "Enter an e-mail like name@example.com.",
    errPhone: "Use only digits, spaces and + ( ) . -",
    errFuture: "This cannot be in the future.",
    errUploading: "Wait until the files finish uploading.",
  },
  id: {
    errShort: "Terlalu pendek: minimal {min} karakter.",
    errFormat: "Periksa format isian ini.",
    errEmail: "Isi e-mail seperti nama@contoh.com.",
    errPhone: "Hanya angka, spasi, dan + ( ) . -",
    errFuture: "Waktu ini tidak boleh di masa depan.",
    errUploading: "Tunggu hingga berkas selesai diunggah.",
  },
};

/** What is wrong with each shown field, by field name, in the reader's words (none: all is well). */
export function validate(form: CheckForm): Partial<Record<ReportFieldName, string>> {
  const lc = form.i18n;
  const errors: Partial<Record<ReportFieldName, string>> = {};
  for (const f of form.shown) {
    const v = f === "attachments" ? form.files.flatMap((x) => x.id ?? []).join() : form.value(f).trim();
    const p = f === "attachments" || !v ? undefined : fieldProblem(form.rule(f), v);
    if (!v) {
      if (form.isRequired(f)) errors[f] = lc.t(messages, "errRequired");
    } else if (p) {
      // A pattern is the gateway's; the words for it are the field's own.
      const key = p[0] === "errShort" ? p[0] : f === "reporterEmail" ? "errEmail" : f === "reporterPhone" ? "errPhone" : "errFormat";
      errors[f] = p[0] === "errLong" ? lc.t(messages, "errLong", p[1]) : lc.t(words, key, p[1]);
    } else if (f === "occurredAt" && !(new Date(v).getTime() <= Date.now())) errors[f] = lc.t(words, "errFuture");
    if (f === "attachments" && form.files.some((x) => !x.id && !x.error)) errors[f] = lc.t(words, "errUploading");
  }
  return errors;
}
