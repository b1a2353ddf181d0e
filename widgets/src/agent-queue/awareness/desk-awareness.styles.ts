import { css } from "lit";

/** The toolbar's sound toggle. No theme of its own: it inherits the queue's tokens and colour scheme. */
export const deskAwarenessStyles = css`
  :host {
    display: inline-flex;
  }
  button {
    font: inherit;
    font-size: 0.85em;
    cursor: pointer;
    padding: 0.2rem 0.6rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_bg);
    color: var(--_accent);
  }
  button[aria-pressed="true"] {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
