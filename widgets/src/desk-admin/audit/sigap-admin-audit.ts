import { SigapAdminAudit } from "./audit-section.component.js";

export { SigapAdminAudit };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-audit")) customElements.define("sigap-admin-audit", SigapAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-audit": SigapAdminAudit;
  }
}
