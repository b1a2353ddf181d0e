import { SigapArticlePicker, type SigapArticleInsertDetail, type TicketText } from "./article-picker.component.js";
import { openArticlePicker } from "./open-article-picker.js";

export { openArticlePicker, SigapArticlePicker, type SigapArticleInsertDetail, type TicketText };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
if (!customElements.get("sigap-article-picker")) customElements.define("sigap-article-picker", SigapArticlePicker);

declare global {
  interface HTMLElementTagNameMap {
    "sigap-article-picker": SigapArticlePicker;
  }
  interface GlobalEventHandlersEventMap {
    "sigap-article-insert": CustomEvent<SigapArticleInsertDetail>;
  }
}
