/**
 * Operations of the agent queue's sign-in part: with the site key, before there is a token.
 * Types come from generated.ts (`pnpm codegen`), checked against schema/sigap.graphql.
 */
import type * as G from "./generated.js";
import { operation } from "./operation.js";

/** The ways in this site offers. */
export const SignInOptions = operation<G.SignInOptionsQuery, G.SignInOptionsQueryVariables>(/* GraphQL */ `
  query SignInOptions { signInOptions { password oidcStartUrl oidcName passwordMinLength } }
`);

/** E-mail and password. */
export const SignIn = operation<G.SignInMutation, G.SignInMutationVariables>(/* GraphQL */ `
  mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { token expiresAt } }
`);

/** "Forgot password": mails a one-time link. */
export const RequestPasswordReset = operation<G.RequestPasswordResetMutation, G.RequestPasswordResetMutationVariables>(/* GraphQL */ `
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`);

/** A new password with a reset or invitation link's secret. */
export const SetPasswordWithLink = operation<G.SetPasswordWithLinkMutation, G.SetPasswordWithLinkMutationVariables>(/* GraphQL */ `
  mutation SetPasswordWithLink($secret: String!, $password: String!) { setPasswordWithLink(secret: $secret, password: $password) { token expiresAt } }
`);

/** The identity provider popup's one-time code, for a token. */
export const RedeemSignInCode = operation<G.RedeemSignInCodeMutation, G.RedeemSignInCodeMutationVariables>(/* GraphQL */ `
  mutation RedeemSignInCode($code: String!) { redeemSignInCode(code: $code) { token expiresAt } }
`);
