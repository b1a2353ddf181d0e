import { css } from "lit";

/** A button that reads as a link (an article's title in a list): the help centre's and the report form's suggestions. */
export const linkButtonStyles = css`
  button.link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_accent);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
  }
`;
