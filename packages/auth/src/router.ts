import { router } from "@quarry/trpc/init";

export const authRouter = router({});
