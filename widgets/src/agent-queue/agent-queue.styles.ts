import { css } from "lit";

/**
 * The shell's layout: the title bar, the filters, and the list beside the open ticket from 64rem
 * of width (the ticket gets the larger share, so its conversation and facts fit side by side);
 * below that the ticket comes under the list, and below 40rem it takes the list's place.
 */
export const queueStyles = css`
  :host {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem var(--_gap);
    padding-bottom: 0.5rem;
  }
  .toolbar h2 {
    margin: 0 auto 0 0;
  }
  sigap-queue-filters {
    margin-bottom: var(--_gap);
  }
  .layout {
    display: grid;
    gap: var(--_gap);
  }
  .layout > * {
    min-width: 0;
  }
  /* A phone shows the list or the open ticket (with its Back button), never both. */
  @container (max-width: 40rem) {
    .open > sigap-queue-list,
    sigap-queue-filters:has(+ .open) {
      display: none;
    }
  }
  @container (min-width: 64rem) {
    .layout.open {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
    }
  }
`;
