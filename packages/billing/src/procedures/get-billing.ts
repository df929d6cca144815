import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta, can } from "@quarry/workspaces/permissions";
import { billingOutput } from "../schemas/billing.ts";
import { getBilling } from "../services/get-billing.ts";
import { billingConfigured } from "../services/stripe-client.ts";

export const getBillingProcedure = workspaceProcedure
  .meta(actionMeta("billing.read"))
  .output(billingOutput)
  .query(({ ctx }) =>
    getBilling(ctx.svc, {
      configured: billingConfigured(ctx.outbound.stripe),
      full: can(ctx.role, "billing.manage"),
    }),
  );
