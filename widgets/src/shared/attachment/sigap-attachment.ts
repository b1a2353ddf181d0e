import { SigapAttachment } from "./attachment.component.js";

export { SigapAttachment };

// Guarded: the desk and the tracker both load it on demand, perhaps from two bundles on one page.
if (!customElements.get("sigap-attachment")) customElements.define("sigap-attachment", SigapAttachment);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-attachment": SigapAttachment;
  }
}
