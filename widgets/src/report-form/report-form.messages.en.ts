import { messages } from "./report-form.messages.js";

/** The report form's English words. */
export const en = {
  channel: "Reported via",
  reporterName: "Your name",
  reporterPhone: "Phone number",
  reporterEmail: "E-mail",
  location: "Address or location",
  kelurahan: "Village office (kelurahan)",
  kecamatan: "Sub-district (kecamatan)",
  occurredAt: "When it happened",
  service: "Affected service",
  problemType: "Type of problem",
  description: "What is wrong?",
  systemState: "State of the system now",
  stepsTried: "What you have already tried",
  urgency: "How urgent is it?",
  impact: "How many are affected?",
  attachments: "Evidence files",
  WEB: "Website",
  PHONE: "Phone",
  EMAIL: "E-mail",
  WALK_IN: "In person",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
  choose: "Choose…",
  req: "(required)",
  errRequired: "Fill this in.",
  errLong: "Too long: {n} characters over the limit of {max}.",
  count: "{n} of {max} characters",
  summary: "Not sent yet. Check {n} field(s): {names}",
  send: "Send report",
  sending: "Sending…",
  retry: "Try again",
  siteErr: "The list of services could not be loaded.",
  noKey: "This form has no site key.",
  filesHint: "Up to {n} files, at most {size} each ({types}).",
  uploading: "uploading…",
  remove: "Remove {name}",
};

/** Loaded on demand like the Indonesian words, so neither language weighs on the other's readers. */
export default function install(): void {
  messages.en = en;
}
