/**
 * What of an e-mail reply is new: the quoted history mail clients append (Gmail's "On … wrote:",
 * its Indonesian "Pada … menulis:", Outlook's "-----Original Message-----" and "From: … Sent: …"
 * blocks, `>` lines) and the signature after "-- " are dropped. Pure, so the formats seen in the
 * wild can be written down as a table.
 */

// Gmail and Apple Mail wrap a long attribution over up to three lines.
const ATTRIBUTION_LINES = 3;
const ATTRIBUTION = /^(on|pada)\s.+\s(wrote|menulis|tulis)\s*:$/i;
const SEPARATOR = /^-{2,}\s*(original message|pesan asli|forwarded message|pesan yang diteruskan|pesan terusan)\s*-{2,}$/i;
const UNDERSCORES = /^_{10,}$/;
const HEADER_FROM = /^\*?(from|dari)\s*:\*?\s/i;
const HEADER_NEXT = /^\*?(sent|date|to|subject|dikirim|tanggal|kepada|perihal|subjek)\s*:\*?\s/i;
const SIGNATURE = /^--\s?$/;
const QUOTED = /^\s*>/;
const MOBILE = /^(sent from my .+|sent from .+ for (ios|android)|get outlook for .+|dikirim dari .+)$/i;

/** The new part of a plain-text reply: quoted history, `>` lines and the signature removed, blank edges trimmed. */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const cut = lines.findIndex((_, i) => startsHistory(lines, i));
  const kept = (cut < 0 ? lines : lines.slice(0, cut)).filter((l) => !QUOTED.test(l)).map((l) => l.trimEnd());
  while (kept.length && kept[kept.length - 1] === "") kept.pop();
  if (kept.length && MOBILE.test(kept[kept.length - 1]!.trim())) kept.pop();
  return kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

function startsHistory(lines: readonly string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (SIGNATURE.test(lines[i]!) || SEPARATOR.test(line) || UNDERSCORES.test(line)) return true;
  if (/^(on|pada)\s/i.test(line)) {
    for (let n = 1; n <= ATTRIBUTION_LINES && i + n <= lines.length; n++) {
      if (ATTRIBUTION.test(lines.slice(i, i + n).map((l) => l.trim()).join(" "))) return true;
    }
  }
  // Outlook's header block: "From:" followed closely by "Sent:", "To:" or "Subject:".
  return HEADER_FROM.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l.trim()));
}
