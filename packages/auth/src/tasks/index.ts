import { pruneAuthStateTask } from "./prune-auth-state.task.ts";

export const tasks = [pruneAuthStateTask];
