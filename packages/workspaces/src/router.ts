import { router } from "@quarry/trpc/init";

export const workspacesRouter = router({});
