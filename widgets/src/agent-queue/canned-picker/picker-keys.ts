/** The picker's keyboard and text helpers, kept apart from the element so they are tested in Node. */

/** What a key does in the picker's search box. */
export type PickerMove = { kind: "move"; to: number } | { kind: "choose"; at: number } | { kind: "close" } | null;

/**
 * The listbox pattern's keys on the search box: arrows move the active option (wrapping), Home and
 * End go to the ends, Enter chooses the active one, Escape closes; any other key types.
 */
export function pickerKey(key: string, active: number, count: number): PickerMove {
  if (key === "Escape") return { kind: "close" };
  if (!count) return null;
  switch (key) {
    case "ArrowDown":
      return { kind: "move", to: (active + 1) % count };
    case "ArrowUp":
      return { kind: "move", to: (active - 1 + count) % count };
    case "Home":
      return { kind: "move", to: 0 };
    case "End":
      return { kind: "move", to: count - 1 };
    case "Enter":
      return { kind: "choose", at: Math.min(Math.max(active, 0), count - 1) };
    default:
      return null;
  }
}

/** Text with `inserted` put in place of the selection `start`…`end`, and where the caret goes after it. */
export function spliceText(value: string, start: number | null, end: number | null, inserted: string): { value: string; caret: number } {
  const from = Math.min(start ?? value.length, value.length);
  const to = Math.max(from, Math.min(end ?? from, value.length));
  return { value: value.slice(0, from) + inserted + value.slice(to), caret: from + inserted.length };
}
