/** The kinds of value whose lists are the gateway's, by name, each with its values. */
export function kindsFromSchema(sdl: string): Record<string, Set<string>>;
/** The copies of rules found in one source text. */
export function findRuleCopies(text: string, fileName: string, kinds: Record<string, Set<string>>): Array<{ line: number; what: string }>;
