/** Who an audit line names as the actor: a signed-in desk member, a ticket's reporter (by its code and token), the command line, or a background job. */
export type ActorKind = "AGENT" | "REPORTER" | "CLI" | "SYSTEM";

/** The actor of an audited action. */
export interface AuditActor {
  kind: ActorKind;
  /** The agent's id; null for REPORTER, CLI and SYSTEM. */
  id: string | null;
  /** A name a reader recognises: the agent's, the OS user's (`cli:<user>`), the job's (`sla-sweep`), {@link REPORTER_ACTOR_NAME}. */
  name: string;
  /** Where the request came from; null when not over the network. */
  ip: string | null;
}

/**
 * The name a reporter's audit line carries: never the reporter's own name, since the trail is
 * append-only and must hold no personal data an erasure (UU PDP) would have to reach; the line's
 * subject (the ticket's code) says whose ticket it was.
 */
export const REPORTER_ACTOR_NAME = "reporter";

/** The actor of a reporter's action on their ticket. */
export function reporterActor(): AuditActor {
  return { kind: "REPORTER", id: null, name: REPORTER_ACTOR_NAME, ip: null };
}

/** A JSON-safe field value as the audit trail keeps it. */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/** The fields an action changed: their values before and after, only the ones that differ. */
export interface AuditChange {
  before: Record<string, AuditValue> | null;
  after: Record<string, AuditValue> | null;
}

/** Fields whose values never enter the trail (secrets are recorded as changed, not by value). */
const SECRET_FIELDS = new Set(["password", "passwordHash", "secret", "reporterJwtSecret", "token", "clientSecret"]);

/** The placeholder a secret field's value is written as. */
export const REDACTED = "[redacted]";

/**
 * The change between two states of a thing, keeping only the fields that differ (compared as
 * JSON) and redacting secrets. A creation passes `before` null, a removal `after` null. Returns
 * null when nothing changed, so callers can skip the line.
 */
export function auditChange(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChange | null {
  if (before === null && after === null) return null;
  if (before === null || after === null) {
    const only = (before ?? after)!;
    const values = Object.fromEntries(Object.keys(only).filter((k) => only[k] !== undefined).map((k) => [k, auditValueOf(k, only[k])]));
    return before === null ? { before: null, after: values } : { before: values, after: null };
  }
  const b: Record<string, AuditValue> = {};
  const a: Record<string, AuditValue> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (after[key] === undefined) continue; // not part of this change
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
    b[key] = auditValueOf(key, before[key]);
    a[key] = auditValueOf(key, after[key]);
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

function auditValueOf(key: string, value: unknown): AuditValue {
  if (SECRET_FIELDS.has(key)) return value === null || value === undefined ? null : REDACTED;
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return JSON.parse(JSON.stringify(value)) as AuditValue;
}
