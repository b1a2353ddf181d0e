import { css } from "lit";

/** The help overlay: a centred modal dialog that fits a 360 px phone, with each key in a `<kbd>`. */
export const shortcutsHelpStyles = css`
  dialog {
    width: min(34rem, calc(100% - 1rem));
    max-height: calc(100% - 1rem);
    overflow-y: auto;
    padding: 0.75rem var(--_gap);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  h2 {
    margin: 0;
    font-size: 1.15rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.5rem 0;
  }
  th,
  td {
    text-align: start;
    padding: 0.3rem 0.4rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    font-size: 0.85em;
    color: var(--_muted);
  }
  td:first-child {
    white-space: nowrap;
  }
  kbd {
    font: inherit;
    font-family: ui-monospace, monospace;
    padding: 0 0.35em;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
  }
  p {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
