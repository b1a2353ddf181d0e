import { html, nothing, type TemplateResult } from "lit";
import type { ProblemResolveMode, ProblemStatus, TicketProblemQuery } from "../../client/generated.js";
import type { ProblemPartKey } from "./ticket-problem.messages.js";

/** The problem a ticket is linked to, as the part reads it. */
export type LinkedProblem = NonNullable<TicketProblemQuery["ticket"]["problem"]>;

/** What the manage forms send; the part runs each and reads the problem side again. */
export interface ManageHandlers {
  update(input: { rootCause: string; workaround: string }): void;
  move(status: ProblemStatus): void;
  resolve(input: { resolution: string; mode: ProblemResolveMode }): void;
}

const fields = (e: SubmitEvent): FormData => {
  e.preventDefault();
  return new FormData(e.currentTarget as HTMLFormElement);
};

/**
 * A supervisor's handling of the linked problem, inside the ticket view: root cause and
 * workaround, a move to one of its `nextStatuses`, and resolving it with one of its
 * `resolveModes`. Each form shows only when the gateway lists the action for this agent.
 */
export function renderManage(p: LinkedProblem, t: (key: ProblemPartKey) => string, busy: boolean, on: ManageHandlers): TemplateResult | typeof nothing {
  const edit = p.allowedActions.includes("EDIT");
  const resolve = p.allowedActions.includes("RESOLVE") && p.resolveModes.length > 0;
  if (!edit && !p.nextStatuses.length && !resolve) return nothing;
  return html`<details part="manage">
    <summary>${t("manage")}</summary>
    ${edit
      ? html`<form @submit=${(e: SubmitEvent) => {
          const f = fields(e);
          on.update({ rootCause: String(f.get("rootCause") ?? ""), workaround: String(f.get("workaround") ?? "") });
        }}>
          <label>${t("rootCause")}<textarea name="rootCause" rows="2" .value=${p.rootCause ?? ""}></textarea></label>
          <label>${t("workaroundField")}<textarea name="workaround" rows="2" .value=${p.workaround ?? ""}></textarea></label>
          <button type="submit" ?disabled=${busy}>${t("save")}</button>
        </form>`
      : nothing}
    ${p.nextStatuses.length
      ? html`<form class="row" @submit=${(e: SubmitEvent) => on.move(String(fields(e).get("status")) as ProblemStatus)}>
          <label>${t("moveTo")} <select name="status">${p.nextStatuses.map((s) => html`<option value=${s}>${t(s)}</option>`)}</select></label>
          <button type="submit" class="secondary" ?disabled=${busy}>${t("move")}</button>
        </form>`
      : nothing}
    ${resolve
      ? html`<form @submit=${(e: SubmitEvent) => {
          const f = fields(e);
          on.resolve({ resolution: String(f.get("resolution") ?? ""), mode: String(f.get("mode")) as ProblemResolveMode });
        }}>
          <label>${t("resolution")}<textarea name="resolution" rows="2" required></textarea></label>
          <fieldset>
            <legend>${t("incidentsThen")}</legend>
            ${p.resolveModes.map((m, i) => html`<label><input type="radio" name="mode" value=${m} ?checked=${i === 0} />${t(m)}</label>`)}
          </fieldset>
          <button type="submit" ?disabled=${busy}>${t("resolve")}</button>
        </form>`
      : nothing}
  </details>`;
}
