/**
 * Data protection (UU PDP) as pure rules: when a closed ticket's reporter data falls due for
 * anonymization, which tickets a request to erase or export names, and what an erasure refuses.
 */
import { phoneDigits } from "../reporters/reporter-identity.rules.js";

/** The name an anonymized ticket shows for its reporter (the column is required). */
export const ANONYMIZED_NAME = "[anonymized]";

/** Who a request to erase or export names: the e-mail and/or phone given on their reports. */
export interface ReporterKey {
  email?: string | null;
  phone?: string | null;
}

/**
 * The instant before which a ticket closed or cancelled has kept its reporter's data long enough:
 * `months` calendar months before `now` (UTC; a day past the end of a shorter month is its last day).
 */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** Every problem with a reporter key, one per field; empty when it names someone. */
export function reporterKeyProblems(key: ReporterKey): Array<{ field: string; message: string }> {
  const email = key.email?.trim() ?? "";
  const phone = key.phone?.trim() ?? "";
  if (!email && !phone) return [{ field: "email", message: "Give the reporter's e-mail, phone, or both." }];
  const problems: Array<{ field: string; message: string }> = [];
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ field: "email", message: `"${email}" is not an e-mail address.` });
  if (phone && phoneDigits(phone).length < 6) problems.push({ field: "phone", message: `"${phone}" is not a phone number (6 digits or more).` });
  return problems;
}

/** Whether a ticket's reporter is the one a key names (e-mail case-insensitively, phone by its digits). */
export function reporterMatches(ticket: { reporterEmail: string | null; reporterPhone: string | null }, key: ReporterKey): boolean {
  const email = key.email?.trim().toLowerCase();
  if (email && ticket.reporterEmail?.toLowerCase() === email) return true;
  const phone = key.phone?.trim();
  return !!phone && ticket.reporterPhone !== null && phoneDigits(ticket.reporterPhone) === phoneDigits(phone);
}

/**
 * Why an erasure is refused: open tickets would lose the only way to reach their reporter, so
 * they are erased only when the admin says so (`includeOpen`). Null when it may go ahead.
 */
export function erasureRefusal(openCodes: readonly string[], includeOpen: boolean): string | null {
  if (!openCodes.length || includeOpen) return null;
  return `The reporter has open tickets (${openCodes.join(", ")}); erasing them leaves the desk no way to reach the reporter. Close them first, or erase with includeOpen: true.`;
}

/**
 * A webhook body (webhooks/webhook-payload.rules, version 1) without its reporter's personal data,
 * as anonymization leaves the ticket: the reporter's name, phone and e-mail, and the name on a
 * reporter's timeline entry. Free text stays, as on the ticket. Other bodies come back unchanged.
 */
export function scrubbedWebhookBody(body: Record<string, unknown>): Record<string, unknown> {
  const data = body["data"];
  if (!isRecord(data)) return body;
  const ticket = isRecord(data["ticket"]) ? { ...data["ticket"], reporter: { name: ANONYMIZED_NAME, phone: null, email: null } } : data["ticket"];
  const entry = isRecord(data["entry"]) && data["entry"]["actorKind"] === "REPORTER" ? { ...data["entry"], actorName: ANONYMIZED_NAME } : data["entry"];
  return { ...body, data: { ...data, ticket, entry } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
