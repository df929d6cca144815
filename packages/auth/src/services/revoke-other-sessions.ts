import { actingUserId } from "@quarry/core/service-context";
import type { AccountCtx } from "@quarry/db/service-context";
import { deleteOtherSessions } from "../queries/sessions.queries.ts";

/** Signs out every other device of the signed-in user. */
export async function revokeOtherSessions(
  ctx: AccountCtx,
  input: { currentSessionId: string },
): Promise<{ revoked: number }> {
  const revoked = await deleteOtherSessions(ctx.db, actingUserId(ctx.actor), input.currentSessionId);
  return { revoked };
}
