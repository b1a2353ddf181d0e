import { css } from "lit";

/** The sign-in form's layout. */
export const signInStyles = css`
  form {
    display: grid;
    gap: var(--_gap);
    max-width: 24rem;
  }
  label {
    display: grid;
    gap: 0.25rem;
  }
  h2 {
    margin: 0;
    font-size: 1.2em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
  .error {
    color: var(--_danger);
    margin: 0;
  }
  button.link {
    border: 0;
    padding: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }
`;
