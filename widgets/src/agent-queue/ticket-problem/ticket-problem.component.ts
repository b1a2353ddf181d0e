import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { ChangeProblemStatus, LinkIncident, RaiseProblem, ResolveProblem, SimilarIncidentList, TicketProblem, UnlinkIncident, UpdateProblem } from "../../client/problems.operations.js";
import { request, type Endpoint } from "../../client/http.js";
import { defaultEndpoint } from "../../shared/endpoint.js";
import { LocaleController } from "../../shared/locale.js";
import { problemText } from "../../shared/problem-text.js";
import { themeStyles } from "../../shared/theme.styles.js";
import { reportAuth, type Detail } from "../desk-parts.js";
import { indonesian, problemPartMessages, type ProblemPartKey } from "./ticket-problem.messages.js";
import { ProblemDataController } from "./problem-data.controller.js";
import { type LinkedProblem, renderManage } from "./problem-manage.js";
import { ticketProblemStyles } from "./ticket-problem.styles.js";

/**
 * The ticket's problem side, in the ticket view's side panel: "N similar incidents in the last 7
 * days" (opening their list), "Raise a problem" (a dialog pre-filled with them to tick), linking
 * to an open problem, and, once linked, the problem's code, status and workaround with Unlink and,
 * for supervisors and up, its handling (problem-manage.ts).
 * What it offers is what the gateway allows (`myDeskActions`, `Problem.allowedActions`).
 *
 * @summary A ticket's similar incidents and problem, for service desk agents.
 * @tagname sigap-ticket-problem
 *
 * @csspart problem - The part's section.
 * @csspart similar - The similar incidents' button and list.
 * @csspart workaround - The linked problem's workaround.
 * @csspart manage - The linked problem's handling (root cause, workaround, status, resolve).
 * @csspart raise-dialog - The dialog raising a problem.
 * @csspart error - What went wrong.
 */
export class SigapTicketProblem extends LitElement {
  static override styles = [themeStyles, ticketProblemStyles];

  static override properties: PropertyDeclarations = {
    ticket: { attribute: false },
    token: {},
    endpoint: {},
    theme: { reflect: true },
    listOpen: { state: true },
    raising: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  private readonly lc = new LocaleController(this, indonesian);
  private readonly data = new ProblemDataController(this, {
    load: (id) => request(this.target, TicketProblem, { id }),
    similar: async (id) => (await request(this.target, SimilarIncidentList, { id })).similarIncidents,
    failed: (error) => (reportAuth(this, error) ? "" : problemText(this.lc, error)),
  });

  /** The ticket shown by the view; each newer state of it reads the problem side again. */
  ticket: Detail | null = null;
  /** The agent's bearer token. */
  token = "";
  /** The gateway's GraphQL URL. @default the /graphql of the origin the script came from */
  endpoint = "";
  /** `light`, `dark`, or `auto` to follow the reader's system. @default light */
  theme: "light" | "dark" | "auto" | undefined;

  private listOpen = false;
  /** Whether the raise dialog is on the page (only while open, so its words are not in the view otherwise). */
  private raising = false;
  private busy = false;
  private error = "";

  private get target(): Endpoint {
    return { url: this.endpoint || defaultEndpoint(import.meta.url), token: this.token };
  }

  private t(key: ProblemPartKey, values?: Record<string, string | number>): string {
    return this.lc.t(problemPartMessages, key, values);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("ticket") && this.ticket) {
      if (this.ticket.id !== (changed.get("ticket") as Detail | null | undefined)?.id) this.listOpen = this.raising = false;
      this.data.follow(this.ticket.id);
    }
  }

