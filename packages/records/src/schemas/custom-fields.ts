import { idSchema } from "@quarry/core/ids";
import { z } from "zod";
import { entityNames } from "./entities.ts";

export const customFieldTypes = ["text", "number", "date", "boolean", "url", "email", "select"] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

export const customFieldKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, {
  message: "must start with a letter and use only a-z, 0-9 and _ (at most 63 characters)",
});

const labelSchema = z
  .string({ message: "must be text" })
  .trim()
  .min(1, { message: "is required" })
  .max(100, { message: "must be at most 100 characters" });

const optionsSchema = z
  .array(z.string().trim().min(1, { message: "must not be empty" }).max(100), {
    message: "must be a list of options",
  })
  .max(200, { message: "must have at most 200 options" })
  .refine((list) => new Set(list).size === list.length, { message: "must not repeat an option" });

export const customFieldSchema = z.object({
  id: z.string(),
  entity: z.enum(entityNames),
  key: z.string(),
  label: z.string(),
  type: z.enum(customFieldTypes),
  options: z.array(z.string()),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const listCustomFieldsInput = z.object({ entity: z.enum(entityNames).optional() });
export const listCustomFieldsOutput = z.object({ items: z.array(customFieldSchema) });

export const createCustomFieldInput = z
  .object({
    entity: z.enum(entityNames),
    key: customFieldKeySchema,
    label: labelSchema,
    type: z.enum(customFieldTypes),
    options: optionsSchema.optional(),
  })
  .superRefine((f, ctx) => {
    const count = f.options?.length ?? 0;
    if (f.type === "select" && count === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "a select field needs at least one option",
      });
    }
    if (f.type !== "select" && count > 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "only select fields have options" });
    }
  });
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldInput>;

/** Key and type never change after creation: values already stored depend on them. */
export const updateCustomFieldInput = z.object({
  id: idSchema,
  data: z.strictObject({ label: labelSchema.optional(), options: optionsSchema.optional() }),
});
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldInput>;

export const customFieldIdInput = z.object({ id: idSchema });
