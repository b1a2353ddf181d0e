/** The remembered class-validator lookups answer exactly what class-validator's own do. */
import "reflect-metadata";
import { IsOptional, MaxLength, validate, type ValidationError } from "class-validator";
import { describe, expect, it } from "vitest";
import { ReportIncidentInput } from "./modules/tickets/report-incident.input.js";
import type { MailLanguage } from "./modules/notifications/mail-language.js";
import { REPORT_LIMITS } from "./modules/tickets/reported-fields.input.js";
import { rememberValidationMetadata } from "./validation-metadata.js";

const report = (fields: Partial<ReportIncidentInput>) => Object.assign(new ReportIncidentInput(), { reporterName: "Budi", description: "Rusak", ...fields });
const summary = (errors: ValidationError[]) => errors.map((e) => [e.property, Object.values(e.constraints ?? {}).sort()]).sort();

const cases: Array<[string, Partial<ReportIncidentInput>]> = [
  ["a good report", {}],
  ["an inherited rule broken (description too long)", { description: "x".repeat(REPORT_LIMITS.description + 1) }],
  ["an inherited rule broken (language)", { language: "fr" as MailLanguage }],
  ["an own rule broken (formToken too long)", { formToken: "t".repeat(300) }],
  ["several at once", { language: "fr" as MailLanguage, website: "w".repeat(2000), attachmentIds: ["not-a-uuid"] }],
];

describe("rememberValidationMetadata", () => {
  it("gives the same errors as class-validator's own lookups, inherited rules included", async () => {
    const before = await Promise.all(cases.map(([, f]) => validate(report(f), { skipMissingProperties: true, forbidUnknownValues: false })));
    rememberValidationMetadata();
    for (const [i, [, fields]] of cases.entries()) {
      const after = await validate(report(fields), { skipMissingProperties: true, forbidUnknownValues: false });
      expect(summary(after)).toEqual(summary(before[i]!));
    }
    expect(summary(before[1]!)).toEqual([["description", [expect.stringContaining("description")]]]);
  });

  it("sees rules of a class decorated after lookups were remembered", async () => {
    rememberValidationMetadata();
    await validate(report({}));
    class Later {
      @IsOptional()
      @MaxLength(3, { message: "too long" })
      name?: string;
    }
    const errors = await validate(Object.assign(new Later(), { name: "abcdef" }));
    expect(summary(errors)).toEqual([["name", ["too long"]]]);
  });
});
