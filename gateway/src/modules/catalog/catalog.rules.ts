import type { FieldProblem } from "../../errors.js";
import { TicketType } from "../tickets/ticket.enums.js";

/** The languages catalogue names and help texts are written in (as the site's and the agents'). */
export type CatalogLanguage = "id" | "en";

/** Every catalogue language, in the order a missing translation falls back through. */
export const CATALOG_LANGUAGES: readonly CatalogLanguage[] = Object.freeze(["id", "en"]);

/** Most characters of a name, counted as both databases count them (code points). */
export const NAME_MAX = 120;
/** Most characters of a help text, counted as both databases count them (code points). */
export const HELP_MAX = 500;

/** A service's or category's name and help text in one language. */
export interface LocalizedText {
  language: CatalogLanguage;
  name: string;
  help: string | null;
}

/** The kinds of catalogue entry an admin retires and reorders. */
export enum CatalogKind {
  SERVICE = "SERVICE",
  CATEGORY = "CATEGORY",
  GROUP = "GROUP",
}

/** A support level a group may work at: 1 service desk, 2 second line, 3 specialists (seed 002). */
export const GROUP_LEVELS: readonly number[] = Object.freeze([1, 2, 3]);

/** Whether a value is a catalogue language. */
export function isCatalogLanguage(value: unknown): value is CatalogLanguage {
  return value === "id" || value === "en";
}

/** Characters as MySQL's utf8mb4 VARCHAR counts them (code points, not UTF-16 units). */
function chars(s: string): number {
  return [...s].length;
}

/**
 * The text in the reader's language, else in the other one, so a reader never gets nothing
 * while some translation exists. Null only for an item without any name.
 */
export function localize(texts: readonly LocalizedText[], language: CatalogLanguage): LocalizedText | null {
  return texts.find((t) => t.language === language) ?? CATALOG_LANGUAGES.map((l) => texts.find((t) => t.language === l)).find((t) => t) ?? null;
}

/** Names as given (trimmed, blank help as null), languages in catalogue order. */
export function cleanTexts(given: readonly { language: string; name: string; help?: string | null }[]): LocalizedText[] {
  return given
    .map((t) => ({ language: t.language as CatalogLanguage, name: t.name.trim(), help: t.help?.trim() ? t.help.trim() : null }))
    .sort((a, b) => CATALOG_LANGUAGES.indexOf(a.language) - CATALOG_LANGUAGES.indexOf(b.language));
}

/**
 * Every problem with a set of names, each naming its field (`names[1].name`): at least one
 * name, each language once and one of {@link CATALOG_LANGUAGES}, names 1–120 characters,
 * help at most 500.
 */
export function textProblems(given: readonly { language: string; name: string; help?: string | null }[]): FieldProblem[] {
  if (!given.length) return [{ field: "names", message: `Give a name in at least one language (${CATALOG_LANGUAGES.join(" or ")}).` }];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  given.forEach((t, i) => {
    if (!isCatalogLanguage(t.language)) problems.push({ field: `names[${i}].language`, message: `language must be ${CATALOG_LANGUAGES.join(" or ")}, got "${t.language}".` });
    else if (seen.has(t.language)) problems.push({ field: `names[${i}].language`, message: `"${t.language}" is given twice; give each language once.` });
    seen.add(t.language);
    const name = t.name.trim();
    if (!name || chars(name) > NAME_MAX) problems.push({ field: `names[${i}].name`, message: `The name is required, at most ${NAME_MAX} characters (got ${chars(name)}).` });
    if (t.help && chars(t.help.trim()) > HELP_MAX) problems.push({ field: `names[${i}].help`, message: `The help text is at most ${HELP_MAX} characters (got ${chars(t.help.trim())}).` });
  });
  return problems;
}

/**
 * How names compare for uniqueness: case and accents ignored, as MySQL's default collation
 * compares them, so both databases refuse the same clashes.
 */
