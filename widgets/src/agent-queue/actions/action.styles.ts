import { css } from "lit";

/**
 * The action forms of the bar and the composer. The bar's forms open one at a time (`<details
 * name>`) as a panel over the conversation, so an open form never pushes the thread down the page.
 */
export const actionStyles = css`
  .bar {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
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
  .bar .action[open] > form {
    position: absolute;
    inset-inline: 0;
    top: calc(100% + 0.25rem);
    z-index: 2;
    max-height: 70vh;
    overflow-y: auto;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.25);
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
