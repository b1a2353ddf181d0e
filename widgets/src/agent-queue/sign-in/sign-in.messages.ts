import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  title: "Sign in to the service desk",
  email: "E-mail",
  password: "Password",
  signIn: "Sign in",
  or: "or",
  withIdp: "Sign in with {name}",
  forgot: "Forgot your password?",
  forgotTitle: "Get a link to set a new password",
  send: "Send me a link",
  sent: "If an agent of this desk has this address, a link to set a new password is on its way. It works once, for an hour.",
  back: "Back to sign-in",
  setTitle: "Set your password",
  newPassword: "New password (at least {n} characters)",
  setAndSignIn: "Set password and sign in",
  popupBlocked: "The browser blocked the sign-in window; allow pop-ups for this page and try again.",
  busy: "Signing in…",
};

/** A key of the sign-in part's words. */
export type SignInKey = keyof typeof en;

/** The sign-in part's words; Indonesian set by {@link indonesian}. */
export const signInMessages: Messages<SignInKey> = { en };

/** The part's Indonesian words (with the shared wording of failed requests), loaded for Indonesian readers only. */
export const indonesian = lazyWords(() => import("./sign-in.messages.id.js"));
