import { css } from "lit";

/**
 * An attachment inside a widget's thread: it takes the host widget's theme tokens (`--_*`, which
 * inherit), so it is light or dark with its host.
 */
export const attachmentStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    max-width: 100%;
    vertical-align: middle;
  }
  :focus-visible {
    outline: 3px solid var(--_focus, #0b5cad);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    color: var(--_accent, #0b5cad);
    background: none;
    border: 0;
    padding: 0;
    border-radius: var(--_radius, 6px);
  }
  .link,
  a {
    color: var(--_accent, #0b5cad);
    text-decoration: underline;
    overflow-wrap: anywhere;
  }
  .thumb img {
    display: block;
    width: 6rem;
    height: 4.5rem;
    object-fit: cover;
    border: 1px solid var(--_border, #8a93a0);
    border-radius: var(--_radius, 6px);
    background: var(--_surface, #f5f6f8);
  }
  .size,
  .error {
    font-size: 0.875em;
    color: var(--_muted, #525a66);
  }
  .error {
    color: var(--_danger, #b3261e);
  }
  dialog {
    max-width: min(56rem, 94vw);
    max-height: 94vh;
    padding: 0.75rem;
    border: 1px solid var(--_border, #8a93a0);
    border-radius: var(--_radius, 6px);
    color: var(--_fg, #1b1f24);
    background: var(--_bg, #ffffff);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  dialog img {
    display: block;
    max-width: 100%;
    max-height: 80vh;
    margin: 0.5rem auto;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .bar p {
    margin: 0 auto 0 0;
    overflow-wrap: anywhere;
  }
  .close {
    color: var(--_accent-fg, #ffffff);
    background: var(--_accent, #0b5cad);
    padding: 0.4rem 0.9rem;
  }
`;
