import type { SigapErrorDetail } from "../shared/error-detail.js";
import { SigapKnowledgeBase } from "./knowledge-base.component.js";

export { SigapKnowledgeBase };

// A page may load the script twice (two snippets, or npm plus a CDN); defining twice would throw.
if (!customElements.get("sigap-knowledge-base")) customElements.define("sigap-knowledge-base", SigapKnowledgeBase);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-knowledge-base": SigapKnowledgeBase;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-error": CustomEvent<SigapErrorDetail>;
  }
}
