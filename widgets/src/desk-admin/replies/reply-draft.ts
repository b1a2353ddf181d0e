import type { CannedResponseInput } from "../../client/generated.js";

/**
 * What the Replies form sends: the text as typed (the gateway trims, counts and checks it),
 * an empty language or group as null (any language, the whole site), the id when editing.
 */
export function toCannedInput(editing: string | null, text: (name: string) => string): CannedResponseInput {
  return {
    ...(editing ? { id: editing } : {}),
    title: text("title"),
    body: text("body"),
    language: text("language") || null,
    groupId: text("groupId") || null,
  };
}

/** The placeholders as a body writes them, for the form's help line: `{{reporter.name}}, {{ticket.code}}…`. */
export function placeholderHelp(names: readonly string[]): string {
  return names.map((n) => `{{${n}}}`).join(", ");
}
