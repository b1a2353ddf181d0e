import { SigapAdminAccess } from "./access-section.component.js";

export { SigapAdminAccess };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-access")) customElements.define("sigap-admin-access", SigapAdminAccess);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-access": SigapAdminAccess;
  }
}
