import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from "lit";
import { DecideApproval, MyApprovals } from "../../client/approval.operations.js";
import type { ApprovalDecision, MyApprovalsQuery } from "../../client/generated.js";
import { request, type Endpoint } from "../../client/http.js";
import { renderApprovalChain } from "../../shared/approval/approval-chain.js";
import { approvalMessages, type ApprovalKey } from "../../shared/approval/approval.messages.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { ticketStyles } from "../../shared/ticket.styles.js";
import { notify } from "../desk-parts.js";
import { indonesian } from "../agent-queue.messages.js";
import { decisionInput } from "./approvals-inbox.rules.js";
import { approvalsInboxStyles } from "./approvals-inbox.styles.js";
import { sheetStyles } from "../sheet.styles.js";

/** One request waiting for the agent's decision. */
type Pending = MyApprovalsQuery["myApprovals"][number];

/**
 * The approvers' inbox (seed 004: the supervisor sees which requests to approve): the requests
 * whose current approval step waits for the signed-in agent, each with its chain, and an approve
 * or reject form (a rejection needs a reason, which the requester reads). Who may decide is the
 * gateway's rule (`myApprovals`, `decideApproval`); its refusals are shown in its words. Loaded by
 * the queue's views bar when "Approvals" is first pressed.
 *
 * @summary The agent queue's approvals inbox (an internal part of `<sigap-agent-queue>`).
 * @tagname sigap-approvals-inbox
 *
 * @csspart dialog - The dialog.
 * @csspart request - One request waiting for a decision.
 * @csspart approval - Its approval chain.
 * @csspart approval-fallback - A step's note that nobody it named could decide, so the site's managers (or administrators) were asked.
 * @csspart decision - The approve or reject form.
 * @csspart error - Why a read or a decision failed.
 *
 * @fires {CustomEvent<null>} sigap-approvals-close - The dialog closed.
 */
export class SigapApprovalsInbox extends LitElement {
  static override styles = [themeStyles, ticketStyles, sheetStyles, approvalsInboxStyles];

  static override properties: PropertyDeclarations = {
    items: { state: true, attribute: false },
    deciding: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    note: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    token: {},
    endpoint: {},
    theme: { reflect: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private items: Pending[] | null = null;
  /** The request and decision whose form is open. */
  private deciding: { id: string; decision: ApprovalDecision } | null = null;
  private problem = "";
  private note = "";
  private busy = false;

  /** The agent's bearer token. */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** `light`, `dark` or `auto`, as the queue's. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private t(key: ApprovalKey, values?: Record<string, string | number>): string {
    return this.lc.t(approvalMessages, key, values);
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector("dialog")?.showModal();
    void this.load();
  }

  /** Reads the requests waiting for the agent again. */
  async load(): Promise<void> {
    try {
      this.items = (await request(this.target, MyApprovals, {})).myApprovals;
    } catch (error) {
      this.problem = problemText(this.lc, error);
    }
  }

  private async handleDecide(e: SubmitEvent, item: Pending, decision: ApprovalDecision): Promise<void> {
    e.preventDefault();
    this.busy = true;
    this.problem = "";
    try {
      await request(this.target, DecideApproval, { ticketId: item.id, input: decisionInput(decision, new FormData(e.target as HTMLFormElement).get("reason")) });
      this.deciding = null;
      this.note = this.t("decided", { code: item.code });
      await this.load();
    } catch (error) {
      this.problem = problemText(this.lc, error);
    } finally {
      this.busy = false;
    }
  }

  private renderDecision(item: Pending, decision: ApprovalDecision): TemplateResult {
    const reject = decision === "REJECT";
    return html`<form part="decision" novalidate @submit=${(e: SubmitEvent) => this.handleDecide(e, item, decision)}>
      <p><strong>${this.t(reject ? "confirmReject" : "confirmApprove", { code: item.code })}</strong></p>
      <label>${this.t(reject ? "reason" : "note")}
        <textarea name="reason" rows="3" maxlength="2000" ?required=${reject} aria-describedby="reason-help"></textarea></label>
      ${reject ? html`<p id="reason-help" class="meta">${this.t("reasonHelp")}</p>` : nothing}
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${this.t(reject ? "reject" : "approve")}</button>
        <button type="button" class="secondary" @click=${() => (this.deciding = null)}>${this.t("cancel")}</button>
      </div>
    </form>`;
  }

  private renderItem(item: Pending): TemplateResult {
    const open = this.deciding?.id === item.id ? this.deciding.decision : null;
    return html`<li part="request" class="panel">
      <h3><span class="code">${item.code}</span></h3>
      <p class="meta">${this.t("requestedBy", { name: item.reporterName, at: this.lc.dateTime(item.createdAt) })}</p>
      <p class="msg">${item.description}</p>
      ${item.approval ? renderApprovalChain(this.lc, item.approval, null) : nothing}
      ${open
        ? this.renderDecision(item, open)
        : html`<div class="row">
            <button type="button" @click=${() => (this.deciding = { id: item.id, decision: "APPROVE" })}>${this.t("approve")}</button>
            <button type="button" class="secondary" @click=${() => (this.deciding = { id: item.id, decision: "REJECT" })}>${this.t("reject")}</button>
          </div>`}
    </li>`;
  }

  override render(): TemplateResult {
    const items = this.items;
    return html`<dialog part="dialog" aria-labelledby="inbox-title" @close=${() => notify<null>(this, "sigap-approvals-close", null)}>
      <div class="row"><h2 id="inbox-title">${this.t("inbox")}</h2>
        <button type="button" class="secondary" @click=${() => this.renderRoot.querySelector("dialog")?.close()}>${this.t("close")}</button></div>
      ${this.problem ? html`<p part="error" class="error" role="alert">${this.problem}</p>` : nothing}
      <p role="status">${this.note}</p>
      ${items === null ? html`<p class="muted">${this.t("loading")}</p>` : items.length ? html`<ul>${items.map((i) => this.renderItem(i))}</ul>` : html`<p class="muted">${this.t("none")}</p>`}
    </dialog>`;
  }
}
