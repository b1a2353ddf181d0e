import { lazyWords, type Messages } from "../shared/locale.js";
import type { en } from "./report-form.messages.en.js";


/** A key of the report form's words. */
export type ReportFormKey = keyof typeof en;

/**
 * The report form's words, filled by report-form.messages.en.ts or .id.ts: the form loads only
 * its reader's language (the component renders once they are here).
 */
export const messages = {} as Messages<ReportFormKey>;

/** The report form's English words, fetched for English readers. */
export const english = lazyWords(() => import("./report-form.messages.en.js"));

/** The report form's Indonesian words, fetched only for Indonesian readers. */
export const indonesian = lazyWords(() => import("./report-form.messages.id.js"));
