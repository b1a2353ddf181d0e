import { SigapAdminKnowledge } from "./knowledge-section.component.js";

export { SigapAdminKnowledge };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-knowledge")) customElements.define("sigap-admin-knowledge", SigapAdminKnowledge);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-knowledge": SigapAdminKnowledge;
  }
}
