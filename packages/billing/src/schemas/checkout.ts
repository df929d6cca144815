import { z } from "zod";

/** The plans Checkout sells (free is not bought). */
export const paidPlanIds = ["starter", "pro", "enterprise"] as const;
export type PaidPlanId = (typeof paidPlanIds)[number];

export const createCheckoutInput = z.object({ plan: z.enum(paidPlanIds) });
export type CreateCheckoutInput = z.infer<typeof createCheckoutInput>;

/** Where to send the browser: Stripe's hosted Checkout or Billing Portal page. */
export const stripeRedirectOutput = z.object({ url: z.string().url() });
export type StripeRedirect = z.infer<typeof stripeRedirectOutput>;
