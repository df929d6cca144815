import { router } from "@quarry/trpc/init";

export const creditsRouter = router({});
