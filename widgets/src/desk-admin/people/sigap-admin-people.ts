import { SigapAdminPeople } from "./people-section.component.js";

export { SigapAdminPeople };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-people")) customElements.define("sigap-admin-people", SigapAdminPeople);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-people": SigapAdminPeople;
  }
}
