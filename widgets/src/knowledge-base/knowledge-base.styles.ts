import { css } from "lit";

/** The help centre's own styles; colours and spacing come from the shared theme tokens. */
export const styles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-weight: 600;
    flex: 1 1 12rem;
  }
  ul {
    list-style: none;
    margin: var(--_gap) 0 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  li {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  p {
    margin: 0.25rem 0 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
  }
  h2 {
    font-size: 1.25em;
    margin: var(--_gap) 0 0.25rem;
  }
  article p {
    margin: 0.75rem 0 0;
  }
  .rate {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: var(--_gap);
    padding-top: var(--_gap);
    border-top: 1px solid var(--_border);
  }
  .alert {
    margin-top: var(--_gap);
    padding: 0.75rem;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
`;
