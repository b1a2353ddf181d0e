import { Field, InputType, Int, ObjectType } from "type-graphql";
import { RATE_BOUNDS } from "../../http/limits/limits.rules.js";
import { MAX_ALLOWED_ORIGINS, MAX_ATTACHMENTS_PER_TICKET } from "./site-access.rules.js";

/** A rate budget or fill time as shown: so many points per so many seconds. */
@ObjectType({ description: "So many points (requests) per so many seconds; for formMinSeconds only seconds (points null)." })
export class RateLimitValue {
  @Field(() => Int, { nullable: true })
  points: number | null;

  @Field(() => Int)
  seconds: number;
}

/** One overridable rate setting with the deployment's value and the site's own. */
@ObjectType({ description: "One rate setting a site may override: the deployment's value beside the site's own (null: the deployment's)." })
export class RateLimitView {
  @Field(() => String, { description: "As `sigap site:limits --set` names it: reports.perAddress, reports.perSite, … failedLookups.perAddress, formMinSeconds." })
  key: string;

  @Field(() => RateLimitValue, { description: "The deployment's value (Sigap's defaults under SIGAP_RATE_LIMITS)." })
  default: RateLimitValue;

  @Field(() => RateLimitValue, { nullable: true, description: "The site's own value; null keeps the deployment's." })
  override: RateLimitValue | null;

  @Field(() => Int, { nullable: true, description: "Fewest points an override may give; null for formMinSeconds." })
  minPoints: number | null;

  @Field(() => Int, { nullable: true, description: "Most points an override may give; null for formMinSeconds." })
  maxPoints: number | null;

  @Field(() => Int, { description: "Fewest seconds an override may give." })
  minSeconds: number;

  @Field(() => Int, { description: "Most seconds an override may give." })
  maxSeconds: number;
}

/** Who and what a site lets in. */
@ObjectType({ description: "A site's keys, browser origins, upload limits, rate-limit overrides and reporter-token keys (ADMIN only)." })
export class SiteAccess {
  @Field(() => String, { description: "The public key widgets send now." })
  siteKey: string;

  @Field(() => String, { nullable: true, description: "The key before the last rotation, while it still works; null when none does." })
  previousSiteKey: string | null;

  @Field(() => Date, { nullable: true, description: "When previousSiteKey stops working (then it is refused like an unknown key)." })
  previousKeyValidUntil: Date | null;

  @Field(() => [String], { description: `Browser origins allowed to use the widgets (scheme://host[:port]; https, or http on localhost); at most ${MAX_ALLOWED_ORIGINS}.` })
  allowedOrigins: string[];

  @Field(() => Int, { description: "Largest evidence file, in bytes; at most maxUploadBytesCap." })
  maxUploadBytes: number;

  @Field(() => Int, { description: "The deployment's largest file (MAX_UPLOAD_BYTES)." })
  maxUploadBytesCap: number;

  @Field(() => Int, { description: `Most files one ticket may carry, 0 to ${MAX_ATTACHMENTS_PER_TICKET}.` })
  maxAttachmentsPerTicket: number;

  @Field(() => [String], { description: "Content types accepted, checked against the type sniffed from the bytes." })
  allowedUploadTypes: string[];

  @Field(() => [String], { description: "The types allowedUploadTypes may hold: what the gateway recognises by content, less programs." })
  uploadTypeChoices: string[];

  @Field(() => [RateLimitView], { description: "Every rate setting the site may override." })
  rateLimits: RateLimitView[];

  @Field(() => Boolean, { description: "Whether an HS256 reporter-token secret is set (it is never shown)." })
  reporterSecretSet: boolean;

  @Field(() => String, { nullable: true, description: "The JWKS URL RS256/ES256 reporter tokens verify against; null: none." })
  reporterJwksUrl: string | null;
}

/** One override as an admin gives it. */
@InputType({ description: "A site's own value for one rate setting: points per seconds, or for formMinSeconds seconds alone." })
export class RateLimitOverrideInput {
  @Field(() => String, { description: "One of SiteAccess.rateLimits' keys." })
  key: string;

  @Field(() => Int, { nullable: true, description: `${RATE_BOUNDS.points.min} to ${RATE_BOUNDS.points.max}; leave out for formMinSeconds.` })
  points?: number | null;

  @Field(() => Int, { description: `${RATE_BOUNDS.seconds.min} to ${RATE_BOUNDS.seconds.max} (formMinSeconds: ${RATE_BOUNDS.formMinSeconds.min} to ${RATE_BOUNDS.formMinSeconds.max}).` })
  seconds: number;
}

/** A change of a site's access: only the fields given change. */
@InputType({ description: "Access settings to change; left out stays. reporterJwtSecret/reporterJwksUrl: null removes; setting one removes the other." })
export class UpdateSiteAccessInput {
  @Field(() => [String], { nullable: true, description: "The whole list; [] allows no browser origin (server-to-server calls only)." })
  allowedOrigins?: string[] | null;

  @Field(() => Int, { nullable: true })
  maxUploadBytes?: number | null;

  @Field(() => Int, { nullable: true })
  maxAttachmentsPerTicket?: number | null;

  @Field(() => [String], { nullable: true, description: "Some of uploadTypeChoices, at least one." })
  allowedUploadTypes?: string[] | null;

  @Field(() => [RateLimitOverrideInput], { nullable: true, description: "The site's whole set of overrides; [] or null: the deployment's limits." })
  rateLimits?: RateLimitOverrideInput[] | null;

  @Field(() => String, { nullable: true, description: "HS256 secret, 32–200 characters; write-only. null removes it." })
  reporterJwtSecret?: string | null;

  @Field(() => String, { nullable: true, description: "http(s) JWKS URL; null removes it." })
  reporterJwksUrl?: string | null;
}
