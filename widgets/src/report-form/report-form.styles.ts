import { css } from "lit";

/** The report form's own styles; colours and spacing come from the shared theme tokens. */
export const styles = css`
  form {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr));
  }
  .wide {
    grid-column: 1 / -1;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  .req,
  .hint {
    font-weight: 400;
    color: var(--_muted);
  }
  p {
    margin: 0;
  }
  .hint,
  .error {
    font-size: 0.875em;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  [aria-invalid="true"] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  [readonly],
  select:disabled {
    background: var(--_surface);
    opacity: 1;
  }
  textarea {
    resize: vertical;
  }
  input,
  select {
    min-height: 2.5rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li,
  .alert {
    padding: 0.75rem;
    border: 1px solid var(--_danger);
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    overflow-wrap: anywhere;
  }
  li button {
    padding: 0 0.6rem;
    min-width: 2rem;
    min-height: 1.75rem;
  }
  /* The honeypot: out of sight, out of the tab order and of the accessibility tree (inert). */
  .hp {
    position: absolute;
    left: -100vw;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
