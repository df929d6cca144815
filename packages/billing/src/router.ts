import { router } from "@quarry/trpc/init";
import { getBillingProcedure } from "./procedures/get-billing.ts";

export const billingRouter = router({
  get: getBillingProcedure,
});
