import { SigapAdminApprovals } from "./approvals-section.component.js";

export { SigapAdminApprovals };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-approvals")) customElements.define("sigap-admin-approvals", SigapAdminApprovals);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-approvals": SigapAdminApprovals;
  }
}
