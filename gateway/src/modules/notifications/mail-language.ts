/** The languages Sigap writes mail in. */
export type MailLanguage = "id" | "en";

/** Every mail language, for validation. */
export const MAIL_LANGUAGES: MailLanguage[] = ["id", "en"];

/** `value` when it is a mail language, else `fallback`. */
export function mailLanguage(value: unknown, fallback: MailLanguage): MailLanguage {
  return value === "id" || value === "en" ? value : fallback;
}
