import { spliceText } from "./canned-picker/picker-keys.js";

/** A picker the composer opens under one of its forms (canned responses, articles). */
export interface ComposerPicker extends HTMLElement {
  /** Shows the picker again with its list read afresh. */
  reopen(): void;
}

/** The language asked for around an element, looking past the shadow roots it sits in. */
function langAround(el: Element): string {
  for (let node: Element | null = el; node; node = (node.getRootNode() as ShadowRoot).host ?? null) {
    const tagged = node.closest("[lang]");
    if (tagged) return tagged.getAttribute("lang") ?? "";
  }
  return document.documentElement.lang;
}

/**
 * Opens picker `tag` for the composer form `button` sits in: one picker of a kind per form,
 * placed before the form's button row, given `props` and the form's text area as `field`.
 */
export function openComposerPicker<K extends keyof HTMLElementTagNameMap>(button: HTMLElement, tag: K, props: Partial<HTMLElementTagNameMap[K]>, theme: string): HTMLElementTagNameMap[K] | null {
  const form = button.closest("form");
  const field = form?.querySelector("textarea");
  if (!form || !field) return null;
  let picker = form.querySelector(tag);
  if (picker) {
    Object.assign(picker, props, { field });
    (picker as unknown as ComposerPicker).reopen();
    return picker;
  }
  picker = document.createElement(tag);
  Object.assign(picker, props, { field });
  picker.setAttribute("lang", langAround(form));
  picker.setAttribute("theme", theme);
  (button.closest(".row") ?? button).before(picker);
  return picker;
}

/** Puts `text` into `field` in place of its selection, caret after it, and tells the form it changed. */
export function insertAtCursor(field: HTMLTextAreaElement | null, text: string): void {
  if (!field) return;
  const next = spliceText(field.value, field.selectionStart, field.selectionEnd, text);
  field.value = next.value;
  field.setSelectionRange(next.caret, next.caret);
  field.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
}
