import { SigapAdminCatalog } from "./catalog-section.component.js";

export { SigapAdminCatalog };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-catalog")) customElements.define("sigap-admin-catalog", SigapAdminCatalog);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-catalog": SigapAdminCatalog;
  }
}
