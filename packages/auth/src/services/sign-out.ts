import type { PublicCtx } from "@quarry/db/service-context";
import { deleteSession } from "../queries/sessions.queries.ts";

/** Ends the session; the procedure clears the cookie. */
export async function signOut(
  ctx: Pick<PublicCtx, "db">,
  input: { sessionId: string },
): Promise<{ ok: true }> {
  await deleteSession(ctx.db, input.sessionId);
  return { ok: true };
}
