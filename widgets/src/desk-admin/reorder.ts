/**
 * Moving one entry of an edited list (approval steps, routing rules): the sections keep their
 * drafts as arrays and the gateway takes them in the order given.
 */

/** A copy of `list` with the entry at `at` swapped with its neighbour `by` away; the same order when that neighbour does not exist. */
export function moved<T>(list: readonly T[], at: number, by: -1 | 1): T[] {
  const copy = [...list];
  const to = at + by;
  if (at < 0 || at >= copy.length || to < 0 || to >= copy.length) return copy;
  [copy[at], copy[to]] = [copy[to]!, copy[at]!];
  return copy;
}

/** A copy of `list` with the entry at `at` replaced by `change` applied to it. */
export function edited<T extends object>(list: readonly T[], at: number, change: Partial<T>): T[] {
  return list.map((e, i) => (i === at ? { ...e, ...change } : e));
}
