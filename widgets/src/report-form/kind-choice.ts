/**
 * The report form's first question on a site that takes requests (PublicSite.offersRequests):
 * "Report a problem" or "Request something". The service list then offers only that kind's
 * services: incident services, or request items and repair jobs (ItService.ticketType). Loaded
 * on demand, with the site, only where the site takes requests: elsewhere the form is as it was,
 * and its first load does not carry this part.
 */
import { css, html, type TemplateResult } from "lit";
import type { TicketType } from "../client/generated.js";
import type { LocaleController } from "../shared/locale.js";

/** What the reporter came for. */
export type ReportKind = "problem" | "request";

/** What the choice reads of the form that holds it (its own code, so its private members). */
export interface KindHost {
  i18n: Pick<LocaleController, "lang">;
  values: Partial<Record<string, string>>;
  site: { services: ReadonlyArray<{ id: string; ticketType: TicketType }> } | null;
  renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
}

/** The part's styles, adopted by the form's shadow root when the part loads (a constructed sheet: no inline style under a strict CSP). */
const styles = css`
  .kind {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem var(--_gap);
  }
  .kind legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .kind label {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .kind label:has(:checked) {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .kind input {
    width: auto;
    margin: 0;
  }
`;

/** The choice's own words, in both languages: they travel with it rather than weigh on the form. */
const words = {
  en: { legend: "What do you need?", problem: "Report a problem", request: "Request something", service: "What you are requesting", description: "Details of your request" },
  id: { legend: "Apa yang Anda perlukan?", problem: "Laporkan masalah", request: "Ajukan permintaan", service: "Yang Anda ajukan", description: "Rincian permintaan" },
};

/** Whether a service belongs to a kind: incident services to "problem", request items and work orders to "request". */
export function ofKind(type: TicketType, kind: ReportKind): boolean {
  return (type === "INCIDENT") === (kind === "problem");
}

/** The choice of one form, "Report a problem" to begin with (the form as it is on a site without requests). */
export class KindChoice {
  /** The reporter's choice. */
  kind: ReportKind = "problem";

  constructor(private readonly host: KindHost) {
    const root = host.renderRoot as Partial<ShadowRoot>;
    if (root.adoptedStyleSheets && styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
    // A draft brought back after a reload names its service: the choice follows it.
    const picked = host.site?.services.find((s) => s.id === host.values["service"]);
    if (picked && !ofKind(picked.ticketType, "problem")) this.kind = "request";
  }

  /** The services the chosen kind offers, in the site's order. */
  services<S extends { ticketType: TicketType }>(all: readonly S[]): S[] {
    return all.filter((s) => ofKind(s.ticketType, this.kind));
  }

  /** Whether the form must show and require a field although the host did not ask: a request names what it asks for. */
  needs(field: string): boolean {
    return field === "service" && this.kind === "request";
  }

  /** A request's own label for a field whose incident wording ("Affected service", "What is wrong?") would not fit; undefined: the form's. */
  label(field: string): string | undefined {
    return this.kind === "request" && (field === "service" || field === "description") ? words[this.host.i18n.lang][field] : undefined;
  }

  /** Sets the choice (the reporter clicked one). */
  choose(kind: ReportKind): void {
    this.kind = kind;
    // A service of the other kind no longer fits: it is dropped rather than sent under the wrong flow.
    const picked = this.host.site?.services.find((s) => s.id === this.host.values["service"]);
    if (picked && !ofKind(picked.ticketType, kind)) this.host.values = { ...this.host.values, service: "" };
    this.host.requestUpdate();
  }

  /** The two choices, first in the form. */
  render(): TemplateResult {
    const w = words[this.host.i18n.lang];
    const choice = (kind: ReportKind) =>
      html`<label part="kind-option"><input type="radio" name="kind" value=${kind} .checked=${this.kind === kind} @change=${() => this.choose(kind)} />${w[kind]}</label>`;
    return html`<fieldset class="kind wide" part="kind"><legend>${w.legend}</legend>${choice("problem")}${choice("request")}</fieldset>`;
  }
}
