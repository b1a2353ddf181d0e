import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  key: "Site key",
  keyNow: "Current key",
  previousKey: "Previous key {key}, accepted until {until}",
  overlapHours: "Keep the previous key working for (hours)",
  rotate: "Rotate the key",
  rotated: "New key issued; put it in the pages that embed the widgets.",
  origins: "Allowed origins",
  originsHint: "One per line, scheme://host[:port]. Browsers on other origins are refused.",
  uploads: "Uploads",
  maxUploadBytes: "Largest file (bytes)",
  maxUploadHint: "At most {cap} bytes on this deployment.",
  maxAttachmentsPerTicket: "Most files per ticket",
  allowedUploadTypes: "Accepted file types",
  rateLimits: "Rate limits",
  rateHint: "Empty keeps the deployment's value (shown).",
  setting: "Setting",
  points: "Requests",
  seconds: "Per seconds",
  pointsOf: "{key}: requests",
  secondsOf: "{key}: per seconds",
  identity: "Reporter identity",
  secretSet: "An HS256 secret is set.",
  secretUnset: "No HS256 secret is set.",
  reporterJwtSecret: "New HS256 secret",
  secretHint: "Write-only: it is never shown again. Leave empty to keep the current one.",
  removeSecret: "Remove the secret",
  reporterJwksUrl: "JWKS URL",
  jwksHint: "For RS256/ES256 reporter tokens; empty for none.",
  save: "Save access settings",
  saving: "Saving…",
  saved: "Access settings saved.",
  loading: "Loading the access settings…",
  retry: "Try again",
};

/** A key of the Access section's words. */
export type AccessKey = keyof typeof en;

/** The Access section's words; Indonesian in access.messages.id.ts. */
export const accessMessages: Messages<AccessKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./access.messages.id.js"));
