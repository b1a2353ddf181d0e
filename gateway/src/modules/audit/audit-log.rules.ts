/** How the audit log is paged and filtered, as pure rules (the read service applies them in SQL). */

/** The most lines one page of the audit log gives. */
export const MAX_AUDIT_PAGE = 200;

/** Where a page of the log resumes: after the line at this instant with this id (newest first). */
export interface AuditCursor {
  at: Date;
  id: string;
}

/** An opaque cursor for the line a page ended on. */
export function encodeAuditCursor(c: AuditCursor): string {
  return Buffer.from(JSON.stringify([c.at.getTime(), c.id])).toString("base64url");
}

/** The cursor a page gave out, or null when the text is not one. */
export function decodeAuditCursor(text: string): AuditCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "number" || typeof v[1] !== "string" || !/^\d{1,20}$/.test(v[1])) return null;
    return { at: new Date(v[0]), id: v[1] };
  } catch {
    return null;
  }
}

/**
 * How an action filter matches: text ending in "." (or ".*") is a prefix (`site.` matches
 * `site.update`, `site.hours`…); anything else is the exact action.
 */
export function actionMatch(action: string): { prefix: string } | { exact: string } {
  const a = action.trim().toLowerCase();
  if (a.endsWith(".*")) return { prefix: a.slice(0, -1) };
  return a.endsWith(".") ? { prefix: a } : { exact: a };
}

/** Every problem with a page request, one per field; empty when it is valid. */
export function auditPageProblems(q: { first: number; from?: Date | null; to?: Date | null; after?: string | null }): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (!Number.isInteger(q.first) || q.first < 1 || q.first > MAX_AUDIT_PAGE) problems.push({ field: "first", message: `first must be from 1 to ${MAX_AUDIT_PAGE}, got ${q.first}` });
  if (q.from && q.to && q.from > q.to) problems.push({ field: "filter.to", message: "to must not be before from" });
  if (q.after != null && !decodeAuditCursor(q.after)) problems.push({ field: "after", message: "after is not a cursor the audit log gave out" });
  return problems;
}
