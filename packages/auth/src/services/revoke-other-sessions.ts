import type { Database } from "@quarry/db/client";
import type { ContextSession } from "@quarry/trpc/context";
import { deleteOtherSessions } from "../queries/sessions.queries.ts";

/** Signs out every other device of the signed-in user. */
export async function revokeOtherSessions(ctx: {
  db: Database;
  session: ContextSession;
}): Promise<{ revoked: number }> {
  const revoked = await deleteOtherSessions(ctx.db, ctx.session.userId, ctx.session.id);
  return { revoked };
}
