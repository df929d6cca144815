import { z } from "zod";

const capSchema = z
  .number({ message: "must be a whole number of credits or empty" })
  .int({ message: "must be a whole number of credits" })
  .positive({ message: "must be a positive number of credits (leave empty for no cap)" })
  .max(1_000_000_000_000)
  .nullable();

/** Hard spend caps: per enrichment run and per calendar month (UTC). null = no cap. */
export const creditSettings = z.object({ runCap: capSchema, monthlyCap: capSchema });
export type CreditSettings = z.infer<typeof creditSettings>;

/** Partial: a cap left out stays as it is; null removes it. */
export const updateCreditSettingsInput = z.object({ data: creditSettings.partial() });
export type UpdateCreditSettingsInput = z.infer<typeof updateCreditSettingsInput>;
