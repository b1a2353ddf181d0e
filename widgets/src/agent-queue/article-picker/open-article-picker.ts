import type { Endpoint } from "../../client/http.js";
import { langAround } from "../canned-picker/open-canned-picker.js";
import type { SigapArticlePicker, TicketText } from "./article-picker.component.js";

/**
 * Opens the article picker for the composer form `button` sits in: one picker per form, placed
 * before the form's button row, writing into the form's text area. The composer calls this
 * through a dynamic import, so the picker loads only when first asked for.
 */
export function openArticlePicker(button: HTMLElement, target: Endpoint, ticket: TicketText, theme: string): SigapArticlePicker | null {
  const form = button.closest("form");
  const field = form?.querySelector("textarea");
  if (!form || !field) return null;
  let picker = form.querySelector("sigap-article-picker");
  if (picker) {
    Object.assign(picker, { target, ticket, field });
    picker.reopen();
    return picker;
  }
  picker = document.createElement("sigap-article-picker");
  Object.assign(picker, { target, ticket, field });
  picker.setAttribute("lang", langAround(form));
  picker.setAttribute("theme", theme);
  (button.closest(".row") ?? button).before(picker);
  return picker;
}
