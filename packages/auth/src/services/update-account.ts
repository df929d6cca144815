import { actingUserId } from "@quarry/core/service-context";
import type { SessionUser } from "@quarry/core/session";
import type { AccountCtx } from "@quarry/db/service-context";
import { updateUserName } from "../queries/users.queries.ts";
import type { UpdateAccountInput } from "../schemas/auth.ts";

/** The signed-in user edits their own profile (today: the name shown to their workspaces). */
export async function updateAccount(
  ctx: AccountCtx,
  input: UpdateAccountInput,
): Promise<{ user: SessionUser }> {
  const user = await updateUserName(ctx.db, actingUserId(ctx.actor), input.data.name);
  return { user };
}
