/** A ticket's address in the workspace, from the page's `ticket-href` template (`{code}` and `{id}`, URL-encoded); null without a template. */
export function ticketLink(template: string, ticket: { id: string; code: string }): string | null {
  if (!template) return null;
  return template.replace(/\{(code|id)\}/g, (_, name: "code" | "id") => encodeURIComponent(ticket[name]));
}
