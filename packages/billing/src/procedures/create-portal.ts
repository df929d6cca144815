import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { stripeRedirectOutput } from "../schemas/checkout.ts";
import { createPortal } from "../services/create-portal.ts";
import { stripeClient } from "../services/stripe-client.ts";

export const createPortalProcedure = workspaceProcedure
  .meta(actionMeta("billing.manage"))
  .output(stripeRedirectOutput)
  .mutation(({ ctx }) =>
    createPortal(ctx.svc, { stripe: stripeClient(ctx.outbound.stripe), appOrigin: ctx.req.appOrigin }),
  );
