/**
 * Who and what a site lets in: its public keys (a rotated key keeps working for an overlap),
 * browser origins, upload limits and rate-limit overrides. Pure: no database, no GraphQL.
 */
import { DEFAULT_RATE_LIMITS, mergeLimits, parseAssignment, combineOverrides, type RateLimitOverrides, type RateLimitSettings } from "../../http/limits/limits.rules.js";
import { UPLOAD_TYPE_CHOICES } from "../attachments/sniff.js";

/** One bad field of a change and what is wrong with it. */
export interface AccessProblem {
  field: string;
  message: string;
}

/** Longest overlap a rotated key may keep working: 30 days. */
export const MAX_OVERLAP_HOURS = 720;
/** The overlap a rotation gives when none is asked for. */
export const DEFAULT_OVERLAP_HOURS = 24;
/** Most files one ticket may carry. */
export const MAX_ATTACHMENTS_PER_TICKET = 20;
/** Most browser origins one site allows. */
export const MAX_ALLOWED_ORIGINS = 50;

/** Which of a site's keys a key is: the current one, the previous one while its overlap lasts, or neither. */
export function keyStanding(site: { siteKey: string; previousSiteKey: string | null; previousKeyValidUntil: Date | null }, key: string, now: Date): "current" | "previous" | null {
  if (key === site.siteKey) return "current";
  if (site.previousSiteKey !== null && key === site.previousSiteKey && site.previousKeyValidUntil !== null && now.getTime() < site.previousKeyValidUntil.getTime()) return "previous";
  return null;
}

/** The keys a site answers to now: the current one, then the previous one while its overlap lasts. */
export function liveKeys(site: { siteKey: string; previousSiteKey: string | null; previousKeyValidUntil: Date | null }, now: Date): string[] {
  return site.previousSiteKey !== null && keyStanding(site, site.previousSiteKey, now) === "previous" ? [site.siteKey, site.previousSiteKey] : [site.siteKey];
}

/** A problem with an overlap in hours, or null. */
export function overlapProblem(hours: number): string | null {
  return Number.isInteger(hours) && hours >= 0 && hours <= MAX_OVERLAP_HOURS ? null : `overlapHours must be a whole number from 0 to ${MAX_OVERLAP_HOURS}, got ${hours}`;
}

/**
 * An origin as browsers send it (`scheme://host[:port]`, lowercase, default port dropped), or the
 * problem with it. https only, except on the machine itself (localhost, 127.0.0.1, [::1]), where
 * development pages are served over http.
 */
export function parseOrigin(value: string): { origin: string } | { problem: string } {
  const shape = `allowed origin "${value}" must be scheme://host[:port] with no path, e.g. https://company.example`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: shape };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: shape };
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return { problem: shape };
  // "https://a.example/" is the origin with a slash; anything longer is a path.
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/?$/i.test(value.trim())) return { problem: shape };
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol === "http:" && !local) return { problem: `allowed origin "${value}" must use https (http only on localhost, 127.0.0.1 or [::1])` };
  return { origin: url.origin };
}

/** A list of origins as stored (normalized, duplicates dropped), with a problem per bad one. */
export function originList(values: readonly string[]): { value: string[]; problems: AccessProblem[] } {
  const problems: AccessProblem[] = [];
  const value: string[] = [];
  for (const raw of values) {
    const parsed = parseOrigin(raw);
    if ("problem" in parsed) problems.push({ field: "allowedOrigins", message: parsed.problem });
    else if (!value.includes(parsed.origin)) value.push(parsed.origin);
  }
  if (value.length > MAX_ALLOWED_ORIGINS) problems.push({ field: "allowedOrigins", message: `a site allows at most ${MAX_ALLOWED_ORIGINS} origins, got ${value.length}` });
  return { value, problems };
}

/** A change of a site's upload limits; fields left undefined stay. */
export interface UploadLimitsPatch {
  maxUploadBytes?: number;
  maxAttachmentsPerTicket?: number;
  allowedUploadTypes?: string[];
}

