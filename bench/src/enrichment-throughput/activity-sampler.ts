import type pg from "pg";

export interface ActivitySummary {
  samples: number;
  /** Mean backends of the bench database in a transaction or running a statement. */
  busy: number;
  /** Mean backends waiting for the credits ledger's advisory lock (pg_advisory_xact_lock, one per workspace). */
  ledgerLockWaiting: number;
}

/**
 * Samples pg_stat_activity of the bench database every `everyMs` until stopped: how many of the
 * workers' connections are busy, and how many of those wait for the ledger lock.
 */
export function sampleActivity(pool: pg.Pool, everyMs = 100): { stop(): Promise<ActivitySummary> } {
  let samples = 0;
  let busy = 0;
  let waiting = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = await pool
        .query<{ busy: number; waiting: number }>(
          `select count(*) filter (where state <> 'idle')::int as busy,
                count(*) filter (where wait_event_type = 'Lock' and wait_event = 'advisory')::int as waiting
         from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
        )
        .catch(() => null);
      if (!result) break; // the pool is closing: the round ended on an error
      const rows = result.rows;
      samples++;
      busy += rows[0]?.busy ?? 0;
      waiting += rows[0]?.waiting ?? 0;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return {
        samples,
        busy: samples ? busy / samples : 0,
        ledgerLockWaiting: samples ? waiting / samples : 0,
      };
    },
  };
}
