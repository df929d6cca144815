import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { createCheckoutInput, stripeRedirectOutput } from "../schemas/checkout.ts";
import { createCheckout } from "../services/create-checkout.ts";
import { stripeClient } from "../services/stripe-client.ts";

export const createCheckoutProcedure = workspaceProcedure
  .meta(actionMeta("billing.manage"))
  .input(createCheckoutInput)
  .output(stripeRedirectOutput)
  .mutation(({ ctx, input }) =>
    createCheckout(ctx.svc, input, {
      stripe: stripeClient(ctx.outbound.stripe),
      appOrigin: ctx.req.appOrigin,
    }),
  );
