import { router } from "@quarry/trpc/init";

export const recordsRouter = router({});
