import { css } from "lit";

/**
 * The design tokens every widget shares. Hosts override any `--sigap-*` property; `theme="dark"`
 * gives the dark look, `theme="auto"` follows the reader's system (CSS light-dark()). Colours
 * meet WCAG 2.2 AA on their backgrounds in both looks.
 */
export const themeStyles = css`
  :host {
    /* Each token names its light and dark value once; color-scheme picks between them. */
    color-scheme: light;
    --_bg: var(--sigap-color-bg, light-dark(#ffffff, #16191d));
    --_surface: var(--sigap-color-surface, light-dark(#f5f6f8, #22262c));
    --_fg: var(--sigap-color-fg, light-dark(#1b1f24, #eef0f3));
    --_muted: var(--sigap-color-muted, light-dark(#525a66, #b4bcc7));
    --_border: var(--sigap-color-border, light-dark(#8a93a0, #78818e));
    --_accent: var(--sigap-color-accent, light-dark(#0b5cad, #8cc4ff));
    --_accent-fg: var(--sigap-color-accent-fg, light-dark(#ffffff, #0b1522));
    --_danger: var(--sigap-color-danger, light-dark(#b3261e, #ffb4ab));
    --_warning: var(--sigap-color-warning, light-dark(#8a5300, #ffcf70));
    --_success: var(--sigap-color-success, light-dark(#1e6b34, #8fd9a0));
    --_focus: var(--sigap-color-focus, light-dark(#0b5cad, #8cc4ff));
    --_radius: var(--sigap-radius, 6px);
    --_gap: var(--sigap-space, 0.75rem);
    display: block;
    box-sizing: border-box;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--sigap-font-family, inherit);
    font-size: var(--sigap-font-size, 1rem);
    line-height: 1.5;
  }
  /* color-scheme also gives native parts (date picker, file button, select menus, scrollbars) the look. */
  :host([theme="dark"]) {
    color-scheme: dark;
  }
  :host([theme="auto"]) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
    padding: 0.5rem 1rem;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.45rem 0.6rem;
    width: 100%;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
