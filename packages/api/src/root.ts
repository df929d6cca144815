import { authRouter } from "@quarry/auth/router";
import { createWorkspaceWithTrialProcedure } from "@quarry/billing/procedures/create-workspace";
import { billingRouter } from "@quarry/billing/router";
import { creditsRouter } from "@quarry/credits/router";
import { enrichmentRouter } from "@quarry/enrichment/router";
import { recordsRouter } from "@quarry/records/router";
import { router } from "@quarry/trpc/init";
import { workspacesRouter } from "@quarry/workspaces/router";

export const appRouter = router({
  auth: authRouter,
  // A new workspace starts its trial in the same transaction: billing's create wraps the
  // workspaces service (workspaces cannot depend on billing, which depends on credits).
  workspaces: router({ ...workspacesRouter._def.record, create: createWorkspaceWithTrialProcedure }),
  records: recordsRouter,
  credits: creditsRouter,
  enrichment: enrichmentRouter,
  billing: billingRouter,
});

export type AppRouter = typeof appRouter;
