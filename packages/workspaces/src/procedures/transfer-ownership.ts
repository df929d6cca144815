import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { okOutput, transferOwnershipInput } from "../schemas/workspaces.ts";
import { transferOwnership } from "../services/transfer-ownership.ts";

export const transferOwnershipProcedure = workspaceProcedure
  .meta(actionMeta("ownership.transfer"))
  .input(transferOwnershipInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => transferOwnership(ctx.svc, input));
