import { z } from "zod";
import { creditsSchema, idempotencyKeySchema } from "./ledger.ts";

/**
 * An admin topping up (`grant`, positive) or correcting (`adjustment`, either sign, not zero) the
 * workspace's credits. Purchases come from billing, not from this form.
 */
export const grantCreditsInput = z
  .object({
    amount: creditsSchema,
    kind: z.enum(["grant", "adjustment"]),
    memo: z.string().trim().min(1, { message: "is required" }).max(500),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((input, ctx) => {
    if (input.kind === "grant" && input.amount <= 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "must be a positive number of credits" });
    }
    if (input.amount === 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "must not be zero" });
    }
  });
export type GrantCreditsInput = z.infer<typeof grantCreditsInput>;

export const grantCreditsOutput = z.object({ transactionId: z.string(), amount: z.number().int() });
export type GrantCreditsResult = z.infer<typeof grantCreditsOutput>;
