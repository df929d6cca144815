import { z } from "zod";
import { enrichEntitySchema } from "./runs.ts";

export const waterfallSchema = z.object({
  entity: enrichEntitySchema,
  field: z.string(),
  /** Provider ids in the order a run started now tries them (in test mode: built-ins, then the sandbox). */
  providers: z.array(z.string()),
  /** The order set on the Providers page (or the default): what test mode leaves as it is. */
  configured: z.array(z.string()),
  /** Why no enabled provider can fill the field now (no key, paused, none in the waterfall); null when one can. */
  unavailable: z.string().nullable(),
  /** True when the workspace has not set its own order (the registry's default applies). */
  isDefault: z.boolean(),
});

export const enrichmentSettingsSchema = z.object({
  /** A value counts as found at or above this confidence (0–100). */
  confidenceThreshold: z.number().int().min(0).max(100),
  /** Test mode: every waterfall is its free built-ins, then the sandbox; vendors are not called. */
  testMode: z.boolean(),
  waterfalls: z.array(waterfallSchema),
});
export type EnrichmentSettings = z.infer<typeof enrichmentSettingsSchema>;

export const updateSettingsInput = z.object({
  data: z.object({
    confidenceThreshold: z.number().int().min(0).max(100).optional(),
    /** On: the sandbox joins every waterfall (saved orders are kept and come back when off). */
    testMode: z.boolean().optional(),
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
