import type { ContextSession } from "@quarry/trpc/context";
import { deleteSession } from "../queries/sessions.queries.ts";
import type { AuthContext } from "./auth-context.ts";
import { SESSION_COOKIE } from "./validate-session.ts";

export async function signOut(
  ctx: Pick<AuthContext, "db" | "cookies"> & { session: ContextSession },
): Promise<{ ok: true }> {
  await deleteSession(ctx.db, ctx.session.id);
  ctx.cookies.clear(SESSION_COOKIE);
  return { ok: true };
}
