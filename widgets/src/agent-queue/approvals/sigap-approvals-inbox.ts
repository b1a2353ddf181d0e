import { SigapApprovalsInbox } from "./approvals-inbox.component.js";

export { SigapApprovalsInbox };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-approvals-inbox")) customElements.define("sigap-approvals-inbox", SigapApprovalsInbox);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-approvals-inbox": SigapApprovalsInbox;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-approvals-close": CustomEvent<null>;
  }
}
