import type { Clock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import type { ContextSession } from "@quarry/trpc/context";
import { listUserSessions } from "../queries/sessions.queries.ts";
import type { SessionList } from "../schemas/sessions.ts";

/** The signed-in user's live sessions; `current` marks the one making this request. */
export async function listSessions(ctx: {
  db: Database;
  clock: Clock;
  session: ContextSession;
}): Promise<SessionList> {
  const rows = await listUserSessions(ctx.db, ctx.session.userId, ctx.clock.now());
  return {
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      userAgent: r.user_agent,
      ip: r.ip,
      current: r.id === ctx.session.id,
    })),
  };
}
