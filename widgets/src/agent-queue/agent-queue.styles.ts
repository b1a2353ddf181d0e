import { css } from "lit";

/** The queue's own layout; badges, SLA tones, the timeline and common blocks come from the shared ticket styles. */
export const queueStyles = css`
  :host {
    container-type: inline-size;
  }
  .toolbar,
  .detail-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem var(--_gap);
  }
  .toolbar {
    padding-bottom: 0.5rem;
  }
  .toolbar h2,
  .detail-head h2 {
    margin-inline-end: auto;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem var(--_gap);
    padding: 0.5rem var(--_gap);
    margin-bottom: var(--_gap);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .filters > label:not(.check) {
    display: grid;
    font-size: 0.9em;
  }
  .filters select {
    width: auto;
    min-width: 8rem;
  }
  fieldset {
    border: 0;
    margin: 0;
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
  .layout {
    display: grid;
    gap: var(--_gap);
  }
  @container (min-width: 64rem) {
    .layout.open {
      grid-template-columns: minmax(0, 1fr) minmax(22rem, 30rem);
      align-items: start;
    }
  }
  .list {
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
  .detail {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .texts {
    display: grid;
    margin: 0.75rem 0 0;
  }
  .texts dd {
    white-space: pre-wrap;
    margin-bottom: 0.5rem;
  }
  .action {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-bottom: 0.5rem;
  }
  .action summary {
    cursor: pointer;
    padding: 0.4rem 0.6rem;
    font-weight: 600;
  }
  .action form {
    padding: 0 0.6rem 0.6rem;
  }
  .field {
    margin-bottom: 0.5rem;
    flex: 1 1 10rem;
  }
  .field label {
    display: block;
    font-size: 0.9em;
  }
  button.link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
`;
