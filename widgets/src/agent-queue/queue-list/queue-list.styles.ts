import { css } from "lit";

/** The queue table; below 48rem of its own width, one card per ticket (service and assignee are read in the ticket), so the SLA always shows. */
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
  .unread {
    font-weight: 700;
  }
  /* The unread dot. */
  i {
    display: inline-block;
    padding: 0.25em;
    margin-inline-end: 0.35em;
    border-radius: 50%;
    background: var(--_accent);
  }
  /* Narrow (a phone, a tablet, or the list beside an open ticket): each row becomes a two-column card, so nothing is clipped
     (48rem: below it the seven columns do not fit in Indonesian, whose headings are longer). */
  @container (max-width: 48rem) {
    thead tr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tbody tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: "code priority" "reporter status" "sla sla";
      gap: 0.1rem 0.5rem;
      padding: 0.4rem 0.5rem;
      border-bottom: 1px solid var(--_border);
    }
    tbody td {
      display: block;
      padding: 0;
      border: 0;
    }
    .c-code {
      grid-area: code;
      font-weight: 600;
    }
    .c-priority {
      grid-area: priority;
      justify-self: end;
    }
    .c-reporter {
      grid-area: reporter;
    }
    td.c-status {
      grid-area: status;
      justify-self: end;
      color: var(--_muted);
    }
    .c-sla {
      grid-area: sla;
    }
    td.c-service,
    td.c-assignee {
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
  /* Arrived or changed live since the agent looked: marked until opened, flashed once on arrival. */
  tr.fresh {
    box-shadow: inset 4px 0 0 var(--_success);
    animation: fresh 4s ease-out;
  }
  @keyframes fresh {
    from {
      background: var(--_surface);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    tr.fresh {
      animation: none;
    }
  }
`;