/** Every problem with a change of upload limits; `cap` is the deployment's largest file. */
export function uploadLimitProblems(patch: UploadLimitsPatch, cap: number): AccessProblem[] {
  const problems: AccessProblem[] = [];
  const n = patch.maxUploadBytes;
  if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > cap)) {
    problems.push({ field: "maxUploadBytes", message: `maxUploadBytes must be a whole number of bytes from 1 to this deployment's cap of ${cap}, got ${n}` });
  }
  const files = patch.maxAttachmentsPerTicket;
  if (files !== undefined && (!Number.isInteger(files) || files < 0 || files > MAX_ATTACHMENTS_PER_TICKET)) {
    problems.push({ field: "maxAttachmentsPerTicket", message: `maxAttachmentsPerTicket must be a whole number from 0 to ${MAX_ATTACHMENTS_PER_TICKET}, got ${files}` });
  }
  if (patch.allowedUploadTypes !== undefined) {
    const unknown = patch.allowedUploadTypes.filter((t) => !UPLOAD_TYPE_CHOICES.includes(t));
    if (unknown.length) problems.push({ field: "allowedUploadTypes", message: `allowedUploadTypes may hold only types the gateway recognises by content (uploadTypeChoices), not ${unknown.map((t) => `"${t}"`).join(", ")}` });
    else if (!patch.allowedUploadTypes.length) problems.push({ field: "allowedUploadTypes", message: "allowedUploadTypes needs at least one type; to take no files, set maxAttachmentsPerTicket to 0" });
  }
  return problems;
}

/** One overridable rate setting: a budget of a limit and scope, or the form's minimum fill time. */
export interface RateLimitRow {
  /** As `sigap site:limits --set` names it: `reports.perAddress`, `failedLookups.perAddress`, `formMinSeconds`. */
  key: string;
  /** The deployment's value (Sigap's defaults under `SIGAP_RATE_LIMITS`): points per seconds; points null for formMinSeconds. */
  default: { points: number | null; seconds: number };
  /** The site's own value; null keeps the deployment's. */
  override: { points: number | null; seconds: number } | null;
}

/** A site's value for one key as an admin gives it: points per seconds, or (formMinSeconds) seconds alone. */
export interface RateLimitAssignment {
  key: string;
  points?: number | null;
  seconds: number;
}

const SCOPED = ["reports", "messages", "feedback", "uploads", "lookups", "subscriptions", "trackingLinks"] as const;

/** Every key a site may override, in the order the rows are shown. */
export const RATE_LIMIT_KEYS: readonly string[] = Object.freeze([
  ...SCOPED.flatMap((name) => [`${name}.perAddress`, `${name}.perSite`]),
  "failedLookups.perAddress",
  "formMinSeconds",
]);

/** The row of every overridable setting: the deployment's value beside the site's own (null when it has none). */
export function rateLimitRows(deployment: RateLimitOverrides | null, site: RateLimitOverrides | null): RateLimitRow[] {
  const base: RateLimitSettings = mergeLimits(DEFAULT_RATE_LIMITS, deployment);
  return RATE_LIMIT_KEYS.map((key) => {
    if (key === "formMinSeconds") {
      return { key, default: { points: null, seconds: base.formMinSeconds }, override: site?.formMinSeconds === undefined ? null : { points: null, seconds: site.formMinSeconds } };
    }
    const [name, scope] = key.split(".") as [keyof RateLimitSettings, "perAddress" | "perSite"];
    const def = (base[name] as Record<string, { points: number; seconds: number }>)[scope]!;
    const own = (site?.[name as keyof RateLimitOverrides] as Record<string, { points: number; seconds: number } | undefined> | undefined)?.[scope];
    return { key, default: { points: def.points, seconds: def.seconds }, override: own ? { points: own.points, seconds: own.seconds } : null };
  });
}

/**
 * A site's whole set of overrides from an admin's rows, through the same parser as `sigap
 * site:limits --set` (so the same bounds apply); an empty list is no overrides at all (null).
 */
export function overridesFrom(rows: readonly RateLimitAssignment[]): { value: RateLimitOverrides | null; problems: AccessProblem[] } {
  const problems: AccessProblem[] = [];
  let value: RateLimitOverrides | null = null;
  const seen = new Set<string>();
  for (const row of rows) {
    if (!RATE_LIMIT_KEYS.includes(row.key)) {
      problems.push({ field: "rateLimits", message: `rateLimits: "${row.key}" is not a rate setting; use one of ${RATE_LIMIT_KEYS.join(", ")}` });
      continue;
    }
    if (seen.has(row.key)) {
      problems.push({ field: "rateLimits", message: `rateLimits: "${row.key}" is given twice` });
      continue;
    }
    seen.add(row.key);
    const form = row.key === "formMinSeconds";
    if (form !== (row.points === null || row.points === undefined)) {
      problems.push({ field: "rateLimits", message: form ? "rateLimits: formMinSeconds takes seconds only, no points" : `rateLimits: ${row.key} needs points and seconds` });
      continue;
    }
    const parsed = parseAssignment(form ? `formMinSeconds=${row.seconds}` : `${row.key}=${row.points}/${row.seconds}`);
    if (!parsed.ok) problems.push({ field: "rateLimits", message: `rateLimits: ${parsed.problem}` });
    else value = combineOverrides(value, parsed.value);
  }
  return { value, problems };
}
