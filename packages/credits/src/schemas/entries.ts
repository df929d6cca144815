import { pageInput } from "@quarry/core/schemas";
import { z } from "zod";
import { entryKinds } from "./ledger.ts";

export const listEntriesInput = pageInput.extend({
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListEntriesInput = z.infer<typeof listEntriesInput>;

/**
 * One ledger transaction as the workspace sees it. `amount` is the change to available credits
 * (a grant is positive, a hold negative, a capture 0); `held` and `spent` are the changes to those.
 */
export const creditEntry = z.object({
  id: z.string(),
  kind: z.enum(entryKinds),
  amount: z.number().int(),
  held: z.number().int(),
  spent: z.number().int(),
  memo: z.string(),
  runId: z.string().nullable(),
  recordId: z.string().nullable(),
  field: z.string().nullable(),
  provider: z.string().nullable(),
  createdAt: z.string(),
});
export type CreditEntry = z.infer<typeof creditEntry>;

export const listEntriesOutput = z.object({
  items: z.array(creditEntry),
  nextCursor: z.string().nullable(),
});
