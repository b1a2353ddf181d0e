import { SigapAdminCalendar } from "./calendar.component.js";
import { SigapAdminLadder } from "./ladder.component.js";
import { SigapAdminPolicy } from "./policy.component.js";
import { SigapAdminSla } from "./sla-section.component.js";

export { SigapAdminCalendar, SigapAdminLadder, SigapAdminPolicy, SigapAdminSla };

// Guarded so a page that loads the script twice (or two bundles of it) does not throw.
for (const [tag, element] of [
  ["sigap-admin-sla", SigapAdminSla],
  ["sigap-admin-policy", SigapAdminPolicy],
  ["sigap-admin-ladder", SigapAdminLadder],
  ["sigap-admin-calendar", SigapAdminCalendar],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    "sigap-admin-sla": SigapAdminSla;
    "sigap-admin-policy": SigapAdminPolicy;
    "sigap-admin-ladder": SigapAdminLadder;
    "sigap-admin-calendar": SigapAdminCalendar;
  }
}
