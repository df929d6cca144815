import { systemClock } from "@quarry/core/clock";
import { defineTask } from "@quarry/queue/define-task";
import { z } from "zod";
import { pruneAuthState } from "../services/prune-auth-state.ts";

/** Daily clean-up of expired sessions, password resets and stale sign-in throttles. Safe to re-run. */
export const pruneAuthStateTask = defineTask({
  name: "auth/prune-expired",
  payload: z.object({}),
  async run(_payload, { db, log }) {
    const deleted = await pruneAuthState(db, systemClock);
    log.info({ deleted }, "pruned expired auth state");
  },
});
