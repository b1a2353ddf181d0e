import { css } from "lit";

/** The Approvals section's own look: the gateway's warning beside a step (saved, but worth knowing), in the warning tone, not the error's. */
export const approvalsStyles = css`
  .field-warning {
    color: var(--_warning);
    margin: 0;
    font-size: 0.9em;
  }
`;
