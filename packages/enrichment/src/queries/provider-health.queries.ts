import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

export interface HealthRow {
  provider: string;
  consecutive_failures: number;
  paused_until: Date | null;
  last_error: string | null;
  last_failure_at: Date | null;
}

export async function listHealth(db: Database, workspaceId: string): Promise<HealthRow[]> {
  return db
    .selectFrom("provider_health")
    .select(["provider", "consecutive_failures", "paused_until", "last_error", "last_failure_at"])
    .where("workspace_id", "=", workspaceId)
    .execute();
}

/** Providers of the workspace whose circuit breaker is open right now. */
export async function pausedProviders(db: Database, workspaceId: string): Promise<Map<string, Date>> {
  const rows = await db
    .selectFrom("provider_health")
    .select(["provider", "paused_until"])
    .where("workspace_id", "=", workspaceId)
    .where("paused_until", ">", sql<Date>`now()`)
    .execute();
  const out = new Map<string, Date>();
  for (const r of rows) if (r.paused_until) out.set(r.provider, r.paused_until);
  return out;
}

/**
 * The workspace's providers that are paused now, and those on a failure streak (paused or not):
 * a claim resets a streak after a success only where there is one, so a healthy provider's calls
 * write nothing here.
 */
export async function providerHealthState(
  db: Database,
  workspaceId: string,
): Promise<{ paused: Map<string, Date>; failing: Set<string> }> {
  const rows = await db
    .selectFrom("provider_health")
    .select([
      "provider",
      "consecutive_failures",
      sql<Date | null>`case when paused_until > now() then paused_until end`.as("paused_until"),
    ])
    .where("workspace_id", "=", workspaceId)
    .where((eb) => eb.or([eb("consecutive_failures", ">", 0), eb("paused_until", ">", sql<Date>`now()`)]))
    .execute();
  const paused = new Map<string, Date>();
  const failing = new Set<string>();
  for (const r of rows) {
    if (r.paused_until) paused.set(r.provider, r.paused_until);
    failing.add(r.provider);
  }
  return { paused, failing };
}

/**
 * One more failed call: after `threshold` in a row the provider is paused for `pauseMs`
 * (doubling with each further failure, at most 32×).
 */
export async function recordProviderFailure(
  db: Database,
  workspaceId: string,
  provider: string,
  error: string,
  threshold: number,
  pauseMs: number,
): Promise<void> {
  await sql`
    insert into provider_health as h (workspace_id, provider, consecutive_failures, last_error, last_failure_at,
      paused_until)
    values (${workspaceId}, ${provider}, 1, ${error}, now(),
      case when ${threshold}::int <= 1 then now() + make_interval(secs => ${pauseMs / 1000}) end)
    on conflict (workspace_id, provider) do update set
      consecutive_failures = h.consecutive_failures + 1,
      last_error = excluded.last_error, last_failure_at = now(), updated_at = now(),
      paused_until = case when h.consecutive_failures + 1 >= ${threshold}::int
        then now() + make_interval(secs => ${pauseMs / 1000}
          * power(2, least(5, h.consecutive_failures + 1 - ${threshold}::int)))
        else h.paused_until end`.execute(db);
}

export async function recordProviderSuccess(
  db: Database,
  workspaceId: string,
  provider: string,
): Promise<void> {
  await sql`update provider_health set consecutive_failures = 0, paused_until = null, updated_at = now()
    where workspace_id = ${workspaceId} and provider = ${provider}
      and (consecutive_failures > 0 or paused_until is not null)`.execute(db);
}
