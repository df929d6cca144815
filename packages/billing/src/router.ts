import { router } from "@quarry/trpc/init";
import { createCheckoutProcedure } from "./procedures/create-checkout.ts";
import { createPortalProcedure } from "./procedures/create-portal.ts";
import { getBillingProcedure } from "./procedures/get-billing.ts";

export const billingRouter = router({
  get: getBillingProcedure,
  checkout: router({ create: createCheckoutProcedure }),
  portal: router({ create: createPortalProcedure }),
});
