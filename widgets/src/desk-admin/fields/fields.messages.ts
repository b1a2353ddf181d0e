import { lazyWords, type Messages } from "../../shared/locale.js";

const en = {
  fields: "Custom fields",
  none: "No custom fields yet: the report form asks only its own questions.",
  key: "Key",
  keyHint: "What reports send the value under; fixed once saved.",
  type: "Type",
  typeHint: "Fixed once saved.",
  "type.TEXT": "Text",
  "type.NUMBER": "Number",
  "type.DATE": "Date",
  "type.YES_NO": "Yes / no",
  "type.CHOICE": "One choice",
  "type.MULTI_CHOICE": "Several choices",
  labelId: "Label in Indonesian",
  labelEn: "Label in English",
  helpId: "Help in Indonesian",
  helpEn: "Help in English",
  required: "Required",
  limits: "Limits",
  maxLength: "Most characters",
  min: "Least value",
  max: "Greatest value",
  minDate: "Earliest date",
  maxDate: "Latest date",
  choices: "Choices",
  choiceN: "Choice {n}",
  choiceValue: "Value",
  choiceId: "Indonesian",
  choiceEn: "English",
  addChoice: "Add a choice",
  removeChoice: "Remove choice {n}",
  scope: "Asked on",
  scopeAll: "Every report",
  scopeSome: "Reports about these services",
  allServices: "all services",
  someServices: "{n} services",
  retired: "Retired",
  requiredTag: "required",
  edit: "Edit",
  editOf: "Edit {name}",
  retire: "Retire",
  retireOf: "Retire {name}",
  restore: "Bring back",
  restoreOf: "Bring back {name}",
  up: "Up",
  upOf: "Move {name} up",
  down: "Down",
  downOf: "Move {name} down",
  add: "Add a field",
  save: "Save",
  cancel: "Cancel",
  saving: "Saving…",
  saved: "Saved.",
  loading: "Loading the custom fields…",
  retry: "Try again",
};

/** A key of the Custom fields section's words. */
export type FieldsKey = keyof typeof en;

/** The Custom fields section's words; Indonesian in fields.messages.id.ts. */
export const fieldsMessages: Messages<FieldsKey> = { en };

/** The section's Indonesian words. */
export const indonesian = lazyWords(() => import("./fields.messages.id.js"));
