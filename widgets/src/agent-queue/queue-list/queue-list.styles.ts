import { css } from "lit";

/** The queue table. Below 34rem of its own width it drops the columns an agent can read in the ticket, so the SLA always shows. */
export const queueListStyles = css`
  :host {
    container-type: inline-size;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    font-size: 0.85em;
    color: var(--_muted);
    white-space: nowrap;
  }
  td.code {
    white-space: nowrap;
  }
  @container (max-width: 40rem) {
    .c-service,
    .c-assignee {
      display: none;
    }
  }
  @container (max-width: 28rem) {
    .c-status {
      display: none;
    }
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover {
    background: var(--_surface);
  }
  tbody tr:focus-visible {
    outline-offset: -3px;
  }
  tr[aria-selected="true"] {
    background: var(--_surface);
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  tr.fresh {
    animation: fresh 4s ease-out;
  }
  @keyframes fresh {
    from {
      background: var(--_surface);
      box-shadow: inset 4px 0 0 var(--_success);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    tr.fresh {
      animation: none;
      box-shadow: inset 4px 0 0 var(--_success);
    }
  }
`;
