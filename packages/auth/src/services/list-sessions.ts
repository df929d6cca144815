import { actingUserId } from "@quarry/core/service-context";
import type { AccountCtx } from "@quarry/db/service-context";
import { listUserSessions } from "../queries/sessions.queries.ts";
import type { SessionList } from "../schemas/sessions.ts";

/** The signed-in user's live sessions; `current` marks the one making this request. */
export async function listSessions(
  ctx: AccountCtx,
  input: { currentSessionId: string },
): Promise<SessionList> {
  const rows = await listUserSessions(ctx.db, actingUserId(ctx.actor), ctx.clock.now());
  return {
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      userAgent: r.user_agent,
      ip: r.ip,
      current: r.id === input.currentSessionId,
    })),
  };
}
