import { z } from "zod";

/** The records domain's workspace settings. */
export const recordSettingsSchema = z.object({
  /** A contact whose domain matches no company gets one created (on by default). */
  autoCreateCompanies: z.boolean(),
});
export type RecordSettings = z.infer<typeof recordSettingsSchema>;

export const updateRecordSettingsInput = z.object({
  data: z.strictObject({ autoCreateCompanies: z.boolean({ message: "must be true or false" }) }),
});
export type UpdateRecordSettingsInput = z.infer<typeof updateRecordSettingsInput>;
