import { z } from "zod";

/**
 * What a grant, purchase or adjustment posted. Grants and adjustments are an operator action
 * (`npm run admin -- grant-credits`), never a workspace procedure: no role mints credits.
 */
export const grantCreditsOutput = z.object({ transactionId: z.string(), amount: z.number().int() });
export type GrantCreditsResult = z.infer<typeof grantCreditsOutput>;
