/** What the queue's search box does with a key and what it says about the results. */

/** How long typing pauses before the search runs, in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 300;

/** What a key press in the search box does: search now, clear and search, or nothing special. */
export type SearchKeyAction = "now" | "clear" | null;

/** The action of a key in the search box (Enter searches at once, Escape clears). */
export function searchKeyAction(key: string): SearchKeyAction {
  return key === "Enter" ? "now" : key === "Escape" ? "clear" : null;
}

/** The term to send for what is typed: trimmed, "" for none. */
export function searchTerm(typed: string): string {
  return typed.trim();
}