  /** Runs a change, then reads the problem side again; its failure shows in the part. */
  private async send(work: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = "";
    try {
      await work();
      this.data.refresh();
      return true;
    } catch (error) {
      this.error = reportAuth(this, error) ? "" : problemText(this.lc, error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async handleToggleList(): Promise<void> {
    this.listOpen = !this.listOpen;
    if (this.listOpen) await this.data.listSimilar();
  }

  private async handleOpenRaise(): Promise<void> {
    await this.data.listSimilar();
    this.error = "";
    this.raising = true;
    await this.updateComplete;
    this.renderRoot.querySelector("dialog")?.showModal();
  }

  private async handleRaise(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const fields = new FormData(form);
    const input = { title: String(fields.get("title") ?? ""), description: String(fields.get("description") ?? ""), ticketIds: fields.getAll("ticket").map(String) };
    if (await this.send(() => request(this.target, RaiseProblem, { input }))) form.closest("dialog")?.close();
  }

  private handleLink(): void {
    const problemId = this.renderRoot.querySelector<HTMLSelectElement>("select[name=problem]")?.value;
    const ticketId = this.ticket?.id;
    if (problemId && ticketId) void this.send(() => request(this.target, LinkIncident, { problemId, ticketId }));
  }

  private renderLinked(p: LinkedProblem, ticketId: string): TemplateResult {
    return html`<p>${this.t("linked", { code: p.code, status: this.t(p.status), title: p.title })}</p>
      ${p.workaround ? html`<p part="workaround">${this.t("workaround", { text: p.workaround })}</p>` : nothing}
      ${p.allowedActions.includes("UNLINK_INCIDENT")
        ? html`<button type="button" class="secondary" ?disabled=${this.busy}
            @click=${() => this.send(() => request(this.target, UnlinkIncident, { problemId: p.id, ticketId }))}>${this.t("unlink")}</button>`
        : nothing}
      ${renderManage(p, (k) => this.t(k), this.busy, {
        update: (input) => void this.send(() => request(this.target, UpdateProblem, { id: p.id, input })),
        move: (status) => void this.send(() => request(this.target, ChangeProblemStatus, { id: p.id, status })),
        resolve: (input) => void this.send(() => request(this.target, ResolveProblem, { id: p.id, input })),
      })}`;
  }

  private renderRaiseDialog(code: string, ticketId: string): TemplateResult {
    const d = this.ticket;
    return html`<dialog part="raise-dialog" aria-labelledby="raise-title" @close=${() => (this.raising = false)}>
      <form @submit=${this.handleRaise}>
        <h3 id="raise-title">${this.t("raise")}</h3>
        <label>${this.t("title")}<input type="text" name="title" required .value=${d?.problemType ?? ""} /></label>
        <label>${this.t("description")}<textarea name="description" required rows="3" .value=${d?.description ?? ""}></textarea></label>
        <fieldset>
          <legend>${this.t("incidents")}</legend>
          <label><input type="checkbox" name="ticket" value=${ticketId} checked />${this.t("thisTicket", { code })}</label>
          ${(this.data.list?.tickets ?? []).map((s) => html`<label><input type="checkbox" name="ticket" value=${s.id} checked />${s.code}${s.problemType ? ` — ${s.problemType}` : ""}</label>`)}
        </fieldset>
        <p part="error" class="error" role="alert">${this.error}</p>
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${this.t("send")}</button>
          <button type="button" class="secondary" @click=${(e: Event) => (e.currentTarget as HTMLElement).closest("dialog")?.close()}>${this.t("cancel")}</button>
        </div>
      </form>
    </dialog>`;
  }

  override render(): TemplateResult {
    const s = this.data.state;
    const ticket = this.ticket;
    if (!s || !ticket) return html`<p class="muted" role="status">${this.data.problem || this.t("loading")}</p>`;
    const n = s.ticket.similarIncidentCount;
    const mayRaise = s.myDeskActions.includes("RAISE_PROBLEM");
    const open = s.problems.edges.map((e) => e.node);
    return html`<section part="problem" aria-labelledby="problem-title">
      <h3 id="problem-title">${this.t("label")}</h3>
      ${s.ticket.problem
        ? this.renderLinked(s.ticket.problem, ticket.id)
        : html`${n
              ? html`<button part="similar" type="button" class="secondary" aria-expanded=${this.listOpen ? "true" : "false"} @click=${this.handleToggleList}>
                  ${n === 1 ? this.t("similarOne") : this.t("similar", { n })}</button>`
              : html`<p class="muted">${this.t("noSimilar")}</p>`}
            ${this.listOpen && this.data.list
              ? html`<ul part="similar">${this.data.list.tickets.map((t) => html`<li>${t.code}${t.problemType ? ` — ${t.problemType}` : ""}</li>`)}</ul>`
              : nothing}
            ${mayRaise
              ? html`<div class="row">
                  <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.handleOpenRaise}>${this.t("raise")}</button>
                  ${open.length
                    ? html`<label>${this.t("linkTo")} <select name="problem">${open.map((p) => html`<option value=${p.id}>${p.code} — ${p.title}</option>`)}</select></label>
                        <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.handleLink}>${this.t("link")}</button>`
                    : nothing}
                </div>`
              : nothing}
            ${mayRaise && this.raising ? this.renderRaiseDialog(ticket.code, ticket.id) : nothing}`}
      <p part="error" class="error" role="alert">${this.error || this.data.problem}</p>
    </section>`;
  }
}
