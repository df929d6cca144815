import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { onboardingSchema } from "../schemas/onboarding.ts";
import { getOnboarding } from "../services/get-onboarding.ts";

export const getOnboardingProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.read"))
  .output(onboardingSchema)
  .query(({ ctx }) => getOnboarding(ctx.svc));
