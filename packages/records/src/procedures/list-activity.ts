import { workspaceProcedure } from "@quarry/trpc/procedures";
import { listActivityInput, listActivityOutput } from "../schemas/activity.ts";
import { listActivity as listActivityService } from "../services/list-activity.ts";

export const listActivity = workspaceProcedure
  .meta({ action: "records.read" })
  .input(listActivityInput)
  .output(listActivityOutput)
  .query(({ ctx, input }) => listActivityService(ctx.svc, input));
