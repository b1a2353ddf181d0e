import type { Endpoint } from "../../client/http.js";
import type { SigapCannedPicker } from "./canned-picker.component.js";

/** The language asked for around an element, looking past the shadow roots it sits in. */
export function langAround(el: Element): string {
  for (let node: Element | null = el; node; node = (node.getRootNode() as ShadowRoot).host ?? null) {
    const tagged = node.closest("[lang]");
    if (tagged) return tagged.getAttribute("lang") ?? "";
  }
  return document.documentElement.lang;
}

/**
 * Opens the canned-response picker for the composer form `button` sits in: one picker per form,
 * placed before the form's button row, writing into the form's text area. The composer's one
 * line calls this through a dynamic import, so the picker loads only when first asked for.
 */
export function openCannedPicker(button: HTMLElement, target: Endpoint, ticketId: string, theme: string): SigapCannedPicker | null {
  const form = button.closest("form");
  const field = form?.querySelector("textarea");
  if (!form || !field) return null;
  let picker = form.querySelector("sigap-canned-picker");
  if (picker) {
    Object.assign(picker, { target, ticketId, field });
    picker.reopen();
    return picker;
  }
  picker = document.createElement("sigap-canned-picker");
  Object.assign(picker, { target, ticketId, field });
  picker.setAttribute("lang", langAround(form));
  picker.setAttribute("theme", theme);
  (button.closest(".row") ?? button).before(picker);
  return picker;
}
