import { pruneIdempotencyKeysTask } from "./prune-idempotency-keys.task.ts";

export const tasks = [pruneIdempotencyKeysTask];
