import { z } from "zod";

/** Credits a workspace can spend, credits reserved by running enrichment, and credits spent so far. */
export const balanceOutput = z.object({
  available: z.number().int(),
  held: z.number().int(),
  spent: z.number().int(),
});
export type Balance = z.infer<typeof balanceOutput>;
