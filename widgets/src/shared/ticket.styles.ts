import { css } from "lit";

/**
 * Badges, SLA tones, the timeline and the common layout, shared by the tracker and the agent queue. Meaning never
 * rides on colour alone: every badge and tone also carries its words (and the SLA an icon).
 */
export const ticketStyles = css`
  input,
  select,
  textarea {
    accent-color: var(--_accent);
    /* A <details> body sits in the element's UA shadow slot, which breaks the inherited border-box. */
    box-sizing: border-box;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.P1 {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
  .badge.P2 {
    background: var(--_warning);
    border-color: var(--_warning);
    color: var(--_bg);
  }
  .badge.P3,
  .badge.IN_PROGRESS,
  .badge.ASSIGNED {
    color: var(--_accent);
  }
  .badge.P4,
  .badge.P5,
  .badge.NEW,
  .badge.CANCELLED {
    color: var(--_muted);
  }
  .badge.PENDING {
    color: var(--_warning);
  }
  .badge.RESOLVED,
  .badge.CLOSED {
    color: var(--_success);
  }
  .tone-risk {
    color: var(--_warning);
    font-weight: 600;
  }
  .tone-breached {
    color: var(--_danger);
    font-weight: 700;
  }
  .tone-met {
    color: var(--_success);
  }
  .tone-paused,
  .tone-none,
  .muted {
    color: var(--_muted);
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0 0 0 0.75rem;
    border-left: 2px solid var(--_border);
  }
  .entry {
    margin: 0 0 0.75rem;
    padding: 0.25rem 0.5rem;
  }
  .entry p {
    margin: 0;
  }
  .entry.internal {
    background: var(--_surface);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .what {
    font-weight: 600;
  }
  .msg {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .tag {
    display: inline-block;
    margin-inline-start: 0.5em;
    padding: 0 0.4em;
    border: 1px solid var(--_fg);
    border-radius: 4px;
    color: var(--_fg);
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
  }
  .files {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.2rem;
  }
  a {
    color: var(--_accent);
  }
  .error {
    color: var(--_danger);
    margin: 0.25rem 0;
  }
  .error:empty {
    display: none;
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.2em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1em;
    margin: 1rem 0 0.5rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem var(--_gap);
  }
  .row.end {
    justify-content: flex-end;
    margin-top: 0.5rem;
  }
  .grow {
    flex: 1;
    margin: 0;
  }
  .panel {
    padding: var(--_gap);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2rem 1rem;
    margin: 0.75rem 0 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .code {
    font-family: var(--sigap-font-mono, ui-monospace, monospace);
    white-space: nowrap;
  }
  .indicator {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .indicator::before {
    content: "○ ";
  }
  .indicator.live {
    color: var(--_success);
  }
  .indicator.live::before {
    content: "● ";
  }
`;
