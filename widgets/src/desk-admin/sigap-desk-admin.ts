import { SigapDeskAdmin, type SigapAdminChangeDetail, type SigapAdminTab } from "./desk-admin.component.js";

export { SigapDeskAdmin, type SigapAdminChangeDetail, type SigapAdminTab };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-desk-admin")) customElements.define("sigap-desk-admin", SigapDeskAdmin);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-desk-admin": SigapDeskAdmin;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-admin-change": CustomEvent<SigapAdminChangeDetail>;
  }
}
