import { css } from "lit";

/** The picker: a search box over a short list, in the flow of the composer's form. */
export const pickerStyles = css`
  :host {
    display: block;
    margin-block: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem;
    background: var(--_surface);
  }
  .head {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    display: block;
    box-sizing: border-box;
    width: 100%;
    margin-block: 0.35rem;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 14rem;
    overflow-y: auto;
  }
  li {
    display: flex;
    gap: 0.5rem;
    justify-content: space-between;
    padding: 0.35rem 0.5rem;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  li[aria-selected="true"] {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  li[aria-selected="true"] .muted {
    color: inherit;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .error {
    color: var(--_danger);
  }
  button.close {
    padding: 0.15rem 0.6rem;
    background: transparent;
    color: var(--_fg);
    border-color: var(--_border);
  }
  /* The reporter's language and the "all languages" toggle, on one line where it fits. */
  .languages {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
    margin-block: 0.25rem;
  }
  .languages label {
    display: flex;
    gap: 0.35rem;
    align-items: center;
    font-weight: normal;
  }
  .languages input {
    width: auto;
    margin: 0;
  }
`;
