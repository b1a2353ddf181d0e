import { css } from "lit";

/** The logging dialog (a sheet, sheet.styles.ts): one column on phones, two from tablets up. */
export const logTicketStyles = css`
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
