/**
 * An approval chain as both surfaces show it: each step with who approves and how many must,
 * where it stands, and every decision with its approver, time and reason. The desk also sees
 * whom a step waits for (the gateway sends no names to the tracker); the tracker adds the
 * document's link once approved. A step nobody it names could decide says whom the gateway sent
 * it to instead (`fallbackRole`: the site's managers, then its administrators); a request
 * withdrawn or cancelled before its decision reads WITHDRAWN, chain and undecided steps alike.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { ApprovalChainFieldsFragment, Role } from "../../client/generated.js";
import type { LocaleController } from "../locale.js";
import { approvalMessages, type ApprovalKey } from "./approval.messages.js";

/** The words saying whom a step fell back to (the gateway asks only MANAGERs, then ADMINs); null when it did not. */
export function fallbackKey(role: Role | null): ApprovalKey | null {
  if (!role) return null;
  return role === "MANAGER" ? "fallback.MANAGER" : "fallback.ADMIN";
}

/** Draws a chain; `documentHref` is the document's full link once approved (null: none shown). */
export function renderApprovalChain(lc: LocaleController, chain: ApprovalChainFieldsFragment, documentHref: string | null): TemplateResult {
  const t = (key: ApprovalKey, values?: Record<string, string | number>): string => lc.t(approvalMessages, key, values);
  return html`<section part="approval" class="panel" aria-labelledby="approval-title">
    <h3 id="approval-title">${t("title")}: ${t(`state.${chain.state}`)}</h3>
    <ol class="steps">
      ${chain.steps.map(
        (s) => html`<li part="approval-step" class="step ${s.state}" aria-current=${chain.currentStep === s.position ? "step" : "false"}>
          <strong>${t("step", { n: s.position, who: s.label[lc.lang] })}</strong> <span class="muted">(${t(`rule.${s.rule}`)})</span>
          <span class="badge">${t(`state.${s.state}`)}</span>
          ${fallbackNote(t, fallbackKey(s.fallbackRole))}
          ${s.approvers.length ? html`<p class="meta">${t("approvers", { names: s.approvers.join(", ") })}</p>` : nothing}
          ${s.decisions.map(
            (d) => html`<p class="meta">${t(`d.${d.decision}`, { who: d.approverName })} · <time datetime=${d.at}>${lc.dateTime(d.at)}</time></p>
              ${d.reason ? html`<p class="msg">${d.reason}</p>` : nothing}`,
          )}
        </li>`,
      )}
    </ol>
    ${chain.validUntil ? html`<p class="meta">${t("validUntil", { at: lc.dateTime(chain.validUntil) })}</p>` : nothing}
    ${documentHref ? html`<p><a part="approval-document" href=${documentHref} rel="noopener noreferrer" download>${t("document")}</a></p>` : nothing}
  </section>`;
}

function fallbackNote(t: (key: ApprovalKey) => string, key: ApprovalKey | null): TemplateResult | typeof nothing {
  return key ? html`<p part="approval-fallback" class="meta">${t(key)}</p>` : nothing;
}
