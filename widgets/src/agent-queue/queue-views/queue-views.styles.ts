import { css } from "lit";

/** The views list: a row of buttons with counts that wraps; below 40rem of its own width, one select, so a phone's first screen stays the queue. */
export const queueViewsStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    padding: 0.25rem 0;
  }
  .view {
    display: inline-flex;
    align-items: center;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .view button {
    border: 0;
    background: none;
    color: var(--_fg);
    padding: 0.3rem 0.5rem;
    font: inherit;
    cursor: pointer;
  }
  .view[data-active] {
    border-color: var(--_accent);
    box-shadow: inset 0 -2px 0 var(--_accent);
  }
  .count {
    margin-inline-start: 0.35rem;
    padding: 0 0.35rem;
    border-radius: 999px;
    background: var(--_surface);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .view button.delete {
    padding-inline: 0.4rem;
    color: var(--_muted);
  }
  select {
    display: none;
  }
  .error {
    color: var(--_danger);
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    align-items: center;
  }
  @container (max-width: 40rem) {
    .view {
      display: none;
    }
    select {
      display: block;
      flex: 1 1 12rem;
      min-width: 0;
    }
  }
`;
