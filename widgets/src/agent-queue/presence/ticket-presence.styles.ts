import { css } from "lit";

/** The presence line under the ticket's head. */
export const ticketPresenceStyles = css`
  :host {
    display: block;
  }
  p {
    margin: 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .typing {
    color: var(--_accent);
    font-style: italic;
  }
`;
