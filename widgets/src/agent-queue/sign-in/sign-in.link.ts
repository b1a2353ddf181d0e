/**
 * The sign-in part's dealings with the page, pure: the secret a reset or invitation link carries
 * in the address's hash, and the message the identity provider's popup posts back.
 */

/** The hash key reset and invitation mails put the secret under (see the gateway's sign-in.service.ts). */
export const LINK_KEY = "sigap-password";
/** The `type` of the popup's message (the gateway's oidc.routes.ts). */
export const POPUP_MESSAGE = "sigap-sign-in";

/** The secret of a reset or invitation link in a location hash (`#sigap-password=…`), or "". */
export function linkSecret(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, "")).get(LINK_KEY) ?? "";
}

/** The hash without the secret, to put back in the address bar once it is read (empty: no hash). */
export function withoutSecret(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.delete(LINK_KEY);
  const rest = params.toString();
  return rest ? `#${rest}` : "";
}

/** The popup's URL: the gateway's start URL and the origin the code is to be posted to. */
export function popupUrl(startUrl: string, origin: string): string {
  const url = new URL(startUrl);
  url.searchParams.set("origin", origin);
  return url.toString();
}

/** What the popup said; null for any message that is not the gateway's (another origin, another shape). */
export type PopupOutcome = { code: string } | { error: string } | null;

/** Reads a `message` event: only from the gateway's origin (the start URL's) and of the sign-in type. */
export function popupOutcome(event: { origin: string; data: unknown }, startUrl: string): PopupOutcome {
  if (event.origin !== new URL(startUrl).origin) return null;
  const d = event.data as { type?: unknown; code?: unknown; error?: unknown } | null;
  if (!d || typeof d !== "object" || d.type !== POPUP_MESSAGE) return null;
  if (typeof d.code === "string" && d.code) return { code: d.code };
  if (typeof d.error === "string" && d.error) return { error: d.error };
  return null;
}
