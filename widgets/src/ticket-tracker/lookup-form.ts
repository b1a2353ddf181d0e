import { html, type TemplateResult } from "lit";
import type { TrackerText } from "./ticket-details.js";

/** A ticket code and tracking token typed into the lookup form. */
export interface Lookup {
  code: string;
  token: string;
}

/** The code and token the lookup form holds, trimmed; null unless both are there. */
export function readLookup(data: FormData): Lookup | null {
  const code = String(data.get("code") ?? "").trim();
  const token = String(data.get("token") ?? "").trim();
  return code && token ? { code, token } : null;
}

/** The code + token lookup form, filled with what is known, and what went wrong last. */
export function renderLookupForm(t: TrackerText, known: Lookup, problem: string, submit: (e: SubmitEvent) => void): TemplateResult {
  return html`<form part="lookup-form" class="panel" novalidate @submit=${submit} aria-labelledby="lookup-title">
    <h2 id="lookup-title">${t("lookup")}</h2>
    <div class="row">
      <label>${t("code")}<input name="code" .value=${known.code} autocomplete="off" spellcheck="false" required /></label>
      <label>${t("token")}<input name="token" .value=${known.token} autocomplete="off" spellcheck="false" required /></label>
    </div>
    <p part="error" class="error" role="alert">${problem}</p>
    <button type="submit">${t("track")}</button>
  </form>`;
}
