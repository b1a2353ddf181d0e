import { SigapShortcutsHelp } from "./shortcuts-help.component.js";

export { SigapShortcutsHelp };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-shortcuts-help")) customElements.define("sigap-shortcuts-help", SigapShortcutsHelp);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-shortcuts-help": SigapShortcutsHelp;
  }
}
