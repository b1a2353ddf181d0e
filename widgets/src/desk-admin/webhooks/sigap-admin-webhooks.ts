import { SigapAdminWebhooks } from "./webhooks-section.component.js";

export { SigapAdminWebhooks };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-admin-webhooks")) customElements.define("sigap-admin-webhooks", SigapAdminWebhooks);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-webhooks": SigapAdminWebhooks;
  }
}