export function nameKey(name: string): string {
  return name.trim().normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** An item's names as the uniqueness rule sees them. */
export interface NamedItem {
  id: string;
  texts: readonly LocalizedText[];
}

/** The first of `texts` another item already uses in the same language, with the index it was given at. */
export function nameClash(texts: readonly LocalizedText[], others: readonly NamedItem[], selfId: string | null): { index: number; text: LocalizedText } | null {
  for (const [index, text] of texts.entries()) {
    const taken = others.some((o) => o.id !== selfId && o.texts.some((t) => t.language === text.language && nameKey(t.name) === nameKey(text.name)));
    if (taken) return { index, text };
  }
  return null;
}

/** A category as the tree rule sees it. */
export interface TreeNode {
  id: string;
  parentId: string | null;
  retired: boolean;
}

/**
 * Why a category may not sit under `parentId`, or null when it may. The tree is one level deep
 * (seed 002, table 2: Hardware › Server): a parent is a top-level category that is not retired,
 * a category is not its own parent, and one with children stays at the top.
 */
export function parentProblem(selfId: string | null, parentId: string | null, categories: readonly TreeNode[]): string | null {
  if (parentId === null) return null;
  if (parentId === selfId) return "A category cannot be its own parent.";
  const parent = categories.find((c) => c.id === parentId);
  if (!parent) return "parentId is not a category of this site.";
  if (parent.parentId !== null) return "The category tree is one level deep: the parent must be a top-level category.";
  if (parent.retired) return "The parent category is retired.";
  if (selfId && categories.some((c) => c.parentId === selfId)) return "This category has sub-categories, so it stays at the top level.";
  return null;
}

/**
 * Why `ids` is not a new order of `siblings`, or null when it is: each sibling exactly once, no
 * stranger, so no position is left to guess.
 */
export function reorderProblem(ids: readonly string[], siblings: readonly string[]): string | null {
  const given = new Set(ids);
  if (given.size !== ids.length) return "ids lists an item twice.";
  const strangers = ids.filter((id) => !siblings.includes(id));
  if (strangers.length) return `ids holds ${strangers.length === 1 ? "an id that is" : `${strangers.length} ids that are`} not among the items reordered: ${strangers.join(", ")}.`;
  const missing = siblings.filter((id) => !given.has(id));
  if (missing.length) return `ids must list every one of the ${siblings.length} items, retired ones too; missing: ${missing.join(", ")}.`;
  return null;
}

/** Every problem with a support group's name and level. */
export function groupProblems(name: string, level: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!name.trim() || chars(name.trim()) > NAME_MAX) problems.push({ field: "name", message: `The name is required, at most ${NAME_MAX} characters.` });
  if (!GROUP_LEVELS.includes(level)) problems.push({ field: "level", message: `level must be ${GROUP_LEVELS.join(", ")}, got ${level}.` });
  return problems;
}

/** Why a group may not be retired now (naming how many hold it), or null when it may. */
export function groupRetireProblem(openTickets: number, activeAgents: number): string | null {
  if (!openTickets && !activeAgents) return null;
  const held = [openTickets ? `${openTickets} open ticket${openTickets === 1 ? "" : "s"}` : "", activeAgents ? `${activeAgents} active agent${activeAgents === 1 ? "" : "s"}` : ""];
  return `The group still has ${held.filter(Boolean).join(" and ")}: move them to another group first.`;
}

/** Why a top-level category may not be retired while it has sub-categories in use, or null. */
export function categoryRetireProblem(activeChildren: number): string | null {
  return activeChildren ? `The category has ${activeChildren} sub-categor${activeChildren === 1 ? "y" : "ies"} in use: retire or move them first.` : null;
}

/**
 * The ticket types a site's catalogue opens, in the enum's order: INCIDENT always (a report
 * without a service is one), the others where some service, retired or not, carries them (old
 * tickets keep theirs). What the desk's type filter offers.
 */
export function catalogTicketTypes(services: readonly { ticketType: TicketType }[]): TicketType[] {
  const used = new Set<TicketType>([TicketType.INCIDENT, ...services.map((s) => s.ticketType)]);
  return Object.values(TicketType).filter((t) => used.has(t));
}
