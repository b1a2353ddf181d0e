import { css } from "lit";

/** The shell's layout: title bar, tabs and the open section. */
export const adminStyles = css`
  :host {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem var(--_gap);
    padding-bottom: 0.5rem;
  }
  .toolbar h2 {
    margin: 0 auto 0 0;
    font-size: 1.3em;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 2px solid var(--_border);
  }
  .tabs button {
    background: transparent;
    color: var(--_fg);
    border: 1px solid transparent;
    border-bottom: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    margin-bottom: -2px;
  }
  .tabs button[aria-selected="true"] {
    border-color: var(--_border);
    border-bottom: 3px solid var(--_accent);
    font-weight: 600;
    background: var(--_bg);
  }
  .panel {
    padding: var(--_gap) 0;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
`;

/** What every section's forms share: fieldsets, labelled fields, errors beside them. */
export const sectionStyles = css`
  :host {
    display: block;
  }
  /* Grid tracks and fieldsets otherwise grow to their widest table: on a phone the tables scroll instead. */
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
    margin-bottom: calc(2 * var(--_gap));
  }
  fieldset {
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    margin: 0;
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    background: var(--_surface);
  }
  fieldset.block {
    display: block;
  }
  fieldset.block > * + * {
    margin-top: 0.5rem;
  }
  fieldset.plain {
    border: 0;
    padding: 0;
    background: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_gap);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .field {
    display: grid;
    gap: 0.2rem;
    align-content: start;
  }
  .field > span,
  .hint {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .field > label {
    font-weight: 500;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .check input {
    width: auto;
  }
  .wide {
    grid-column: 1 / -1;
  }
  /* Shown, not edited (a type's SLA targets it follows from the incident policy, a field's fixed key). */
  input[readonly] {
    border-style: dashed;
    background: transparent;
  }
  [aria-invalid="true"] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error,
  .form-error {
    color: var(--_danger);
    margin: 0;
    font-size: 0.9em;
  }
  .form-error p {
    margin: 0;
  }
  .saved {
    color: var(--_success);
    margin: 0;
    min-height: 1.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
  }
  /* Tables keep their columns on a phone and scroll sideways inside their box instead. */
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.3rem 0.4rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  td input,
  td select {
    min-width: 5rem;
  }
  .muted {
    color: var(--_muted);
  }
  .entries {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_gap);
  }
  .entries li {
    border-bottom: 1px solid var(--_border);
    padding: 0.4rem 0;
  }
  .entries li.sub {
    padding-inline-start: 1.5rem;
  }
  .entry {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_gap);
    align-items: center;
  }
  .entry .actions {
    margin-inline-start: auto;
    gap: 0.4rem;
  }
  .entry button {
    padding: 0.25rem 0.6rem;
  }
  section {
    margin-bottom: calc(2 * var(--_gap));
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.1em;
  }
`;
