import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/**
 * Reserves the next call slot of a (workspace, provider) bucket shared by every worker process:
 * slots are `intervalMs` apart, so any window of W ms holds at most W / intervalMs + 1 calls.
 * Returns how long to wait (ms) until the reserved slot.
 */
export async function reserveRateSlot(
  db: Database,
  workspaceId: string,
  provider: string,
  intervalMs: number,
): Promise<number> {
  const step = sql`make_interval(secs => ${intervalMs / 1000})`;
  const { rows } = await sql<{ wait_ms: number }>`
    insert into provider_rate_buckets as b (workspace_id, provider, next_slot_at)
    values (${workspaceId}, ${provider}, clock_timestamp() + ${step})
    on conflict (workspace_id, provider) do update
      set next_slot_at = greatest(b.next_slot_at, clock_timestamp()) + ${step}, updated_at = now()
    returning greatest(0, extract(epoch from (b.next_slot_at - ${step} - clock_timestamp())) * 1000)::float8 as wait_ms`.execute(
    db,
  );
  return rows[0]?.wait_ms ?? 0;
}
