/**
 * An article's body as the widgets show it: plain text split into paragraphs at blank lines and
 * into lines within them. Never HTML: each piece is rendered as text, so an article cannot carry
 * markup or script into the page.
 */

/** The paragraphs of a body, each a list of its lines, blank ones dropped. */
export function paragraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").map((l) => l.trim()).filter(Boolean))
    .filter((p) => p.length > 0);
}
