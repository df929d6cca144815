import { z } from "zod";
import { enrichEntitySchema } from "./runs.ts";

export const waterfallSchema = z.object({
  entity: enrichEntitySchema,
  field: z.string(),
  /** Provider ids in the order they are tried. */
  providers: z.array(z.string()),
  /** True when the workspace has not set its own order (the registry's default applies). */
  isDefault: z.boolean(),
});

export const enrichmentSettingsSchema = z.object({
  /** A value counts as found at or above this confidence (0–100). */
  confidenceThreshold: z.number().int().min(0).max(100),
  waterfalls: z.array(waterfallSchema),
});
export type EnrichmentSettings = z.infer<typeof enrichmentSettingsSchema>;

export const updateSettingsInput = z.object({
  data: z.object({
    confidenceThreshold: z.number().int().min(0).max(100).optional(),
    /** providers: the order to try; null goes back to the default order. */
    waterfalls: z
      .array(
        z.object({
          entity: enrichEntitySchema,
          field: z.string().max(64),
          providers: z.array(z.string().max(64)).max(20).nullable(),
        }),
      )
      .max(60)
      .optional(),
  }),
});
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;
