import { SigapAdminFields } from "./fields-section.component.js";

export { SigapAdminFields };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-fields")) customElements.define("sigap-admin-fields", SigapAdminFields);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-fields": SigapAdminFields;
  }
}
