import { idSchema } from "@quarry/core/ids";
import { z } from "zod";
import { filterGroupSchema } from "./filter.ts";

/** Which records a bulk action (an enrichment run, an export) applies to. */
export const recordSelectionSchema = z.union([
  z.strictObject({ id: idSchema }),
  z.strictObject({
    ids: z
      .array(idSchema)
      .min(1, { message: "must name at least one record" })
      .max(10_000, { message: "must name at most 10,000 records" }),
  }),
  z.strictObject({
    filter: filterGroupSchema.optional(),
    search: z.string().trim().max(200, { message: "must be at most 200 characters" }).optional(),
  }),
]);
export type RecordSelection = z.infer<typeof recordSelectionSchema>;
