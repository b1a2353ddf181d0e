/**
 * The logging form's values as the gateway's LogTicketInput: blank fields are left out, "me"
 * allocates to the agent. No rule is checked here; the gateway names every bad field.
 */
import type { Channel, Impact, LogTicketInput, Urgency } from "../../client/generated.js";

/** A submitted form's values (FormData). */
export type FormValues = Pick<FormData, "get" | "getAll" | "has">;

const TEXT = ["customerId", "reporterPhone", "reporterEmail", "location", "kelurahan", "kecamatan", "problemType", "serviceId", "categoryId", "groupId", "language"] as const;

/** The input of `logTicket` from the form's fields (named as the input's). */
export function logInput(data: FormValues): LogTicketInput {
  const v = (k: string): string => String(data.get(k) ?? "").trim();
  const input: LogTicketInput = {
    channel: v("channel") as Channel,
    reporterName: v("reporterName"),
    description: v("description"),
    urgency: (v("urgency") || null) as Urgency | null,
    impact: (v("impact") || null) as Impact | null,
  };
  for (const k of TEXT) if (v(k)) input[k] = v(k);
  if (data.has("me")) input.assigneeId = "me";
  // The uploaded files' ids (the Attach button's hidden inputs).
  const files = data.getAll("attachmentIds").map(String);
  if (files.length) input.attachmentIds = files;
  return input;
}
