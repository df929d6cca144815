import { badInput } from "@quarry/core/app-error";
import { emailSchema } from "@quarry/core/schemas";
import { z } from "zod";
import type { CustomField, CustomFieldType } from "../schemas/custom-fields.ts";
import { urlSchema } from "../schemas/field-types.ts";

const validators: Record<CustomFieldType, (def: CustomField) => z.ZodType> = {
  text: () =>
    z.string({ message: "must be text" }).trim().max(10_000, { message: "must be at most 10000 characters" }),
  number: () => z.number({ message: "must be a number" }),
  date: () => z.iso.date({ message: "must be a date (YYYY-MM-DD)" }),
  boolean: () => z.boolean({ message: "must be true or false" }),
  url: () => urlSchema,
  email: () => emailSchema,
  select: (def) =>
    z.string({ message: "must be text" }).refine((v) => def.options.includes(v), {
      message: `must be one of: ${def.options.join(", ")}`,
    }),
};

/** Validates one value against its definition; throws BAD_REQUEST naming `path`. */
export function checkCustomValue(def: CustomField, value: unknown, path: string): unknown {
  const result = validators[def.type](def).safeParse(value);
  if (!result.success) throw badInput(path, `${path} ${result.error.issues[0]?.message ?? "is invalid"}`);
  return result.data;
}

/**
 * Checks custom values against the workspace's definitions. Returns the normalised values;
 * null means "remove this key". Unknown keys are BAD_REQUEST naming `data.custom.<key>`.
 */
export function checkCustomValues(
  defs: CustomField[],
  values: Record<string, unknown>,
  entityLabel: string,
): Record<string, unknown> {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const path = `data.custom.${key}`;
    const def = byKey.get(key);
    if (!def) throw badInput(path, `custom.${key} is not a custom field of ${entityLabel.toLowerCase()}s`);
    out[key] = value === null || value === undefined ? null : checkCustomValue(def, value, path);
  }
  return out;
}
