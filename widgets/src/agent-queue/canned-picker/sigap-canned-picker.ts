import { SigapCannedPicker, type SigapCannedInsertDetail } from "./canned-picker.component.js";
import { openCannedPicker } from "./open-canned-picker.js";

export { openCannedPicker, SigapCannedPicker, type SigapCannedInsertDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-canned-picker")) customElements.define("sigap-canned-picker", SigapCannedPicker);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-canned-picker": SigapCannedPicker;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-canned-insert": CustomEvent<SigapCannedInsertDetail>;
  }
}
