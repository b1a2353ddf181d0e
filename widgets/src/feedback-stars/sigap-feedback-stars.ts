import type { SigapErrorDetail } from "../shared/error-detail.js";
import { SigapFeedbackStars, type FeedbackDetail } from "./feedback-stars.component.js";

export { SigapFeedbackStars };
export type { FeedbackDetail, FeedbackGiven, FeedbackRating, FeedbackStateValue } from "./feedback-stars.component.js";

// A page may load the script twice (two snippets, or npm plus a CDN); defining twice would throw.
if (!customElements.get("sigap-feedback-stars")) customElements.define("sigap-feedback-stars", SigapFeedbackStars);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-feedback-stars": SigapFeedbackStars;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-feedback": CustomEvent<FeedbackDetail>;
    "sigap-error": CustomEvent<SigapErrorDetail>;
  }
}
