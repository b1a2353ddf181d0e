import { css } from "lit";

/** The logging dialog: a modal sheet over the queue, one column on phones, two from tablets up. */
export const logTicketStyles = css`
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
  form,
  .grid {
    display: grid;
    gap: var(--_gap);
  }
  @media (min-width: 40rem) {
    .grid {
      grid-template-columns: 1fr 1fr;
    }
  }
  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
  }
  .wide {
    grid-column: 1 / -1;
  }
  .error {
    color: var(--_danger);
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    align-self: end;
    min-height: 2.5rem;
  }
  .check input {
    width: auto;
  }
  .code {
    font-size: 1.5em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
`;
