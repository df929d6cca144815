import { authRouter } from "@quarry/auth/router";
import { creditsRouter } from "@quarry/credits/router";
import { enrichmentRouter } from "@quarry/enrichment/router";
import { recordsRouter } from "@quarry/records/router";
import { router } from "@quarry/trpc/init";
import { workspacesRouter } from "@quarry/workspaces/router";

export const appRouter = router({
  auth: authRouter,
  workspaces: workspacesRouter,
  records: recordsRouter,
  credits: creditsRouter,
  enrichment: enrichmentRouter,
});

export type AppRouter = typeof appRouter;
