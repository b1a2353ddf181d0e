import { css } from "lit";

/** The audit table: a caption, compact cells, and before → after values told apart by more than colour. */
export const auditStyles = css`
  caption {
    text-align: start;
    color: var(--_muted);
    padding-bottom: 0.4rem;
  }
  td,
  th {
    font-size: 0.95em;
  }
  th[scope="row"] {
    font-weight: normal;
    white-space: nowrap;
  }
  .changes {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .changes li + li {
    margin-top: 0.2rem;
  }
  del {
    color: var(--_danger);
  }
  ins {
    color: var(--_success);
    text-decoration: none;
    font-weight: 600;
  }
  /* Ids and values may be long URLs or UUIDs: they break anywhere rather than widen the table; actions stay whole. */
  code,
  del,
  ins,
  .value {
    overflow-wrap: anywhere;
  }
  code.action {
    white-space: nowrap;
  }
  .more {
    margin-top: var(--_gap);
  }
`;
