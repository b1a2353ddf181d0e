import { SigapAgentSignIn, type SigapSignedInDetail } from "./sign-in.component.js";

export { SigapAgentSignIn, type SigapSignedInDetail };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-agent-sign-in")) customElements.define("sigap-agent-sign-in", SigapAgentSignIn);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-agent-sign-in": SigapAgentSignIn;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-signed-in": CustomEvent<SigapSignedInDetail>;
  }
}
