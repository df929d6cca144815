import { router } from "@quarry/trpc/init";

export const enrichmentRouter = router({});
