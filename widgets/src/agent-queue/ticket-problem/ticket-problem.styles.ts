import { css } from "lit";

/** The problem part in the ticket view's side panel. */
export const ticketProblemStyles = css`
  :host {
    display: block;
    margin-top: 0.75rem;
  }
  h3 {
    font-size: 1em;
    margin: 0 0 0.25rem;
  }
  p,
  ul {
    margin: 0.25rem 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  dialog {
    max-width: min(32rem, 95vw);
  }
  label,
  fieldset {
    display: block;
    margin: 0.5rem 0;
  }
  fieldset label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin: 0.25rem 0;
  }
  fieldset input {
    width: auto;
    margin: 0;
  }
  input[type="text"],
  textarea {
    display: block;
    width: 100%;
    box-sizing: border-box;
  }
`;
