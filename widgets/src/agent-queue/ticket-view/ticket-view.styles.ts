import { css } from "lit";

/**
 * The ticket view: head and action bar on top, the conversation with the composer below it, and the
 * facts beside the conversation when the view is 40rem wide or more (below it, under the composer).
 */
export const ticketViewStyles = css`
  :host {
    container-type: inline-size;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem var(--_gap);
    margin-bottom: 0.5rem;
  }
  .head h2 {
    margin: 0 auto 0 0;
    font-size: 1.15rem;
  }
  .body {
    display: grid;
    gap: var(--_gap);
    margin-top: 0.75rem;
  }
  @container (min-width: 40rem) {
    .body {
      grid-template-columns: minmax(0, 1fr) 15rem;
      align-items: start;
    }
  }
  .thread {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .bubble {
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-width: 92%;
  }
  .bubble p {
    margin: 0;
  }
  .bubble.reporter {
    justify-self: start;
  }
  .bubble.desk {
    justify-self: end;
    border-color: var(--_accent);
  }
  .bubble.internal {
    background: var(--_surface);
    border-style: dashed;
    border-color: var(--_warning);
  }
  .event {
    font-size: 0.875em;
    color: var(--_muted);
    text-align: center;
  }
  .facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.15rem 0.6rem;
    margin: 0 0 0.5rem;
    font-size: 0.9em;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  aside {
    border-inline-start: 1px solid var(--_border);
    padding-inline-start: var(--_gap);
  }
  /* Beside the thread the panel is narrow: each fact's label sits above its value. */
  @container (min-width: 40rem) {
    aside .facts {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    aside .facts dd {
      margin-bottom: 0.35rem;
    }
  }
  button.link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
`;
