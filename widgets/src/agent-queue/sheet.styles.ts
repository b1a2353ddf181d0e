import { css } from "lit";

/** A modal sheet over the queue (the "New ticket" and "Approvals" dialogs), with its heading. */
export const sheetStyles = css`
  dialog {
    width: min(44rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  h2 {
    margin: 0 0 var(--_gap);
    font-size: 1.2em;
  }
`;
