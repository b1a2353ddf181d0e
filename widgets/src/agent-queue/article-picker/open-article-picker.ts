import type { Endpoint } from "../../client/http.js";
import { openComposerPicker } from "../composer-picker.js";
import type { SigapArticlePicker, TicketText } from "./article-picker.component.js";

/**
 * Opens the article picker for the composer form `button` sits in, writing into the form's text
 * area. The composer calls this through a dynamic import, so the picker loads only when first
 * asked for.
 */
export function openArticlePicker(button: HTMLElement, target: Endpoint, ticket: TicketText, theme: string): SigapArticlePicker | null {
  return openComposerPicker(button, "sigap-article-picker", { target, ticket }, theme);
}
