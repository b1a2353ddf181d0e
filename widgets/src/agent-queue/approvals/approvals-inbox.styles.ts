import { css } from "lit";

/** The approvals inbox (a sheet, sheet.styles.ts): one request per card. */
export const approvalsInboxStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  .steps {
    padding-left: 1.2em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
  }
`;
