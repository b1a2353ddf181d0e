/**
 * The fields of each action form, drawn from the ticket and the gateway's directory: every choice
 * (categories, levels, statuses, pending reasons, escalation targets, closure codes) is the
 * gateway's list, never one written here.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { EscalationKind } from "../../client/generated.js";
import type { LocaleController } from "../../shared/locale.js";
import { priorityLabel, statusLabel } from "../../shared/ticket-text.js";
import { deskText, type DeskKey } from "../agent-queue.messages.js";
import { closureOptions, matrixLevels, pendingOptions, priorityFrom, type Option } from "../desk-directory.js";
import type { Detail, Directory } from "../desk-parts.js";
import { escalationChoice } from "../escalation-choice.js";
import { escalationKinds, statusTargets, type SigapTicketActionName } from "../ticket-actions.js";

/** What drawing a form's fields needs. */
export interface FieldContext {
  lc: LocaleController;
  dir: Directory;
  /** Display names by id (categories under their parent). */
  names: ReadonlyMap<string, string>;
  /** What the agent chose so far, by `action.field`, so dependent fields follow it. */
  draft: Readonly<Record<string, string>>;
  /** Field problems of the last try, by field name. */
  errors: (action: SigapTicketActionName) => Readonly<Record<string, string>>;
}

function field(c: Pick<FieldContext, "errors">, a: SigapTicketActionName, name: string, label: string, control: (id: string, err: string) => TemplateResult): TemplateResult {
  const id = `${a}-${name}`;
  const err = c.errors(a)[name] ?? "";
  return html`<div class="field"><label for=${id}>${label}</label>${control(id, err)}<span id="${id}-e" class="error">${err}</span></div>`;
}

/** A select of the given options. */
export function selectField(c: Pick<FieldContext, "errors">, a: SigapTicketActionName, name: string, label: string, options: readonly Option[], value = "", required = false): TemplateResult {
  return field(
    c,
    a,
    name,
    label,
    (id, err) => html`<select id=${id} name=${name} ?required=${required} aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"}>
      ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
    </select>`,
  );
}

/** A text area. */
export function areaField(c: Pick<FieldContext, "errors">, a: SigapTicketActionName, name: string, label: string, required = false, rows = 3): TemplateResult {
  return field(
    c,
    a,
    name,
    label,
    (id, err) => html`<textarea id=${id} name=${name} rows=${rows} ?required=${required} aria-describedby="${id}-e" aria-invalid=${err ? "true" : "false"}></textarea>`,
  );
}

/** The fields of one action's form for this ticket. */
export function renderActionFields(c: FieldContext, a: SigapTicketActionName, d: Detail): TemplateResult {
  const { dir, lc } = c;
  const t = (k: DeskKey): string => deskText(lc, k);
  const draft = (name: string, fallback: string): string => c.draft[`${a}.${name}`] ?? fallback;
  const keep: Option = ["", t("keep")];
  const auto: Option = ["", t("auto")];
  const agents = dir.agents.filter((x) => x.active);
  const people = (list: typeof agents): Option[] => list.map((x) => [x.id, x.name]);
  switch (a) {
    case "classify": {
      const u = draft("urgency", d.urgency);
      const i = draft("impact", d.impact);
      const { urgencies, impacts } = matrixLevels(dir.priorityMatrix);
      const p = priorityFrom(dir.priorityMatrix, u, i);
      // Retired entries stay in the directory to name old tickets, but are not offered.
      return html`${selectField(c, a, "categoryId", t("category"), [keep, ...dir.categories.filter((x) => !x.retired).map((x): Option => [x.id, c.names.get(x.id) ?? x.name])])}
        ${selectField(c, a, "serviceId", t("service"), [keep, ...dir.services.filter((s) => !s.retired).map((s): Option => [s.id, s.name])])}
        <div class="row">
          ${selectField(c, a, "urgency", t("urgency"), urgencies.map((l): Option => [l, t(l)]), u)}
          ${selectField(c, a, "impact", t("impact"), impacts.map((l): Option => [l, t(l)]), i)}
        </div>
        <p aria-live="polite">${p ? deskText(lc, "resulting", { p: priorityLabel(lc, p) }) : ""}</p>
        ${areaField(c, a, "note", t("noteInternal"), false, 2)}`;
    }
    case "assign":
      return html`${selectField(c, a, "groupId", t("group"), [keep, ...dir.groups.filter((g) => !g.retired).map((g): Option => [g.id, g.name])])}
        ${selectField(c, a, "assigneeId", t("person"), [keep, ...people(agents)])}`;
    case "status": {
      const targets = statusTargets(d);
      const to = draft("status", targets[0] ?? "");
      return html`${selectField(c, a, "status", t("target"), targets.map((s): Option => [s, statusLabel(lc, s)]), to)}
        ${to === "PENDING" ? selectField(c, a, "pendingReason", t("waitingOn"), pendingOptions(dir.pendingReasons, lc.lang)) : nothing}
        ${areaField(c, a, "note", t("noteReporter"), false, 2)}`;
    }
    case "reply":
    case "note":
      return areaField(c, a, "body", t("message"), true);
    case "escalate": {
      const kinds = escalationKinds(d);
      // A kind drafted before the ticket changed may no longer be the caller's to use.
      const drafted = draft("kind", "") as EscalationKind;
      const kind = kinds.includes(drafted) ? drafted : (kinds[0] ?? "FUNCTIONAL");
      const choice = escalationChoice(d.escalationTargets, kind, Number(draft("level", "0")), lc.lang);
      return html`<fieldset>
          <legend>${t("kind")}</legend>
          ${kinds.map((k) => html`<label class="check"><input type="radio" name="kind" value=${k} ?checked=${k === kind} />${t(k)}</label>`)}
        </fieldset>
        ${choice.level !== undefined
          ? html`${selectField(c, a, "level", t("level"), choice.levels, String(choice.level))}
            ${kind === "FUNCTIONAL" ? selectField(c, a, "groupId", t("group"), [auto, ...choice.groups]) : nothing}
            ${selectField(c, a, "agentId", t("person"), [auto, ...(choice.people ?? people(agents))])}`
          : html`<p class="muted">${t("top")}</p>`}
        ${areaField(c, a, "notes", t("handlingNotes"), true, 2)}`;
    }
    case "resolve":
      return html`${areaField(c, a, "resolution", t("resolution"), true, 2)}
        ${selectField(c, a, "closureCode", t("closureCode"), [["", "—"], ...closureOptions(dir.closureCodes, lc.lang)], "", true)}
        <label class="check"><input type="checkbox" name="kb" />${t("addKb")}</label>`;
    case "close":
      return areaField(c, a, "note", t("noteOpt"), false, 2);
    case "reopen":
    case "cancel":
      return areaField(c, a, "note", t("reason"), true, 2);
  }
}
