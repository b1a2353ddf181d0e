import { LitElement, html, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { FeedbackInputLimits } from "../client/generated.js";
import { request, type Endpoint } from "../client/http.js";
import { FeedbackState, SubmitFeedback } from "../client/feedback.operations.js";
import { defaultEndpoint } from "../shared/endpoint.js";
import type { SigapErrorDetail } from "../shared/error-detail.js";
import { emit } from "../shared/events.js";
import { LocaleController } from "../shared/locale.js";
import { problemText } from "../shared/problem-text.js";
import { asRequestError } from "../shared/request-error.js";
import { themeStyles } from "../shared/theme.styles.js";
import { indonesian, messages } from "./feedback-stars.messages.js";
import { styles } from "./feedback-stars.styles.js";

/** The three ratings of seed 002 figure 11. */
export type FeedbackRating = "serviceRating" | "restoredRating" | "informationRating";

/** Feedback already given on a ticket. */
export interface FeedbackGiven extends Record<FeedbackRating, number> {
  suggestion: string | null;
  createdAt?: string;
}

/** Whether a ticket accepts feedback now, and what was given; set by a host that already knows. */
export interface FeedbackStateValue {
  feedbackOpen: boolean;
  feedback: FeedbackGiven | null;
}

/** What `sigap-feedback` carries. */
export interface FeedbackDetail extends Record<FeedbackRating, number> {
  code: string;
  suggestion: string | null;
}

const QUESTIONS: readonly FeedbackRating[] = ["serviceRating", "restoredRating", "informationRating"];
const STARS = [1, 2, 3, 4, 5];
// APG radio group keys: next is right/down, previous is left/up.
const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
const STAR = svg`<path d="M12 2.6l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.5l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z" />`;

/**
 * @tag sigap-feedback-stars
 * @summary The satisfaction form of seed 002 (figure 11): three 5-star questions and a suggestion,
 * shown only while the ticket accepts feedback; afterwards a thank-you with what was rated.
 *
 * @csspart form - The form.
 * @csspart title - The heading line and ticket code.
 * @csspart question - Each question (a star radio group with its text).
 * @csspart question-text - The text of a question.
 * @csspart stars - A question's row of stars.
 * @csspart star - Each star (also `star-filled` when it is at or below the rating).
 * @csspart textarea - The suggestion box.
 * @csspart hint - Why the send button is disabled.
 * @csspart error - An error beside the suggestion.
 * @csspart alert - A failed load or submit, with its retry button.
 * @csspart submit - The send button.
 * @csspart thank-you - The thank-you state and the summary of the ratings.
 *
 * @cssproperty --sigap-star-color - Filled stars. @default the theme's warning colour (AA in light and dark)
 * @cssproperty --sigap-star-size - Size of a star. @default 2rem
 * @cssproperty --sigap-color-bg - Background.
 * @cssproperty --sigap-color-surface - Background of the alert and the thank-you.
 * @cssproperty --sigap-color-fg - Text.
 * @cssproperty --sigap-color-muted - Empty stars and hints.
 * @cssproperty --sigap-color-border - Borders.
 * @cssproperty --sigap-color-accent - The send button.
 * @cssproperty --sigap-color-accent-fg - Text on the send button.
 * @cssproperty --sigap-color-danger - Errors.
 * @cssproperty --sigap-color-focus - The focus ring.
 * @cssproperty --sigap-radius - Corner radius.
 * @cssproperty --sigap-font-family - Font (inherits the page's by default).
 *
 * @fires {CustomEvent<FeedbackDetail>} sigap-feedback - The ratings were recorded.
 * @fires {CustomEvent<SigapErrorDetail>} sigap-error - Sending the ratings failed.
 */
export class SigapFeedbackStars extends LitElement {
  static override styles = [themeStyles, styles];

  // Declared here rather than with @state()/@property() decorators, whose code and helper cost each
  // widget about 0.4 KB gzipped of its size budget; the fields themselves are declared (and
  // documented) below. States also say `attribute: false`, the only thing the manifest analyzer reads.
  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    ratings: { state: true, attribute: false },
    suggestion: { state: true, attribute: false },
    sending: { state: true, attribute: false },
    thanked: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    suggestionError: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    siteKey: { attribute: "site-key" },
    reporterToken: { attribute: "reporter-token" },
    code: {},
    token: {},
    endpoint: {},
    state: { attribute: false },
    theme: { reflect: true },
  };

  private readonly i18n = new LocaleController(this, indonesian);

  private view: FeedbackStateValue | null = null;
  private ratings: Partial<Record<FeedbackRating, number>> = {};
  private suggestion = "";
  private sending = false;
  private thanked: "thanks" | "already" | null = null;
  private failure: { message: string; retry: () => void } | null = null;
  private suggestionError = "";
  private announcement = "";

  /** The site's public key. */
  siteKey = "";

  /** The ticket code. */
  code = "";

  /** The ticket's tracking token; not needed with the ticket's identified reporter's `reporter-token`. */
  token = "";

  /** The host site's signed token for its signed-in user (identified reporters). @default "" */
  reporterToken = "";

  /** The gateway's GraphQL URL. @default the gateway that served this script */
  endpoint = defaultEndpoint(import.meta.url);

  /** Feedback state the host already has (e.g. from the tracker); when set, nothing is fetched. */
  state?: FeedbackStateValue;

  /** The look: light, dark, or the reader's system setting. */
  theme?: "light" | "dark" | "auto";

  private loadAbort?: AbortController;

  /** A ticket view the host already has (`code`, `feedbackOpen`, `feedback`): sets `code` and `state` at once. */
  set ticket(t: (FeedbackStateValue & { code?: string }) | null | undefined) {
    if (!t) return;
    if (t.code) this.code = t.code;
    this.state = { feedbackOpen: t.feedbackOpen, feedback: t.feedback };
  }

  get ticket(): (FeedbackStateValue & { code: string }) | null {
    return this.view && { ...this.view, code: this.code };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("state") && this.state) {
      this.view = this.state;
      if (this.state.feedbackOpen) this.thanked = null;
    }
    if (changed.has("code")) {
      this.ratings = {};
      this.thanked = null;
    }
  }

  override updated(changed: PropertyValues<this>): void {
    const keys = ["code", "token", "reporterToken", "siteKey", "endpoint", "state"] as const;
    if (!this.state && keys.some((k) => changed.has(k))) void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: a load that disconnecting aborted must run again.
    if (this.hasUpdated && !this.state && !this.view) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
  }

  private get client(): Endpoint {
    return { url: this.endpoint, siteKey: this.siteKey, reporterToken: this.reporterToken };
  }

  private t(key: keyof typeof messages.en, values?: Record<string, string | number>): string {
    return this.i18n.t(messages, key, values);
  }

  private announce(text: string): void {
    this.announcement = "";
    requestAnimationFrame(() => (this.announcement = text));
  }

  private async load(): Promise<void> {
    this.loadAbort?.abort();
    if (!this.code || !(this.token || this.reporterToken) || !this.siteKey) return;
    const abort = (this.loadAbort = new AbortController());
    this.failure = null;
    try {
      const ticket = (await request(this.client, FeedbackState, { code: this.code, token: this.token || null }, abort.signal)).trackTicket;
      this.view = ticket && { feedbackOpen: ticket.feedbackOpen, feedback: ticket.feedback };
    } catch (error) {
      if (abort.signal.aborted) return;
      const err = asRequestError(error);
      this.view = null;
      // A wrong code or token is the tracker's to explain; the stars just stay out of the way.
      if (err.code !== "NOT_FOUND") this.failure = { message: `${this.t("loadErr")} ${problemText(this.i18n, err)}`, retry: () => void this.load() };
    }
  }

  private rate(q: FeedbackRating, n: number): void {
    this.ratings = { ...this.ratings, [q]: Math.min(5, Math.max(1, n)) };
  }

  private async handleKey(q: FeedbackRating, e: KeyboardEvent): Promise<void> {
    const from = Number((e.target as HTMLElement).dataset["n"]);
    const n = e.key === "Home" ? 1 : e.key === "End" ? 5 : e.key === " " || e.key === "Enter" ? from : STEP[e.key] ? from + (STEP[e.key] ?? 0) : 0;
    if (!n) return;
    e.preventDefault();
    this.rate(q, n);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${q} [tabindex="0"]`)?.focus();
  }

  private async handleSubmit(e?: Event): Promise<void> {
    e?.preventDefault();
    const [serviceRating, restoredRating, informationRating] = QUESTIONS.map((q) => this.ratings[q] ?? 0);
    if (this.sending || !serviceRating || !restoredRating || !informationRating) return;
    const suggestion = this.suggestion.trim() || null;
    const code = this.code;
    this.sending = true;
    this.failure = null;
    this.suggestionError = "";
    try {
      const result = (await request(this.client, SubmitFeedback, { code, token: this.token || null, input: { serviceRating, restoredRating, informationRating, suggestion } })).submitFeedback;
      this.view = { feedbackOpen: result.feedbackOpen, feedback: result.feedback ?? { serviceRating, restoredRating, informationRating, suggestion } };
      await this.thank("thanks");
      emit<FeedbackDetail>(this, "sigap-feedback", { code, serviceRating, restoredRating, informationRating, suggestion });
    } catch (error) {
      const err = asRequestError(error);
      if (err.code === "CONFLICT") {
        // Sent before (another tab, or an answer that was lost): show what is on record.
        this.view = { feedbackOpen: false, feedback: null };
        await this.thank("already");
        // Fetch what is on record even when the host gave `state`: it is stale now.
        void this.load();
        return;
      }
      emit<SigapErrorDetail>(this, "sigap-error", { code: err.code, message: err.message });
      const onSuggestion = err.fields.find((f) => f.field === "suggestion");
      if (onSuggestion) this.suggestionError = onSuggestion.message;
      else this.failure = { message: problemText(this.i18n, err), retry: () => void this.handleSubmit() };
    } finally {
      this.sending = false;
    }
  }

  private async thank(kind: "thanks" | "already"): Promise<void> {
    this.thanked = kind;
    this.announce(this.t(kind));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("[part~=thank-you]")?.focus();
  }

  private renderStars(n: number): TemplateResult {
    return html`${STARS.map((i) => html`<svg viewBox="0 0 24 24" class=${i <= n ? "on" : ""} aria-hidden="true">${STAR}</svg>`)}`;
  }

  private renderQuestion(q: FeedbackRating): TemplateResult {
    const rating = this.ratings[q] ?? 0;
    // Roving tabindex: Tab lands on the chosen star, or the first when none is chosen yet.
    const focusable = rating || 1;
    return html`<div part="question" class="question">
      <p id="${q}-text" part="question-text">${this.t(q)}</p>
      <div id=${q} part="stars" class="stars" role="radiogroup" aria-labelledby="${q}-text" aria-required="true">
        ${STARS.map(
          (n) => html`<span
            role="radio"
            part=${n <= rating ? "star star-filled" : "star"}
            data-n=${n}
            aria-checked=${n === rating ? "true" : "false"}
            aria-label=${this.t("star", { n })}
            tabindex=${n === focusable ? 0 : -1}
            @click=${() => this.rate(q, n)}
            @keydown=${(e: KeyboardEvent) => this.handleKey(q, e)}
            ><svg viewBox="0 0 24 24" class=${n <= rating ? "on" : ""} aria-hidden="true">${STAR}</svg></span
          >`,
        )}
      </div>
    </div>`;
  }

  private renderThanks(): TemplateResult {
    const f = this.view?.feedback;
    return html`<div part="thank-you" class="thanks" tabindex="-1">
      <p class="title">${this.thanked ? this.t(this.thanked) : this.t("rated")}</p>
      ${f
        ? html`<dl>
            ${QUESTIONS.map(
              (q) => html`<dt>${this.t(`short${q}`)}</dt>
                <dd><span class="stars small">${this.renderStars(f[q])}</span> <span>${this.t("star", { n: f[q] })}</span></dd>`,
            )}
            ${f.suggestion ? html`<dt>${this.t("yourSuggestion")}</dt><dd>${f.suggestion}</dd>` : nothing}
          </dl>`
        : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const view = this.view;
    const live = html`<div class="visually-hidden" role="status">${this.announcement}</div>`;
    const alert = html`<div role="alert">
      ${this.failure
        ? html`<div class="alert" part="alert">${this.failure.message} <button type="button" class="secondary" @click=${this.failure.retry}>${this.t("retry")}</button></div>`
        : nothing}
    </div>`;
    if (this.thanked || (view && !view.feedbackOpen && view.feedback)) return html`${this.renderThanks()}${live}`;
    if (!view?.feedbackOpen) return html`${alert}${live}`;
    const allRated = QUESTIONS.every((q) => this.ratings[q]);
    return html`<form part="form" novalidate aria-labelledby="title" @submit=${this.handleSubmit}>
        <p id="title" part="title" class="title">${this.t("title")} ${this.code ? html`<span class="code">${this.t("ticket", { code: this.code })}</span>` : nothing}</p>
        ${QUESTIONS.map((q) => this.renderQuestion(q))}
        <div class="field">
          <label for="suggestion">${this.t("suggestion")}</label>
          <textarea
            id="suggestion"
            part="textarea"
            rows="3"
            maxlength=${FeedbackInputLimits.suggestion}
            aria-invalid=${this.suggestionError ? "true" : nothing}
            aria-describedby=${this.suggestionError ? "suggestion-error" : nothing}
            .value=${this.suggestion}
            @input=${(e: Event) => (this.suggestion = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${this.suggestionError ? html`<p id="suggestion-error" class="error" part="error">${this.suggestionError}</p>` : nothing}
        </div>
        ${alert}
        <div class="actions">
          <button type="submit" part="submit" ?disabled=${!allRated || this.sending} aria-describedby=${allRated ? nothing : "rate-all"}>
            ${this.t(this.sending ? "sending" : "send")}
          </button>
          ${allRated ? nothing : html`<span id="rate-all" class="hint" part="hint">${this.t("rateAll")}</span>`}
        </div>
      </form>
      ${live}`;
  }
}
