/** A fresh idempotency key for one report or one logging dialog: a retry or a double click sends the same one. */
// randomUUID needs a secure context; a plain-http intranet page still deserves a key.
export const newKey = (): string =>
  crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
