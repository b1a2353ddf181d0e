import { css } from "lit";

/** The feedback widget's own styles; colours come from the shared theme tokens. */
export const styles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  p {
    margin: 0;
  }
  .title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .code {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.889em;
    margin-inline-start: 0.5rem;
  }
  .question p {
    margin-bottom: 0.25rem;
  }
  .stars {
    display: inline-flex;
    gap: 0.125rem;
  }
  [role="radio"] {
    display: inline-flex;
    padding: 0.125rem;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [role="radio"]:hover {
    background: var(--_surface);
  }
  svg {
    width: var(--sigap-star-size, 2rem);
    height: var(--sigap-star-size, 2rem);
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  svg.on {
    fill: var(--sigap-star-color, var(--_warning));
    stroke: var(--sigap-star-color, var(--_warning));
  }
  .small svg {
    width: 1.1em;
    height: 1.1em;
    vertical-align: -0.15em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid="true"] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.875em;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_danger);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .thanks {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0.75rem 0 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
