import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { grantCreditsInput, grantCreditsOutput } from "../schemas/grant.ts";
import { grantCredits } from "../services/grant-credits.ts";

export const grantCreditsProcedure = workspaceProcedure
  .meta(actionMeta("credits.manage"))
  .input(grantCreditsInput)
  .output(grantCreditsOutput)
  .mutation(({ ctx, input }) =>
    grantCredits(ctx.db, {
      workspaceId: ctx.workspaceId,
      amount: input.amount,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      memo: input.memo,
      actorId: ctx.user.id,
    }),
  );
