/**
 * A ticket code spelled for screen readers and phone calls: every digit on its own, the
 * dot-separated groups (unit . date . sequence) named, e.g. "0 1, dot, 1 8 0 7 2 0 1 9, dot, 0 0 3".
 * Read as a number, "18072019" would come out as eighteen million….
 */
export function spellTicketCode(code: string, dotWord: string): string {
  return code
    .split(".")
    .map((group) => [...group].join(" "))
    .join(`, ${dotWord}, `);
}
