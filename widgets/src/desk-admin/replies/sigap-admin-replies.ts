import { SigapAdminReplies } from "./replies-section.component.js";

export { SigapAdminReplies };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-replies")) customElements.define("sigap-admin-replies", SigapAdminReplies);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-replies": SigapAdminReplies;
  }
}
