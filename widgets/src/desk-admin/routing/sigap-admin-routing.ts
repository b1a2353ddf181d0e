import { SigapAdminRouting } from "./routing-section.component.js";

export { SigapAdminRouting };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-routing")) customElements.define("sigap-admin-routing", SigapAdminRouting);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-routing": SigapAdminRouting;
  }
}
