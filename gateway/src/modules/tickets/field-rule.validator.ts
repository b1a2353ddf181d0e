import { ValidateBy, type ValidationOptions } from "class-validator";
import { fieldProblem, type FieldRule, textProblem } from "./field.rules.js";

/** Validates an input field by its FieldRule (field.rules), with the rule's own message. */
export function FollowsRule(rule: FieldRule, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "followsRule",
      validator: {
        validate: (value: unknown) => fieldProblem(rule, value as string | null | undefined) === null,
        defaultMessage: (args) => fieldProblem(rule, args?.value as string | null | undefined) ?? `${rule.field} is not valid`,
      },
    },
    options,
  );
}

/** Validates free text: required or not, at most `max` characters as the databases count them. */
export function Text(field: string, max: number, required: boolean, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "text",
      validator: {
        validate: (value: unknown) => typeof value === "string" || (!required && value == null) ? textProblem(field, value as string | null | undefined, max, required) === null : false,
        defaultMessage: (args) => textProblem(field, args?.value as string | null | undefined, max, required) ?? `${field} must be text`,
      },
    },
    options,
  );
}
