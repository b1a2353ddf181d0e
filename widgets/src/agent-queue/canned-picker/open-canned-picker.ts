import type { Endpoint } from "../../client/http.js";
import { openComposerPicker } from "../composer-picker.js";
import type { SigapCannedPicker } from "./canned-picker.component.js";

/**
 * Opens the canned-response picker for the composer form `button` sits in, writing into the
 * form's text area. The composer's one line calls this through a dynamic import, so the picker
 * loads only when first asked for.
 */
export function openCannedPicker(button: HTMLElement, target: Endpoint, ticketId: string, theme: string): SigapCannedPicker | null {
  return openComposerPicker(button, "sigap-canned-picker", { target, ticketId }, theme);
}
