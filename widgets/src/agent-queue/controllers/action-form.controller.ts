import type { ReactiveController, ReactiveControllerHost } from "lit";
import { SigapRequestError } from "../../client/graphql-error.js";
import { request, type Endpoint } from "../../client/http.js";
import type { LocaleController } from "../../shared/locale.js";
import { problemCode, problemText } from "../../shared/problem-text.js";
import { sendAction, type Send } from "../actions/action-send.js";
import { deskText } from "../agent-queue.messages.js";
import { notify, reportAuth, type Detail, type SigapTicketActionDetail } from "../desk-parts.js";
import type { SigapTicketActionName } from "../ticket-actions.js";

/** Where one action's form stands. */
export interface ActionState {
  busy?: boolean;
  /** The summary of what went wrong. */
  error?: string;
  /** Problems by field name, shown beside each field. */
  fields?: Record<string, string>;
}

/** What an {@link ActionFormController} reads of its host. */
export interface ActionFormOptions {
  lc: LocaleController;
  /** The gateway and the agent's token. */
  target(): Endpoint;
  /** The ticket the forms act on. */
  ticket(): Detail | null;
}

/**
 * The action forms of a host (`<form data-action>`, each inside a `<details>` or a `<dialog>`): checks
 * the required fields, sends the action, shows the gateway's field problems beside their fields, and
 * on success empties the form, closes its `<details>` or `<dialog>`, says what was saved and fires
 * `sigap-ticket-action`. What was saved clears when a sibling part (the bar, the composer) saves
 * another action, so only the latest confirmation shows.
 */
export class ActionFormController implements ReactiveController {
  /** Each action's state. */
  acts: Partial<Record<SigapTicketActionName, ActionState>> = {};
  /** What the last action did; kept apart from the forms because its form is closed (or gone) now. */
  done = "";
  /** What the agent chose so far, by `action.field`, so dependent fields follow it. */
  draft: Record<string, string> = {};

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ActionFormOptions,
  ) {
    host.addController(this);
  }

  /** Where the host's siblings announce their actions: its shadow root's host tree, or the page. */
  private root: Node | null = null;

  hostConnected(): void {
    this.root = this.host.getRootNode();
    this.root.addEventListener("sigap-ticket-action", this.handleSibling);
  }

  hostDisconnected(): void {
    this.root?.removeEventListener("sigap-ticket-action", this.handleSibling);
  }

  /** Another part saved an action: its confirmation replaces this one's. */
  readonly handleSibling = (e: Event): void => {
    if (e.target === this.host || !this.done) return;
    this.done = "";
    this.host.requestUpdate();
  };

  /** The field problems of an action's last try. */
  readonly errors = (a: SigapTicketActionName): Readonly<Record<string, string>> => this.acts[a]?.fields ?? {};

  /** Forgets every form's state (another ticket). */
  reset(): void {
    this.acts = {};
    this.done = "";
    this.draft = {};
    this.host.requestUpdate();
  }

  /** The change handler of the forms: remembers choices other fields depend on. */
  readonly handleDraft = (e: Event): void => {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const action = el.form?.dataset["action"];
    if (action && el.name) this.draft = { ...this.draft, [`${action}.${el.name}`]: el.value };
    this.host.requestUpdate();
  };

  /** The submit handler of the forms. */
  readonly handleSubmit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const action = form.dataset["action"] as SigapTicketActionName;
    const ticket = this.options.ticket();
    const t = (k: Parameters<typeof deskText>[1], v?: Record<string, string>): string => deskText(this.options.lc, k, v);
    if (!ticket || this.acts[action]?.busy) return;
    const data = new FormData(form, e.submitter);
    // The form's own `required` fields are checked here; every other rule is the gateway's.
    const missing = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("[required]")].filter((el) => !el.value.trim()).map((el) => el.name);
    if (missing.length) return this.set(action, { error: t("fix"), fields: Object.fromEntries(missing.map((k) => [k, t("required")])) });
    this.set(action, { busy: true });
    this.done = "";
    const send: Send = (op, variables) => request(this.options.target(), op, variables);
    try {
      const updated = await sendAction(send, action, ticket.id, data);
      form.reset();
      this.draft = Object.fromEntries(Object.entries(this.draft).filter(([k]) => !k.startsWith(`${action}.`)));
      this.set(action, {});
      this.done = t("done", { action: t(`a.${action}`) });
      const details = form.closest("details");
      if (details) details.open = false;
      form.closest("dialog")?.close();
      notify<SigapTicketActionDetail>(this.host, "sigap-ticket-action", { id: ticket.id, code: ticket.code, action, ticket: updated });
      await this.host.updateComplete;
      details?.querySelector("summary")?.focus();
    } catch (error) {
      if (reportAuth(this.host, error)) return this.set(action, {});
      const problems = error instanceof SigapRequestError ? error.fields : [];
      const mine = problems.filter((p) => form.elements.namedItem(p.field));
      const others = problems.filter((p) => !form.elements.namedItem(p.field)).map((p) => p.message);
      // Field problems are shown beside their fields; the summary says only what has no field here.
      const summary = problemCode(error) === "BAD_USER_INPUT" ? [mine.length ? t("fix") : "", ...others].join(" ").trim() : problemText(this.options.lc, error);
      this.set(action, { error: summary, fields: Object.fromEntries(mine.map((p) => [p.field, p.message])) });
    }
  };

  private set(action: SigapTicketActionName, s: ActionState): void {
    this.acts = { ...this.acts, [action]: s };
    this.host.requestUpdate();
  }
}
