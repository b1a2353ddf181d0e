import { css } from "lit";

/** The search box: a full-width field with its result count beside the hint. */
export const queueSearchStyles = css`
  :host {
    display: block;
    flex: 1 1 100%;
    padding: 0 var(--_gap) 0.25rem;
  }
  label {
    display: grid;
    font-size: 0.9em;
  }
  input {
    width: 100%;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
    font-size: 0.85em;
    min-height: 1.3em;
  }
`;
