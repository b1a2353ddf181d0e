import { css } from "lit";

/** The tracker's own layout; badges, SLA tones, the timeline and common blocks come from the shared ticket styles. */
export const trackerStyles = css`
  :host {
    max-width: 48rem;
  }
  section,
  .panel {
    margin-top: 1.25rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding-bottom: 0.75rem;
    border-bottom: 1px solid var(--_border);
  }
  header h2 {
    margin-inline-end: auto;
  }
  .code {
    letter-spacing: 0.03em;
    user-select: all;
  }
  label {
    display: block;
    font-weight: 600;
  }
  .row > label {
    flex: 1 1 12rem;
  }
  textarea {
    resize: vertical;
  }
`;
