import { css } from "lit";

/** The report shell's and its parts' look: cards of figures, tables, charts; a print sheet for A4. */
export const reportStyles = css`
  :host {
    padding: var(--_gap);
  }
  h2,
  h3 {
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .toolbar,
  .picker,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
    margin-bottom: var(--_gap);
  }
  .toolbar {
    justify-content: space-between;
    align-items: baseline;
  }
  .picker label {
    display: grid;
    gap: 0.2rem;
    font-size: 0.9rem;
  }
  .picker input,
  .picker select {
    width: auto;
  }
  .range {
    font-weight: 600;
    align-self: center;
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0.5rem;
    padding: 0;
    margin: 0 0 var(--_gap);
    list-style: none;
  }
  .card {
    display: grid;
    gap: 0.15rem;
    width: 100%;
    text-align: start;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
  }
  button.card:hover {
    border-color: var(--_accent);
  }
  .card .label {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .card .value {
    font-size: 1.4rem;
    font-weight: 700;
  }
  .card .change {
    font-size: 0.8rem;
    color: var(--_muted);
  }
  section {
    margin-bottom: calc(var(--_gap) * 1.5);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: 0.3rem 0.5rem;
    text-align: start;
  }
  td.n,
  th.n {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    font-variant-numeric: tabular-nums;
  }
  a {
    color: var(--_accent);
  }
  .tables {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_gap);
  }
  .scroll {
    overflow-x: auto;
  }
  .drill {
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_gap);
    margin-bottom: var(--_gap);
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    max-width: 48rem;
  }
  svg text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .bar-in {
    fill: var(--_accent);
  }
  .bar-resolved {
    fill: var(--_success);
  }
  .line-backlog {
    fill: none;
    stroke: var(--_warning);
    stroke-width: 2.5;
  }
  .axis {
    stroke: var(--_border);
  }
  .legend {
    display: flex;
    gap: 1rem;
    font-size: 0.85rem;
    padding: 0;
    list-style: none;
  }
  .swatch {
    display: inline-block;
    width: 0.8rem;
    height: 0.8rem;
    margin-inline-end: 0.3rem;
    vertical-align: middle;
  }
  .swatch.in {
    background: var(--_accent);
  }
  .swatch.resolved {
    background: var(--_success);
  }
  .swatch.backlog {
    background: var(--_warning);
  }
  @media print {
    /* Paper is white: the light look whatever the screen's, with the chart's colours kept. */
    :host,
    :host([theme]) {
      color-scheme: light;
      padding: 0;
    }
    svg,
    .swatch {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .toolbar button,
    .picker,
    .actions,
    .drill,
    [data-print="no"] {
      display: none !important;
    }
    .cards {
      grid-template-columns: repeat(4, 1fr);
    }
    .card {
      break-inside: avoid;
    }
    svg {
      max-width: 17cm;
    }
    table,
    section {
      break-inside: avoid;
    }
    .visually-hidden.printable {
      position: static;
      width: auto;
      height: auto;
      clip: auto;
      white-space: normal;
    }
  }
`;
