import { SigapAdminSite } from "./site-section.component.js";

export { SigapAdminSite };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-site")) customElements.define("sigap-admin-site", SigapAdminSite);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-site": SigapAdminSite;
  }
}
