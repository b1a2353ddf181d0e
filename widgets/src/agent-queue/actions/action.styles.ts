import { css } from "lit";

/**
 * The action forms of the bar and the composer. The bar's forms open one at a time in a modal
 * dialog, so an open form never pushes the thread down the page; the composer's are disclosures.
 */
export const actionStyles = css`
  .bar {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .bar button {
    padding: 0.2rem 0.6rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .action {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .action summary {
    cursor: pointer;
    padding: 0.2rem 0.6rem;
    font-weight: 600;
    list-style: none;
    white-space: nowrap;
  }
  .action summary::-webkit-details-marker {
    display: none;
  }
  .action[open] > summary {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  /* The open action: a sheet over the whole screen on a phone, a drawer at the side from 40rem. */
  dialog.sheet {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    width: 100%;
    max-width: 100%;
    max-height: 100%;
    height: 100%;
    margin: 0;
    inset: 0;
    color: var(--_fg);
    background: var(--_bg);
    overflow-y: auto;
    overflow-wrap: anywhere;
  }
  @media (min-width: 40rem) {
    dialog.sheet {
      width: min(30rem, 100%);
      margin-inline-start: auto;
      box-shadow: 0 6px 18px rgb(0 0 0 / 0.25);
    }
  }
  dialog.sheet::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  dialog h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  .action form {
    padding: 0.6rem;
  }
  .field {
    margin-bottom: 0.5rem;
    flex: 1 1 10rem;
  }
  .field label {
    display: block;
    font-size: 0.9em;
  }
  fieldset {
    border: 0;
    margin: 0 0 0.5rem;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }
  legend {
    font-size: 0.9em;
    padding: 0;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .check input {
    width: auto;
  }
  .done {
    margin: 0.25rem 0 0;
  }
  .done:empty {
    display: none;
  }
`;
